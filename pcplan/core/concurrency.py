"""Optimistic concurrency for edit forms: a save made from a stale page is refused.

A versioned model carries an integer `version`, moved on by one on every save through its
service. The edit form carries the version it was served with in a hidden field; the service
claims the next version with one conditional UPDATE (`... WHERE pk = %s AND version = %s`)
inside its `transaction.atomic()`. The database lets only one of two concurrent claims
match, so the second editor is told what changed instead of silently undoing the first.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext

# Publishing is not an edit of a form's fields: a form opened before it may still be saved.
NOT_AN_EDIT = frozenset({"is_published", "published_at", "published_by"})


class Versioned(models.Model):
    """A model whose edit forms refuse stale saves (see `claim_version`).

    Every save moves the version on: a service claims it (`claim_version`, checked against
    the version its form was served with), and any other save (an import, the admin, a
    command) claims the next one itself, so that a form opened before it is refused too.
    """

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        claimed = self.__dict__.pop("_version_claimed", False)
        update_fields = kwargs.get("update_fields")
        only_publishing = update_fields is not None and set(update_fields) <= NOT_AN_EDIT
        if not claimed and not only_publishing and not self._state.adding:
            claim_version(self, None)
            self.__dict__.pop("_version_claimed", None)
        super().save(*args, **kwargs)


class StaleEdit(ValidationError):
    """The row was saved by someone else after the form was served."""

    def __init__(self, messages: list[str], current_version: int) -> None:
        super().__init__(messages)
        self.current_version = current_version


def claim_version(instance: Versioned, served: int | None, *, noun: str | None = None) -> None:
    """Move `instance` on to its next version, or raise StaleEdit when the row is no longer
    at `served`. Call inside the service's transaction, before saving the instance.

    `served` is None for saves that come from no form (imports, the command line): they
    still move the version on, so that a form opened before them becomes stale. `noun` names
    the record in the refusal; the model's verbose name when not given.
    """
    if instance.pk is None or instance._state.adding:
        instance.version = 1
        return
    rows = type(instance)._default_manager.filter(pk=instance.pk)
    if served is None:
        if rows.update(version=F("version") + 1):
            instance.version = rows.values_list("version", flat=True).get()
        instance.__dict__["_version_claimed"] = True
        return
    # One statement: the database row-locks it, and a concurrent claim of the same version
    # waits, then finds the version moved on and matches nothing.
    if rows.filter(version=served).update(version=served + 1) == 1:
        instance.version = served + 1
        instance.__dict__["_version_claimed"] = True
        return
    raise stale_edit(instance, served, noun=noun or str(instance._meta.verbose_name))


def claim_if_versioned(instance: models.Model, served: int | None) -> None:
    """`claim_version` for the shared services that save records of several models (a plan,
    a theme, a priority...): only the versioned ones carry a version to claim."""
    if isinstance(instance, Versioned):
        claim_version(instance, served)


def stale_edit(instance: Versioned, served: int, *, noun: str) -> StaleEdit:
    """The refusal, saying who changed the row, when, and which values differ now."""
    current = type(instance)._default_manager.get(pk=instance.pk)
    history = getattr(type(instance), "history", None)
    latest = seen = None
    if history is not None:
        records = history.filter(id=instance.pk).order_by("-history_date", "-history_id")
        latest = records.first()
        seen = records.filter(version=served).first()
    if latest is not None and latest.history_user is not None:
        when = timezone.localtime(latest.history_date).strftime("%H:%M")
        headline = gettext(
            "This %(noun)s was changed by %(person)s at %(time)s since you opened it"
        ) % {"noun": noun, "person": latest.history_user, "time": when}
    else:
        headline = gettext("This %(noun)s was changed since you opened it") % {"noun": noun}
    messages = [headline]
    for label, value in changed_values(current, seen):
        messages.append(gettext("%(field)s is now: %(value)s") % {"field": label, "value": value})
    messages.append(
        gettext("Your changes are below and have not been saved. Check them, then save again.")
    )
    return StaleEdit(messages, current_version=current.version)


def changed_values(current: models.Model, seen: Any) -> Iterable[tuple[str, str]]:
    """Each edited field whose value differs from the one the editor was shown."""
    if seen is None:
        return
    for field in current._meta.concrete_fields:
        if not field.editable or field.primary_key or not hasattr(seen, field.attname):
            continue
        if getattr(current, field.attname) == getattr(seen, field.attname):
            continue
        if field.name in NOT_AN_EDIT:
            continue
        value = getattr(current, field.name)
        shown = "" if value is None else str(value)
        if field.choices:
            shown = str(getattr(current, f"get_{field.name}_display")())
        yield str(field.verbose_name).capitalize(), shown or gettext("(blank)")


class VersionedForm(forms.BaseForm):
    """Mix into a ModelForm of a Versioned model: renders the version it was served with."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Optional so that a form posted without one (as before versions) is still a save.
        self.fields["version"] = forms.IntegerField(
            widget=forms.HiddenInput, required=False, min_value=1
        )
        instance = getattr(self, "instance", None)
        if instance is not None and instance.pk is not None:
            self.initial["version"] = instance.version

    @property
    def served_version(self) -> int | None:
        """The version the page was served with; None when the form sent none."""
        version: int | None = self.cleaned_data.get("version")
        return version

    @contextmanager
    def refusing_stale(self) -> Iterator[None]:
        """On a stale save, carry the current version in the re-shown form, so that saving
        again, having seen what changed, is a deliberate choice."""
        try:
            yield
        except StaleEdit as exc:
            data = self.data.copy() if isinstance(self.data, QueryDict) else QueryDict(mutable=True)
            if not isinstance(self.data, QueryDict):
                data.update(self.data)
            data["version"] = str(exc.current_version)
            self.data = data
            raise
