"""When the records behind a page last changed: the Last-Modified of the API's lists and of
the feeds, for conditional GETs (If-Modified-Since answered with 304 Not Modified).

Every change to a record is audited (django-simple-history), additions, edits, publication
and deletion alike, so the latest audit row of the models a page reads is when the page last
changed. One query, whatever the number of models: the greatest of each history table's
latest date (each table's `history_date` is indexed).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import connection
from django.db.models import Model
from django.utils import timezone
from django.utils.dateparse import parse_datetime


def history_table(model: type[Model]) -> str:
    history = getattr(model, "history", None)
    if history is None:
        raise TypeError(f"{model.__name__} keeps no history, so its changes cannot be dated.")
    table: str = history.model._meta.db_table
    return table


def last_changed(models: Iterable[type[Model]]) -> dt.datetime | None:
    """When any row of `models` was last added, changed or deleted; None if never."""
    quote = connection.ops.quote_name
    parts = [
        f"SELECT MAX(history_date) AS changed FROM {quote(history_table(m))}"  # noqa: S608
        for m in models
    ]
    if not parts:
        return None
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT MAX(changed) FROM ({' UNION ALL '.join(parts)}) AS changes")  # noqa: S608
        (value,) = cursor.fetchone()
    if value is None:
        return None
    if isinstance(value, str):  # SQLite gives the stored text of the greatest date
        parsed = parse_datetime(value)
        if parsed is None:
            return None
        value = parsed
    if timezone.is_naive(value):
        value = timezone.make_aware(value, dt.UTC)
    return value
