from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "pcplan.core"
    label = "core"
    verbose_name = "Organisations and people"

    def ready(self) -> None:
        # Registers the `<export:fmt>` URL converter before any URLconf is read.
        from pcplan.core import exports  # noqa: F401
