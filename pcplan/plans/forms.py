from __future__ import annotations

from typing import Any

from django import forms

from pcplan.core.forms import GovukDateField
from pcplan.plans.lifecycle import PlanStatus
from pcplan.plans.models import Plan, PlanStatutoryElement, Priority, Theme


class PlanForm(forms.ModelForm[Plan]):
    elected_on = GovukDateField(
        required=False,
        label="Date the Commissioner was elected",
        help_text="The plan must be issued by 31 March of that financial year. "
        "For example, 6 5 2021",
    )
    starts_on = GovukDateField(required=False, label="Plan starts")
    ends_on = GovukDateField(required=False, label="Plan ends")

    class Meta:
        model = Plan
        fields = [
            "title",
            "key",
            "area",
            "commissioner",
            "summary",
            "elected_on",
            "starts_on",
            "ends_on",
        ]
        labels = {"key": "Short name for web addresses"}
        help_texts = {"key": "Lower-case letters, numbers and hyphens, for example cambs-2021-24"}
        error_messages = {
            "title": {"required": "Enter the plan's title"},
            "key": {
                "required": "Enter a short name",
                "invalid": "Use only lower-case letters, numbers and hyphens",
                "unique": "Another plan already uses this short name",
            },
            "area": {"required": "Enter the police area"},
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", "The plan must end after it starts")
        return data


class ThemeForm(forms.ModelForm[Theme]):
    class Meta:
        model = Theme
        fields = ["title", "key", "aim", "position"]
        labels = {"key": "Short name for web addresses", "position": "Order in the plan"}
        error_messages = {
            "title": {"required": "Enter the theme's title"},
            "key": {
                "required": "Enter a short name",
                "invalid": "Use only lower-case letters, numbers and hyphens",
            },
        }

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.plan = plan

    def clean_key(self) -> str:
        key: str = self.cleaned_data["key"]
        clash = Theme.objects.filter(plan=self.plan, key=key).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError("Another theme of this plan already uses this short name")
        return key


class PriorityForm(forms.ModelForm[Priority]):
    class Meta:
        model = Priority
        fields = ["text", "position"]
        labels = {"text": "Priority for action", "position": "Order under the theme"}
        error_messages = {"text": {"required": "Enter the priority"}}


class StatutoryElementForm(forms.ModelForm[PlanStatutoryElement]):
    class Meta:
        model = PlanStatutoryElement
        fields = ["text"]
        labels = {"text": "How the plan sets this out"}
        help_texts = {"text": "Say where in the plan, for example a section or page."}
        error_messages = {"text": {"required": "Enter how the plan sets this out"}}


class PlanStatusForm(forms.Form):
    status = forms.ChoiceField(
        label="Next step",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the next step"},
    )
    date = GovukDateField(label="Date of this step", help_text="For example, 29 11 2021")
    note = forms.CharField(label="Note (optional)", required=False, widget=forms.Textarea)

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(s.value, s.label) for s in plan.next_statuses()]
        self.fields["status"].choices = choices  # type: ignore[attr-defined]
        self.plan = plan

    def cleaned_status(self) -> PlanStatus:
        return PlanStatus(self.cleaned_data["status"])
