from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from pcplan.core.concurrency import VersionedForm
from pcplan.core.forms import GovukDateField
from pcplan.delivery.models import Deliverable
from pcplan.performance import limits
from pcplan.performance.derivations import derivation_choices
from pcplan.performance.models import Measure, Observation
from pcplan.performance.uploads import max_upload_bytes
from pcplan.plans.models import Theme


class MeasureForm(VersionedForm, forms.ModelForm):
    baseline_start = GovukDateField(required=False, label="Baseline period starts")
    baseline_end = GovukDateField(required=False, label="Baseline period ends")
    themes = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.select_related("plan").order_by("plan", "position"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Themes it evidences",
    )
    deliverables = forms.ModelMultipleChoiceField(
        queryset=Deliverable.objects.select_related("theme").order_by("theme__position", "id"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Deliverables it evidences",
    )

    class Meta:
        model = Measure
        fields = [
            "name",
            "description",
            "unit",
            "direction",
            "is_summed",
            "baseline_label",
            "baseline_start",
            "baseline_end",
            "baseline_value",
            "target_value",
            "target_note",
            "derivation",
            "is_national",
            "is_published",
            "themes",
            "deliverables",
        ]
        widgets = {"direction": forms.RadioSelect}
        error_messages = {
            "name": {"required": "Enter the measure's name"},
            "unit": {"required": "Enter the unit, for example crimes or %"},
            "direction": {"required": "Select whether higher or lower is better"},
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        derivation = self.fields["derivation"]
        assert isinstance(derivation, forms.ChoiceField)  # noqa: S101 - a model field with choices
        derivation.choices = [("", "Not derived: entered or uploaded"), *derivation_choices()]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("baseline_start"), data.get("baseline_end")
        if start and end and start > end:
            self.add_error("baseline_end", "The baseline period must end after it starts")
        return data

    def clean_name(self) -> str:
        name = str(self.cleaned_data["name"]).strip()
        if self.instance.pk is None:
            key = slugify(name)[:80]
            if Measure.objects.filter(key=key).exists():
                raise forms.ValidationError("A measure with this name already exists")
            self.instance.key = key
        return name


class ObservationForm(forms.Form):
    granularity = forms.ChoiceField(
        choices=Observation.Granularity.choices,
        widget=forms.RadioSelect,
        label="Period",
        error_messages={"required": "Select month, quarter or year"},
    )
    period_start = GovukDateField(
        label="First day of the period", help_text="For example, 1 4 2024 for April 2024"
    )
    # The size limits are checked in clean_value, by the same rule the upload uses.
    value = forms.DecimalField(
        error_messages={
            "required": "Enter the value",
            "invalid": "Enter a number, such as 1234 or 85.5",
        },
    )
    area = forms.ChoiceField(choices=[], required=False, label="Area")

    def __init__(self, *args: Any, areas: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_area_choices(self, areas)

    def clean_period_start(self) -> dt.date:
        start: dt.date = self.cleaned_data["period_start"]
        if problem := limits.period_problem(start, timezone.localdate()):
            raise forms.ValidationError(limits.capitalised(problem))
        return start

    def clean_value(self) -> Decimal:
        value: Decimal = self.cleaned_data["value"]
        if problem := limits.value_problem(value):
            raise forms.ValidationError(limits.capitalised(problem))
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start = data.get("period_start")
        if start and data.get("granularity") == "month" and start.day != 1:
            self.add_error("period_start", "Enter the first day of the month")
        return data


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Upload a CSV or Excel file",
        help_text="Columns: Granularity, Period start, Value and, optionally, Area.",
        error_messages={"required": "Select a CSV or Excel file"},
    )


class PoliceDataUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Upload a data.police.uk file"),
        help_text=_("The downloaded zip, or one monthly street, outcomes or stop-and-search CSV."),
        error_messages={"required": _("Select a zip or CSV file from data.police.uk")},
    )

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        name = (upload.name or "").lower()
        if not name.endswith((".zip", ".csv")):
            raise forms.ValidationError(_("The file must be a .zip or .csv file"))
        limit = max_upload_bytes()
        if (upload.size or 0) > limit:
            raise forms.ValidationError(
                _(
                    "The file must be smaller than %(mb)s MB: import larger downloads with "
                    "pcplan import-police-data"
                )
                % {"mb": limit // (1024 * 1024)}
            )
        return upload


def set_area_choices(form: forms.Form, areas: list[str]) -> None:
    """The office profile's Community Safety Partnerships, after the whole force area."""
    area = form.fields["area"]
    assert isinstance(area, forms.ChoiceField)  # noqa: S101
    area.choices = [("", "Whole force area"), *((a, a) for a in areas)]


class DashboardFilter(forms.Form):
    area = forms.ChoiceField(choices=[], required=False, label="Area")
    force = forms.ChoiceField(choices=[], required=False, label="Police force (data.police.uk)")

    def __init__(
        self, *args: Any, areas: list[str], forces: list[tuple[str, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        set_area_choices(self, areas)
        force = self.fields["force"]
        assert isinstance(force, forms.ChoiceField)  # noqa: S101
        force.choices = forces


class PublishedFigureForm(forms.Form):
    """A baseline or published figure, with where it was published and when."""

    period_label = forms.CharField(
        max_length=100,
        label="Period",
        help_text="For example: year ending June 2019",
        error_messages={"required": "Enter the period, for example year ending June 2019"},
    )
    period_start = GovukDateField(label="First day of the period")
    period_end = GovukDateField(label="Last day of the period")
    value = forms.DecimalField(
        error_messages={
            "required": "Enter the value",
            "invalid": "Enter a number, such as 1234 or 85.5",
        }
    )
    area = forms.ChoiceField(choices=[], required=False, label="Area")
    is_baseline = forms.BooleanField(required=False, label="This figure is the baseline")
    source = forms.CharField(
        max_length=300,
        help_text="Who published it and where, for example: Home Office, Police recorded crime "
        "tables, year ending June 2019",
        error_messages={"required": "Enter who published the figure"},
    )
    source_url = forms.URLField(
        required=False, max_length=500, label="Source address", assume_scheme="https"
    )
    source_date = GovukDateField(label="Date published")
    note = forms.CharField(max_length=300, required=False)

    def __init__(self, *args: Any, areas: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_area_choices(self, areas)

    def clean_value(self) -> Decimal:
        value: Decimal = self.cleaned_data["value"]
        if problem := limits.value_problem(value):
            raise forms.ValidationError(limits.capitalised(problem))
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name in ("period_start", "period_end", "source_date"):
            date = data.get(name)
            if date and (problem := limits.period_problem(date, timezone.localdate())):
                self.add_error(name, limits.capitalised(problem))
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and start > end:
            self.add_error("period_end", "The period must end after it starts")
        return data
