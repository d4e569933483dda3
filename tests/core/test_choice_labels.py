"""A choice's label (`get_status_display()`) is translated once per field and language, not on
every call: a staff list showed a label per row, each call translating every label of the
field (issue 17)."""

from __future__ import annotations

from types import SimpleNamespace

from django.db import models
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy, override

from pcplan.core import choices
from pcplan.grants.models import Fund, Source


def answer_field(choice_list: list[tuple[str, object]]) -> models.CharField[str, str]:
    field: models.CharField[str, str] = models.CharField(max_length=1, choices=choice_list)
    field.set_attributes_from_name("answer")
    return field


def test_a_label_is_translated_once_however_many_rows_show_it():
    translated: list[str] = []

    def translate(text: str) -> str:
        translated.append(text)
        return text

    field = answer_field([("y", lazy(translate, str)("Yes")), ("n", lazy(translate, str)("No"))])
    rows = [SimpleNamespace(answer=value) for value in "yny" * 10]
    assert [choices.display(row, field) for row in rows][:3] == ["Yes", "No", "Yes"]
    assert sorted(translated) == ["No", "Yes"]


def test_a_label_follows_the_active_language():
    field = answer_field([("y", gettext_lazy("Yes"))])
    row = SimpleNamespace(answer="y")
    with override("fr"):
        assert choices.display(row, field) == "Oui"
    with override("en-gb"):
        assert choices.display(row, field) == "Yes"


def test_a_value_that_is_not_a_choice_is_shown_as_it_is():
    assert choices.display(SimpleNamespace(answer="x"), answer_field([("y", "Yes")])) == "x"
    assert choices.display(SimpleNamespace(answer=None), answer_field([("y", "Yes")])) is None


def test_choices_made_by_a_function_are_read_again_each_time():
    made = iter([[("y", "Yes")], [("y", "Yes, now")]])
    field = answer_field(lambda: next(made))
    row = SimpleNamespace(answer="y")
    assert choices.display(row, field) == "Yes"
    assert choices.display(row, field) == "Yes, now"


def test_every_models_get_foo_display_keeps_its_labels():
    fund = Fund(source=Source.HOME_OFFICE)
    assert fund.get_source_display() == "Home Office"
    assert (Fund._meta.get_field("source"), "en-gb") in choices._labels
