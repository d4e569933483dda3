from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from pcplan.core.concurrency import VersionedForm
from pcplan.core.forms import GovukDateField
from pcplan.plans.lifecycle import PlanStatus
from pcplan.plans.models import Commitment, Plan, PlanStatutoryElement, Priority, Theme


class PlanForm(VersionedForm, forms.ModelForm[Plan]):
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


class ThemeForm(VersionedForm, forms.ModelForm[Theme]):
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


class PriorityForm(VersionedForm, forms.ModelForm[Priority]):
    class Meta:
        model = Priority
        fields = ["text", "position"]
        labels = {"text": "Priority for action", "position": "Order under the theme"}
        error_messages = {"text": {"required": "Enter the priority"}}


class StatutoryElementForm(VersionedForm, forms.ModelForm[PlanStatutoryElement]):
    class Meta:
        model = PlanStatutoryElement
        fields = ["text"]
        labels = {"text": "How the plan sets this out"}
        help_texts = {"text": "Say where in the plan, for example a section or page."}
        error_messages = {"text": {"required": "Enter how the plan sets this out"}}


class PlanStatusForm(VersionedForm, forms.Form):
    """The plan's next step, carrying the plan's version: of two officers recording a step
    from the same page, the second is refused with what changed (`move_plan_status`)."""

    status = forms.ChoiceField(
        label=gettext_lazy("Next step"),
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Choose the next step")},
    )
    date = GovukDateField(
        label=gettext_lazy("Date of this step"),
        help_text=gettext_lazy("For example, 29 11 2021"),
    )
    note = forms.CharField(
        label=gettext_lazy("Note (optional)"), required=False, widget=forms.Textarea
    )

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(s.value, s.label) for s in plan.next_statuses()]
        self.fields["status"].choices = choices  # type: ignore[attr-defined]
        self.initial.setdefault("version", plan.version)
        self.plan = plan

    def cleaned_status(self) -> PlanStatus:
        return PlanStatus(self.cleaned_data["status"])


class CommitmentForm(VersionedForm, forms.ModelForm[Commitment]):
    """A key objective, shared outcome or personal pledge, with what shows it is kept: the
    plan's deliverables and the published measures."""

    class Meta:
        model = Commitment
        fields = ["kind", "theme", "text", "position", "deliverables", "measures"]
        labels = {
            "kind": gettext_lazy("What is it?"),
            "theme": gettext_lazy("Theme"),
            "text": gettext_lazy("Wording, as the plan prints it"),
            "position": gettext_lazy("Order"),
            "deliverables": gettext_lazy("Deliverables that keep it"),
            "measures": gettext_lazy("Measures that show it"),
        }
        help_texts = {
            "theme": gettext_lazy(
                "Key objectives and shared outcomes belong to a theme; a pledge may name one."
            ),
        }
        widgets = {
            "kind": forms.RadioSelect,
            "deliverables": forms.CheckboxSelectMultiple,
            "measures": forms.CheckboxSelectMultiple,
        }
        error_messages = {
            "kind": {"required": gettext_lazy("Choose what it is")},
            "text": {"required": gettext_lazy("Enter the wording")},
        }

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        from pcplan.delivery.models import Deliverable
        from pcplan.performance.models import Measure

        super().__init__(*args, **kwargs)
        self.plan = plan
        fields: Any = self.fields
        fields["kind"].choices = Commitment.Kind.choices
        fields["theme"].queryset = plan.themes.all()
        fields["theme"].empty_label = gettext_lazy("No theme")
        fields["deliverables"].queryset = Deliverable.objects.for_plan(plan).order_by(
            "theme__position", "title"
        )
        fields["measures"].queryset = Measure.objects.order_by("position", "name")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") in {Commitment.Kind.KEY_OBJECTIVE, Commitment.Kind.SHARED_OUTCOME}:
            if not data.get("theme"):
                self.add_error(
                    "theme",
                    gettext_lazy(
                        "Choose the theme: key objectives and shared outcomes belong to one"
                    ),
                )
        return data
