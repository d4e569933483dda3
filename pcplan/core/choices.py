"""Choice labels (`get_status_display()`) translated once per language, not on every call.

Django's `Model._get_FIELD_display` builds a dict of every choice of the field on each call,
and hashing each lazy label translates it: a staff list of 50 rows with two labels each made a
thousand translation look-ups per request (issue 17). The labels of a field are the same for
every row in a language, so they are worked out once per field and language and kept.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Field, Model
from django.utils.choices import CallableChoiceIterator
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.translation import get_language

# (field, language) -> {choice value: its label, translated}. Bounded by the project's fields
# with choices times its languages.
_labels: dict[tuple[Field[Any, Any], str | None], dict[Any, Any]] = {}


def labels_of(field: Field[Any, Any]) -> dict[Any, Any]:
    """The field's choices as value -> label in the active language, later duplicates winning
    as in Django's own dict."""
    key = (field, get_language())
    found = _labels.get(key)
    if found is None:
        found = {
            make_hashable(value): force_str(label, strings_only=True)
            for value, label in field.flatchoices
        }
        _labels[key] = found
    return found


def display(self: Any, field: Field[Any, Any]) -> Any:
    """`Model._get_FIELD_display` with the labels kept: the label of the field's value, or the
    value itself when it is not one of the choices."""
    value = getattr(self, field.attname)
    if isinstance(field.choices, CallableChoiceIterator):
        # Choices made by a function may change between calls: Django's way, not kept.
        return getattr(Model, "_django_get_FIELD_display")(self, field)  # noqa: B009
    return force_str(labels_of(field).get(make_hashable(value), value), strings_only=True)


def install() -> None:
    """Every model class made after this call gets `get_FOO_display` from `display` (a field
    binds `cls._get_FIELD_display` when its model class is made): called from core's app
    config, imported before any model module."""
    if getattr(Model, "_django_get_FIELD_display", None) is None:
        # Through getattr and setattr: Django's private method is not in its type stubs.
        django_own = getattr(Model, "_get_FIELD_display")  # noqa: B009
        setattr(Model, "_django_get_FIELD_display", django_own)  # noqa: B010
        setattr(Model, "_get_FIELD_display", display)  # noqa: B010
