from __future__ import annotations

from typing import Any

from django import forms
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pcplan.core.concurrency import VersionedForm
from pcplan.core.forms import GovukDateField
from pcplan.delivery.models import Deliverable
from pcplan.panel.models import Meeting
from pcplan.partnerships.models import Body
from pcplan.transparency.models import (
    Decision,
    Finding,
    GradedArea,
    Inspection,
    MeetingSummary,
)

DATE_HELP = _("For example, 12 10 2021")


class DecisionForm(VersionedForm, forms.ModelForm[Decision]):
    decided_on = GovukDateField(label=_("Date of decision"), help_text=DATE_HELP)

    class Meta:
        model = Decision
        fields = [
            "number",
            "decided_on",
            "title",
            "kind",
            "decision_maker",
            "summary",
            "reasons",
            "financial_implications",
            "advised_by",
            "source",
            "significant_public_interest",
            "exempt_part",
            "exemption_reason",
            "exemption_paragraph",
        ]
        widgets = {"kind": forms.RadioSelect}


class InspectionForm(VersionedForm, forms.ModelForm[Inspection]):
    published_on = GovukDateField(label=_("Date the report was published"), help_text=DATE_HELP)
    comments_published_on = GovukDateField(
        label=_("Date the comments were published (optional)"), required=False
    )
    report_url = forms.URLField(
        label=_("Link to the report"), required=False, assume_scheme="https"
    )
    comments_url = forms.URLField(
        label=_("Link to the published comments"), required=False, assume_scheme="https"
    )

    class Meta:
        model = Inspection
        fields = [
            "title",
            "kind",
            "inspectorates",
            "published_on",
            "report_url",
            "summary",
            "comments",
            "comments_published_on",
            "comments_url",
        ]
        widgets = {"kind": forms.RadioSelect}


class GradedAreaForm(forms.ModelForm[GradedArea]):
    class Meta:
        model = GradedArea
        fields = ["area", "grade"]


class FindingForm(VersionedForm, forms.ModelForm[Finding]):
    deliverables = forms.ModelMultipleChoiceField(
        label=_("Deliverables that answer it"),
        queryset=Deliverable.objects.select_related("theme__plan").order_by(
            "theme__plan__title", "title"
        ),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Finding
        fields = ["kind", "reference", "text", "owner", "response", "status", "deliverables"]
        widgets = {"kind": forms.RadioSelect, "status": forms.RadioSelect}


def meetings_held_in_private() -> models.QuerySet[Meeting]:
    """The meetings a summary may be written for (SI 2011/3050 Sch. para 5(c)): the office's
    own (not the Panel's or a partnership's) that are not public meetings."""
    return (
        Meeting.objects.filter(body__in=Body.objects.held_by_the_office())
        .exclude(pk__in=Meeting.objects.public())
        .select_related("body")
        .order_by("-date", "-pk")
    )


class MeetingChoiceField(forms.ModelChoiceField[Meeting]):
    def label_from_instance(self, obj: Meeting) -> str:
        return f"{obj.body}: {obj}"


class MeetingSummaryForm(VersionedForm, forms.ModelForm[MeetingSummary]):
    meeting = MeetingChoiceField(
        queryset=Meeting.objects.none(),
        label=_("Meeting"),
        help_text=_("A meeting the office holds in private."),
    )

    class Meta:
        model = MeetingSummary
        fields = ["meeting", "title", "summary"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = meetings_held_in_private().filter(public_interest_summary__isnull=True)
        if self.instance.pk is not None:
            choices = meetings_held_in_private().filter(
                Q(public_interest_summary__isnull=True) | Q(pk=self.instance.meeting_id)
            )
        self.fields["meeting"].queryset = choices  # type: ignore[attr-defined]
