"""Form pieces shared by every app: the GOV.UK date input and error messages in its style."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm


class GovukDateWidget(forms.MultiWidget):
    """The GOV.UK date input pattern: day, month and year boxes."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        widgets: dict[str, forms.Widget | type[forms.Widget]] = {
            "day": forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-2"}),
            "month": forms.TextInput(
                attrs={"inputmode": "numeric", "class": "govuk-input--width-2"}
            ),
            "year": forms.TextInput(
                attrs={"inputmode": "numeric", "class": "govuk-input--width-4"}
            ),
        }
        super().__init__(widgets, attrs)

    def decompress(self, value: Any) -> list[Any]:
        if isinstance(value, dt.date):
            return [value.day, value.month, value.year]
        if isinstance(value, str) and value:
            try:
                parsed = dt.date.fromisoformat(value)
            except ValueError:
                return [None, None, None]
            return [parsed.day, parsed.month, parsed.year]
        return [None, None, None]

    def value_from_datadict(  # type: ignore[override]  # one ISO date string, not a list
        self, data: Any, files: Any, name: str
    ) -> str | None:
        day, month, year = (
            (data.get(f"{name}_{part}") or "").strip() for part in ("day", "month", "year")
        )
        if not (day or month or year):
            return None
        return f"{year}-{month.zfill(2)}-{day.zfill(2)}"


class GovukDateField(forms.DateField):
    widget = GovukDateWidget
    input_formats = ["%Y-%m-%d"]
    default_error_messages = {
        "invalid": "Enter a real date, for example 15 3 2023",
        "required": "Enter a date",
    }


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "Enter a correct username and password. Both are case-sensitive.",
        "inactive": "This account is inactive.",
    }
