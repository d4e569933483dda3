from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ApiConfig(AppConfig):
    name = "pcplan.api"
    label = "api"
    verbose_name = "Open data API"

    def ready(self) -> None:
        from pcplan.api.search_index import repair_after_migrate

        # A later migration that changes an indexed table drops its SQLite triggers.
        post_migrate.connect(repair_after_migrate, sender=self, dispatch_uid="pcplan-search-index")
