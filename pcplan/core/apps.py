from typing import Any

import django_stubs_ext
from django.apps import AppConfig
from django.db.models.signals import post_migrate

# Generic model classes (`QuerySet[Plan]`) at run time. Here rather than in the settings, so that
# reading the settings (`pcplan --help`) does not import Django's ORM: app configs are all imported
# before any model module, and core is the first pcplan app.
django_stubs_ext.monkeypatch()

# Choice labels translated once per field and language, not on every `get_FOO_display()`
# (issue 17): installed here, before any model class binds Django's own.
from pcplan.core import choices  # noqa: E402

choices.install()


def create_cache_table(sender: AppConfig, using: str = "default", **kwargs: Any) -> None:
    """`pcplan migrate` also creates the database cache's table (a no-op when it exists)."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)


class CoreConfig(AppConfig):
    name = "pcplan.core"
    label = "core"
    verbose_name = "Organisations and people"

    def ready(self) -> None:
        # Registers the `<export:fmt>` URL converter before any URLconf is read.
        from pcplan.core import (
            exports,  # noqa: F401
            pagecache,
        )

        pagecache.connect_signals()
        post_migrate.connect(create_cache_table, sender=self, dispatch_uid="pcplan-cache-table")
