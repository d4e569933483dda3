from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "pcplan.plans"
    label = "plans"
    verbose_name = "Police and Crime Plans"
