from django.apps import AppConfig


class EngagementConfig(AppConfig):
    name = "pcplan.engagement"
    label = "engagement"
    verbose_name = "Engagement, consultation and communications"
