from django.apps import AppConfig


class GrantsConfig(AppConfig):
    name = "pcplan.grants"
    verbose_name = "Grants and commissioning"
