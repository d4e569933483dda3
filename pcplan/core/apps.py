from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "pcplan.core"
    label = "core"
    verbose_name = "Organisations and people"
