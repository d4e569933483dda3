from django.apps import AppConfig


class PanelConfig(AppConfig):
    name = "pcplan.panel"
    label = "panel"
    verbose_name = "Police and Crime Panel"
