"""GOV.UK-pattern forms for funds, bids, assessments, decisions and variations."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from pcplan.core.concurrency import VersionedForm
from pcplan.core.forms import GovukDateField
from pcplan.core.models import CommunitySafetyPartnership, Organisation
from pcplan.delivery.models import Deliverable
from pcplan.grants.models import (
    Application,
    CommissionedService,
    ExternalBid,
    Fund,
    Intervention,
    Variation,
)
from pcplan.performance.models import Measure
from pcplan.plans.models import Theme

StrOrPromise = str | Promise


def measure_field(label: StrOrPromise) -> forms.ModelMultipleChoiceField[Measure]:
    return forms.ModelMultipleChoiceField(
        label=label,
        queryset=Measure.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class FundForm(VersionedForm, forms.ModelForm[Fund]):
    eligible_kinds = forms.MultipleChoiceField(
        label=_("Who may apply"),
        choices=Organisation.Kind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave all unticked if any organisation may apply."),
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Plan themes it serves"),
        queryset=Theme.objects.select_related("plan"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    opens_on = GovukDateField(label=_("Opens for bids (optional)"), required=False)
    closes_on = GovukDateField(label=_("Closes for bids (optional)"), required=False)

    class Meta:
        model = Fund
        fields = [
            "name",
            "key",
            "source",
            "purpose",
            "themes",
            "eligible_kinds",
            "max_award",
            "opens_on",
            "closes_on",
            "budget",
            "notes",
        ]
        widgets = {"source": forms.RadioSelect}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["themes"].label_from_instance = lambda t: f"{t.title} ({t.plan.title})"  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        opens, closes = data.get("opens_on"), data.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error("closes_on", _("The closing date must be on or after the opening date."))
        return data


class ApplicationForm(forms.Form):
    title = forms.CharField(label=_("What is the money for?"), max_length=300)
    amount = forms.DecimalField(
        label=_("How much are you asking for, in pounds?"),
        max_digits=14,
        decimal_places=2,
        min_value=0,
    )
    area = forms.ModelChoiceField(
        label=_("Which Community Safety Partnership area will it serve? (optional)"),
        queryset=CommunitySafetyPartnership.objects.all(),
        required=False,
    )
    outcomes_sought = forms.CharField(
        label=_("What outcomes do you seek?"), widget=forms.Textarea, required=False
    )
    deliverables = forms.ModelMultipleChoiceField(
        label=_("Which deliverables of the plan does it support? (optional)"),
        queryset=Deliverable.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    measures = measure_field(_("Which measures of the plan does it support? (optional)"))
    contact_name = forms.CharField(label=_("Contact name"), max_length=200)
    contact_email = forms.EmailField(label=_("Contact email"))
    contact_phone = forms.CharField(
        label=_("Contact telephone (optional)"), max_length=40, required=False
    )

    def __init__(self, *args: Any, fund: Fund, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        deliverables = Deliverable.objects.select_related("theme")
        theme_ids = [t.pk for t in fund.themes.all()]
        if theme_ids:
            deliverables = deliverables.filter(theme__in=theme_ids)
        self.fields["deliverables"].queryset = deliverables  # type: ignore[attr-defined]


class AssessmentForm(VersionedForm, forms.Form):
    assessment = forms.CharField(
        label=_("Assessment against the fund's criteria"), widget=forms.Textarea
    )
    recommendation = forms.ChoiceField(
        label=_("Recommendation"),
        choices=Application.Recommendation.choices,
        widget=forms.RadioSelect,
    )


class DecisionForm(VersionedForm, forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=Application.Recommendation.choices, widget=forms.RadioSelect
    )
    decision_number = forms.CharField(label=_("Decision number"), max_length=40)
    decision_date = GovukDateField(label=_("Decision date"))
    decision_maker = forms.CharField(
        label=_("Decision taken by"), max_length=200, help_text=_("The office holder or delegate.")
    )
    reasons = forms.CharField(label=_("Reasons"), widget=forms.Textarea)
    amount = forms.DecimalField(
        label=_("Amount awarded, in pounds (optional)"),
        required=False,
        help_text=_("Leave empty to award the amount asked for."),
        max_digits=14,
        decimal_places=2,
        min_value=0,
    )
    conditions = forms.CharField(label=_("Conditions"), widget=forms.Textarea, required=False)
    payment_schedule = forms.CharField(
        label=_("Payment schedule"), widget=forms.Textarea, required=False
    )
    starts_on = GovukDateField(label=_("Starts (optional)"), required=False)
    ends_on = GovukDateField(label=_("Ends (optional)"), required=False)
    budget_override_reason = forms.CharField(
        label=_("Reason for exceeding the fund's remaining budget (only if it does)"),
        widget=forms.Textarea,
        required=False,
    )


class VariationForm(VersionedForm, forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), choices=Variation.Kind.choices, widget=forms.RadioSelect
    )
    new_amount = forms.DecimalField(
        label=_("Amount after, in pounds"), max_digits=14, decimal_places=2, min_value=0
    )
    date = GovukDateField(label=_("Date of the decision"))
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea)
    decision_number = forms.CharField(
        label=_("Decision number (optional)"),
        max_length=40,
        required=False,
        help_text=_("The variation is recorded in the decision register under this number."),
    )
    decision_maker = forms.CharField(
        label=_("Decision taken by (optional)"), max_length=200, required=False
    )
    budget_override_reason = forms.CharField(
        label=_("Reason for exceeding the fund's remaining budget (only if it does)"),
        widget=forms.Textarea,
        required=False,
    )


class ReturnForm(VersionedForm, forms.Form):
    received_on = GovukDateField(label=_("Date received"))
    spend_to_date = forms.DecimalField(
        label=_("Spend to date, in pounds (optional)"),
        required=False,
        max_digits=14,
        decimal_places=2,
        min_value=0,
    )
    outputs = forms.CharField(label=_("Outputs"), widget=forms.Textarea, required=False)
    outcomes = forms.CharField(
        label=_("Outcomes against those sought"), widget=forms.Textarea, required=False
    )


class InterventionForm(VersionedForm, forms.ModelForm[Intervention]):
    class Meta:
        model = Intervention
        fields = ["progress", "progress_note"]
        widgets = {"progress": forms.RadioSelect}


class InterventionAddForm(forms.ModelForm[Intervention]):
    class Meta:
        model = Intervention
        fields = ["title", "progress", "progress_note"]
        widgets = {"progress": forms.RadioSelect}


class ServiceForm(VersionedForm, forms.ModelForm[CommissionedService]):
    provider = forms.ModelChoiceField(
        label=_("Provider (optional)"), queryset=Organisation.objects.all(), required=False
    )
    fund = forms.ModelChoiceField(
        label=_("Fund it is paid from (optional)"), queryset=Fund.objects.all(), required=False
    )
    starts_on = GovukDateField(label=_("Contract starts (optional)"), required=False)
    ends_on = GovukDateField(label=_("Contract ends (optional)"), required=False)
    renewal_on = GovukDateField(label=_("Renewal date (optional)"), required=False)
    measures = measure_field(_("Measures the service reports against (optional)"))

    class Meta:
        model = CommissionedService
        fields = [
            "name",
            "key",
            "provider",
            "fund",
            "contract_value",
            "starts_on",
            "ends_on",
            "renewal_on",
            "measures",
            "notes",
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The contract must end on or after it starts."))
        return data


class ServiceReturnForm(VersionedForm, forms.Form):
    received_on = GovukDateField(label=_("Date received"))
    spend_to_date = forms.DecimalField(
        label=_("Spend to date, in pounds (optional)"),
        required=False,
        max_digits=14,
        decimal_places=2,
        min_value=0,
    )
    activity = forms.CharField(
        label=_("Activity in the quarter"), widget=forms.Textarea, required=False
    )
    outcomes = forms.CharField(
        label=_("Outcomes against the service's measures"), widget=forms.Textarea, required=False
    )


class ExternalBidForm(VersionedForm, forms.ModelForm[ExternalBid]):
    announced_on = GovukDateField(label=_("Announced (optional)"), required=False)
    fund = forms.ModelChoiceField(
        label=_("Fund it is recorded under (optional)"),
        queryset=Fund.objects.all(),
        required=False,
    )
    partners = forms.ModelMultipleChoiceField(
        label=_("Partners (optional)"),
        queryset=Organisation.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    deliverables = forms.ModelMultipleChoiceField(
        label=_("Deliverables of the plan it serves (optional)"),
        queryset=Deliverable.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    measures = measure_field(_("Measures it is judged by (optional)"))

    class Meta:
        model = ExternalBid
        fields = [
            "name",
            "key",
            "funder",
            "status",
            "fund",
            "announced_on",
            "amount_won",
            "period",
            "areas",
            "partners",
            "deliverables",
            "measures",
            "notes",
        ]
        widgets = {"funder": forms.RadioSelect, "status": forms.RadioSelect}
