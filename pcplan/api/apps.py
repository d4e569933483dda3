from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "pcplan.api"
    label = "api"
    verbose_name = "Open data API"
