from django.apps import AppConfig


class TransparencyConfig(AppConfig):
    name = "pcplan.transparency"
    label = "transparency"
    verbose_name = "Transparency and statutory accountability"
