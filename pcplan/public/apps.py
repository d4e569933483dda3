from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "pcplan.public"
    label = "public"
    verbose_name = "Public site"
