"""Publishing: one abstract model and one service for everything the public may come to see.

A model that editors publish inherits `Publishable` and says who may publish it by
implementing `may_be_published_by(user)` (delegating to its app's `permissions.py`). Every
publication, from a web page, the command line or an import, then goes through
`set_published` (or, for an import that has already checked its file, `stamp_publication`),
so that `published_at` and `published_by` always say when and by whom, and the change is in
the audit trail.

Being published is not being public: what the public sees also depends on the plan, and is
decided by each model's `.public()` queryset.

This module imports only Django, so that any app may build on it.
"""

from __future__ import annotations

from typing import TypeVar

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from pcplan.core.audit import attributed_to

PUBLICATION_FIELDS = ["is_published", "published_at", "published_by"]


class Publishable(models.Model):
    """Published or not, when, and by whom (none when imported from a file by no one)."""

    is_published = models.BooleanField(gettext_lazy("published"), default=False)
    published_at = models.DateTimeField(gettext_lazy("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=gettext_lazy("published by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True

    def may_be_published_by(self, user: models.Model) -> bool:
        """Whether `user` may publish or withdraw this; each model answers from its app's rules."""
        raise NotImplementedError(f"{type(self).__name__} must say who may publish it.")

    def stamp_publication(self, published: bool, by: models.Model | None) -> list[str]:
        """Set the publication fields as publishing does, and name those to save.

        Publishing again keeps the first publication's stamps; withdrawing clears them.
        Returns no fields when nothing changes, so that nothing is saved or audited.
        """
        if self.is_published == published and (self.published_at is not None) == published:
            return []
        self.is_published = published
        self.published_at = timezone.now() if published else None
        self.published_by = by if published else None  # type: ignore[assignment]
        return list(PUBLICATION_FIELDS)


P = TypeVar("P", bound=Publishable)


@transaction.atomic
def set_published(user: models.Model, obj: P, published: bool) -> P:
    """Publish or withdraw `obj` on behalf of `user`: permission-checked, atomic, audited."""
    if not obj.may_be_published_by(user):
        raise PermissionDenied(gettext("You may not publish or withdraw this."))
    changed = obj.stamp_publication(published, user)
    if changed:
        reason = "Published" if published else "Unpublished"
        attributed_to(obj, user, reason).save(update_fields=changed)
    return obj
