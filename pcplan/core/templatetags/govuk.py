"""GOV.UK Design System components, each wrapped once for every template to use."""

from __future__ import annotations

from typing import Any

from django import forms, template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from pcplan.core.forms import GovukDateWidget

register = template.Library()


def field_kind(field: forms.BoundField) -> str:
    widget = field.field.widget
    if isinstance(widget, GovukDateWidget):
        return "date"
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    return "input"


@register.inclusion_tag("govuk/field.html")
def govuk_field(field: forms.BoundField, width: str = "") -> dict[str, Any]:
    """A form field with its label, hint and error message, in the GOV.UK pattern."""
    kind = field_kind(field)
    widget = field.field.widget
    input_type = getattr(widget, "input_type", "text")
    return {
        "field": field,
        "kind": kind,
        "input_type": input_type,
        "width": width,
        "error": field.errors[0] if field.errors else "",
        "value": field.value(),
        "id": field.id_for_label or field.auto_id,
        "date_parts": _date_parts(field) if kind == "date" else [],
    }


def _date_parts(field: forms.BoundField) -> list[dict[str, Any]]:
    widget = field.field.widget
    if field.form.is_bound or not isinstance(widget, GovukDateWidget):
        values = [
            field.form.data.get(f"{field.html_name}_{p}", "") for p in ("day", "month", "year")
        ]
    else:
        values = widget.decompress(field.value())
    names = [("day", _("Day"), "2"), ("month", _("Month"), "2"), ("year", _("Year"), "4")]
    return [
        {
            "name": f"{field.html_name}_{part}",
            "id": f"{field.auto_id}_{part}",
            "label": label,
            "width": width,
            "value": value or "",
        }
        for (part, label, width), value in zip(names, values, strict=True)
    ]


@register.inclusion_tag("govuk/error_summary.html")
def govuk_error_summary(*forms_: forms.Form) -> dict[str, Any]:
    """The error summary at the top of a page, linking to each field in error."""
    errors: list[dict[str, str]] = []
    for form in forms_:
        if form is None or not form.is_bound:
            continue
        for error in form.non_field_errors():
            errors.append({"href": "", "text": str(error)})
        for field in form:
            if field.errors:
                href = f"#{field.id_for_label or field.auto_id}"
                if field_kind(field) == "date":
                    href = f"#{field.auto_id}_day"
                errors.append({"href": href, "text": str(field.errors[0])})
    return {"errors": errors}


STATUS_COLOURS = {
    "not-started": "grey",
    "in-progress": "blue",
    "completed": "green",
    "on-hold": "yellow",
    "rescheduled": "orange",
    "business-as-usual": "turquoise",
}


def govuk_tag(colour: str, label: str, *, nowrap: bool = True) -> SafeString:
    """The GOV.UK tag; a status's words kept on one line (`pcplan-status`) unless `nowrap` is
    false. Written here, not by a template: a staff list shows one on every row, and rendering
    a template for each cost a list of 50 rows 5,000 function calls (issue 17)."""
    return format_html(
        '<strong class="govuk-tag govuk-tag--{}{}">{}</strong>',
        colour,
        " pcplan-status" if nowrap else "",
        label,
    )


@register.simple_tag
def status_tag(value: str, label: str) -> SafeString:
    return govuk_tag(STATUS_COLOURS.get(value, "grey"), label)


RAG_COLOURS = {"red": "red", "amber": "orange", "green": "green"}

# A performance judgement's colour: better, worse, no change, and grey for not known.
JUDGEMENT_COLOURS = {"better": "green", "worse": "red", "no-change": "blue"}


@register.simple_tag
def judgement_tag(judgement: str, label: str) -> SafeString:
    """A measure's judgement against its baseline or a year before, as a GOV.UK tag."""
    return govuk_tag(JUDGEMENT_COLOURS.get(judgement, "grey"), label, nowrap=False)


@register.simple_tag
def rag_tag(rag: Any) -> SafeString:
    """A RAG status in words ("RAG: Amber") as well as colour, for staff and public pages."""
    from pcplan.delivery.rules import Rag

    value = Rag(rag)
    return govuk_tag(RAG_COLOURS[value.value], _("RAG: %(rag)s") % {"rag": value.label})
