from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from pcplan.core.concurrency import VersionedForm
from pcplan.core.forms import GovukDateField
from pcplan.core.office import csp_areas
from pcplan.delivery.models import Deliverable
from pcplan.engagement.models import (
    CommsObjective,
    CommsOutput,
    Concern,
    Consultation,
    Event,
    Finding,
    Subscription,
)
from pcplan.engagement.surveys import FIELDS
from pcplan.lib.text import xml_safe
from pcplan.plans.lifecycle import PlanStatus
from pcplan.plans.models import Plan, Theme


def area_choices() -> list[tuple[str, str]]:
    return [("", str(_("Whole area or not given")))] + [(name, name) for name in csp_areas()]


class ConsultationForm(VersionedForm, forms.ModelForm[Consultation]):
    opens_on = GovukDateField(label=_("Opens on"), help_text=_("For example, 30 6 2021"))
    closes_on = GovukDateField(label=_("Closes on (optional)"), required=False)

    class Meta:
        model = Consultation
        fields = [
            "title",
            "key",
            "purpose",
            "topic",
            "plan",
            "opens_on",
            "closes_on",
            "audience",
            "channels",
            "results",
        ]
        widgets = {"purpose": forms.RadioSelect}


class FindingForm(VersionedForm, forms.ModelForm[Finding]):
    def __init__(self, *args: Any, consultation: Consultation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["area"] = forms.ChoiceField(
            label=_("Area"), choices=area_choices(), required=False
        )
        themes = Theme.objects.filter(plan=consultation.plan_id)
        self.fields["theme"].queryset = themes  # type: ignore[attr-defined]
        self.fields["deliverables"].queryset = Deliverable.objects.filter(  # type: ignore[attr-defined]
            theme__plan=consultation.plan_id
        )

    class Meta:
        model = Finding
        fields = ["area", "you_said", "we_did", "theme", "deliverables", "position"]
        widgets = {"deliverables": forms.CheckboxSelectMultiple}


class EventForm(VersionedForm, forms.ModelForm[Event]):
    date = GovukDateField(label=_("Date"), help_text=_("For example, 17 1 2023"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["area"] = forms.ChoiceField(
            label=_("Area"), choices=area_choices(), required=False
        )

    class Meta:
        model = Event
        fields = [
            "title",
            "kind",
            "date",
            "place",
            "area",
            "organisations",
            "attended_by",
            "issues_raised",
            "theme",
        ]
        widgets = {"kind": forms.RadioSelect, "organisations": forms.CheckboxSelectMultiple}


class ConcernForm(VersionedForm, forms.ModelForm[Concern]):
    received_on = GovukDateField(label=_("Received on"))
    responded_on = GovukDateField(label=_("Response sent on (optional)"), required=False)
    closed_on = GovukDateField(label=_("Closed on (optional)"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["area"] = forms.ChoiceField(
            label=_("Area"), choices=area_choices(), required=False
        )

    class Meta:
        model = Concern
        fields = [
            "received_on",
            "raised_by",
            "raiser_name",
            "raiser_email",
            "raiser_phone",
            "raiser_address",
            "area",
            "topic",
            "theme",
            "summary",
            "referred_to",
            "actions",
            "response",
            "responded_on",
            "outcome",
            "closed_on",
            "public_example",
            "example_is_published",
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        closed = data.get("outcome") not in (None, Concern.Outcome.OPEN)
        if closed and not data.get("closed_on"):
            self.add_error("closed_on", _("Enter the date the concern was closed"))
        if not closed and data.get("closed_on"):
            self.add_error("outcome", _("Choose the outcome of a closed concern"))
        if data.get("example_is_published") and not data.get("public_example"):
            self.add_error("public_example", _("Write the anonymised example to publish it"))
        return data


class ConcernFromEventForm(forms.Form):
    summary = forms.CharField(label=_("The concern"), widget=forms.Textarea, max_length=5000)
    topic = forms.ChoiceField(label=_("Topic"), choices=Concern.Topic.choices)


class CommsOutputForm(VersionedForm, forms.ModelForm[CommsOutput]):
    date = GovukDateField(label=_("Date"))

    class Meta:
        model = CommsOutput
        fields = ["date", "kind", "channel", "title", "theme"]

    # As the output import reads them (output_import.parse): nothing XML cannot hold, since
    # output titles go into the office's reports.
    def clean_title(self) -> str:
        return xml_safe(self.cleaned_data["title"]).strip()

    def clean_channel(self) -> str:
        return xml_safe(self.cleaned_data["channel"]).strip()


class CommsObjectiveForm(VersionedForm, forms.ModelForm[CommsObjective]):
    class Meta:
        model = CommsObjective
        fields = ["theme", "text", "period", "position"]


class SurveyUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Survey export (CSV or Excel)"),
        help_text=_("The first row names the columns; you choose which is which next."),
    )


class OutputUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Communications output (CSV or Excel)"),
        help_text=_(
            "One row per piece of output, with the columns Date, Kind, Title, and optionally "
            "Channel and Theme. You see what would be added before anything is saved."
        ),
    )


class MappingForm(forms.Form):
    """Which column of the file holds each field; choices are the file's own header."""

    def __init__(self, *args: Any, columns: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        lowered = {c.lower(): c for c in columns}
        for name, (label, required) in FIELDS.items():
            options = [("", _("Not in this file"))] + [(c, c) for c in columns]
            guess = lowered.get(str(label).lower(), "")
            self.fields[name] = forms.ChoiceField(
                label=label, choices=options, required=required, initial=guess
            )


class PeriodForm(forms.Form):
    start = GovukDateField(label=_("From"))
    end = GovukDateField(label=_("To"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("The end of the period must be on or after its start"))
        return data


class SubscriptionForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("We use it only to send the updates you choose. It is never published."),
        error_messages={
            "required": _("Enter your email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
        },
    )
    kinds = forms.MultipleChoiceField(
        label=_("What would you like to hear about? (optional: none ticked means everything)"),
        choices=Subscription.Kind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Plan themes (optional)"),
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    areas = forms.MultipleChoiceField(
        label=_("Areas (optional)"), choices=[], required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = Theme.objects.filter(  # type: ignore[attr-defined]
            plan__in=Plan.objects.public().filter(status__in=[PlanStatus.ISSUED, PlanStatus.VARIED])
        )
        self.fields["areas"].choices = [(name, name) for name in csp_areas()]  # type: ignore[attr-defined]
