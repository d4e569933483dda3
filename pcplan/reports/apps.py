from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "pcplan.reports"
    label = "reports"
    verbose_name = "Reports"
