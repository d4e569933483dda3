from django.apps import AppConfig


class PartnershipsConfig(AppConfig):
    name = "pcplan.partnerships"
    label = "partnerships"
    verbose_name = "Partnerships and boards"
