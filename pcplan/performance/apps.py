from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "pcplan.performance"
    label = "performance"
    verbose_name = "Performance measures"
