from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    name = "pcplan.delivery"
    label = "delivery"
    verbose_name = "Delivery plan"
