from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from pcplan.core.concurrency import VersionedForm
from pcplan.core.forms import GovukDateField
from pcplan.delivery.models import Deliverable
from pcplan.transparency.models import Decision, Finding, GradedArea, Inspection

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
