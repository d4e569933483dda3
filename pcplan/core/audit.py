"""Who made a change, for the audit trail kept by django-simple-history.

Web requests are attributed by simple_history's middleware; services called from the command
line or tests attribute the change explicitly through `attributed_to`.
"""

from __future__ import annotations

from typing import TypeVar

from django.db import models

M = TypeVar("M", bound=models.Model)


def attributed_to(instance: M, user: models.Model | None, reason: str = "") -> M:
    """Mark the next save of `instance` in its history as made by `user`, for `reason`."""
    if user is not None:
        instance._history_user = user  # type: ignore[attr-defined]
    if reason:
        instance._change_reason = reason  # type: ignore[attr-defined]
    return instance
