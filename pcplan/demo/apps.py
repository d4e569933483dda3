from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "pcplan.demo"
    label = "demo"
    verbose_name = "Demo data"
