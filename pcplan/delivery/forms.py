from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext, gettext_lazy

from pcplan.core.concurrency import VersionedForm
from pcplan.core.forms import GovukDateField
from pcplan.core.models import Organisation
from pcplan.core.periods import PeriodError, QuarterSpan
from pcplan.delivery.models import Deliverable, Review, Task, Update
from pcplan.delivery.rules import Risk, Status
from pcplan.delivery.services import dependency_cycle, update_text
from pcplan.plans.models import Plan


class DeliverableForm(VersionedForm, forms.ModelForm[Deliverable]):
    target = forms.CharField(
        label="Target quarter or quarters (optional)",
        required=False,
        help_text="For example, Q1 2023/24 or Q3/Q4 2022/23",
    )
    added_on = GovukDateField(
        label="Date added to the Delivery Plan",
        help_text="Deliverables added since the previous report are reported as new. "
        "For example, 31 1 2023",
    )
    completed_on = GovukDateField(
        label="Date completed (optional)",
        required=False,
        help_text="Leave blank to use today's date when the status is Completed.",
    )

    class Meta:
        model = Deliverable
        fields = [
            "theme",
            "title",
            "key",
            "purpose",
            "lead",
            "partners",
            "status",
            "target",
            "added_on",
            "completed_on",
            "depends_on",
            "risk",
        ]
        labels = {
            "key": "Short name for web addresses",
            "lead": "Lead organisation",
            "depends_on": gettext_lazy("Depends on (optional)"),
            "risk": gettext_lazy("Risk (optional)"),
        }
        help_texts = {
            "depends_on": gettext_lazy(
                "Deliverables of this plan that must be delivered first. A deliverable is "
                "flagged when one it depends on is late."
            ),
        }
        widgets = {
            "partners": forms.CheckboxSelectMultiple,
            "status": forms.RadioSelect,
            "depends_on": forms.CheckboxSelectMultiple,
            "risk": forms.RadioSelect,
        }
        error_messages = {
            "title": {"required": "Enter the deliverable's title"},
            "key": {
                "required": "Enter a short name",
                "invalid": "Use only lower-case letters, numbers and hyphens",
            },
            "theme": {"required": "Choose the theme"},
        }

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.fields["theme"].queryset = plan.themes.all()  # type: ignore[attr-defined]
        self.fields["theme"].empty_label = None  # type: ignore[attr-defined]
        self.fields["lead"].queryset = Organisation.objects.all()  # type: ignore[attr-defined]
        self.fields["lead"].empty_label = "Not stated"  # type: ignore[attr-defined]
        self.fields["partners"].required = False
        others = Deliverable.objects.for_plan(plan).exclude(pk=self.instance.pk)
        self.fields["depends_on"].queryset = others.order_by("theme__position", "title")  # type: ignore[attr-defined]
        self.fields["depends_on"].required = False
        self.fields["risk"].choices = [("", gettext_lazy("Not rated"))] + list(Risk.choices)  # type: ignore[attr-defined]
        if self.instance.target is not None:
            self.initial["target"] = str(self.instance.target)

    def clean_target(self) -> QuarterSpan | None:
        text = self.cleaned_data["target"].strip()
        if not text:
            return None
        try:
            return QuarterSpan.parse(text)
        except PeriodError as exc:
            raise forms.ValidationError(str(exc)) from exc

    def clean_depends_on(self) -> Any:
        chosen = self.cleaned_data["depends_on"]
        problem = dependency_cycle(self.plan, self.instance, [d.pk for d in chosen])
        if problem:
            raise forms.ValidationError(problem)
        return chosen

    def clean_key(self) -> str:
        key: str = self.cleaned_data["key"]
        clash = Deliverable.objects.for_plan(self.plan).filter(key=key).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError("Another deliverable of this plan uses this short name")
        return key

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        added, completed = data.get("added_on"), data.get("completed_on")
        if added and completed and completed < added:
            self.add_error("completed_on", "The date completed must be on or after the date added")
        self.instance.target = data.get("target")
        return data


def parse_target(text: str) -> QuarterSpan | None:
    text = text.strip()
    if not text:
        return None
    try:
        return QuarterSpan.parse(text)
    except PeriodError as exc:
        raise forms.ValidationError(str(exc)) from exc


class UpdateForm(VersionedForm, forms.ModelForm[Update]):
    """An update, and with it (until an editor accepts it) a proposed change of status or
    target period with the reason for it."""

    date = GovukDateField(label="Date of the update", help_text="For example, 15 3 2023")
    proposed_status = forms.ChoiceField(
        label=gettext_lazy("Propose a new status (optional)"),
        required=False,
        choices=[("", gettext_lazy("No change"))] + list(Status.choices),
        widget=forms.RadioSelect,
    )
    proposed_target = forms.CharField(
        label=gettext_lazy("Propose a new target quarter or quarters (optional)"),
        required=False,
        help_text=gettext_lazy("For example, Q1 2024/25. Leave blank for no change."),
    )

    class Meta:
        model = Update
        fields = ["date", "text", "proposed_status", "proposed_target", "proposal_reason"]
        labels = {"text": "Update", "proposal_reason": gettext_lazy("Reason for the change")}
        help_texts = {
            "text": "What has happened since the last update, in plain English.",
            "proposal_reason": gettext_lazy(
                "Needed when you propose a change. An editor decides whether to accept it."
            ),
        }
        error_messages = {"text": {"required": "Enter the update"}}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.review == Review.ACCEPTED:
            # What was accepted is applied to the deliverable: it cannot be re-proposed.
            for name in ("proposed_status", "proposed_target", "proposal_reason"):
                del self.fields[name]
        elif self.instance.proposed_target is not None:
            self.initial["proposed_target"] = str(self.instance.proposed_target)

    @property
    def proposes(self) -> bool:
        """Whether this form carries the proposal fields (not once accepted)."""
        return "proposed_status" in self.fields

    def clean_proposed_target(self) -> QuarterSpan | None:
        return parse_target(self.cleaned_data["proposed_target"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.proposes:
            changes = data.get("proposed_status") or data.get("proposed_target")
            if changes and not (data.get("proposal_reason") or "").strip():
                self.add_error(
                    "proposal_reason",
                    gettext("Say why you propose this change of status or target"),
                )
        return data

    def clean_text(self) -> str:
        return update_text(self.cleaned_data["text"])


class DecisionForm(forms.Form):
    """Accept or return an update; the deliverable's version is the one the editor was shown."""

    comment = forms.CharField(
        label=gettext_lazy("Comment for the author"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Needed when you return the update. The author is told by email."),
    )
    deliverable_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    decision = forms.ChoiceField(
        choices=[("accept", gettext_lazy("Accept")), ("return", gettext_lazy("Return"))],
        widget=forms.HiddenInput,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == "return" and not (data.get("comment") or "").strip():
            self.add_error("comment", gettext("Say why you are returning this update"))
        return data


class PublishForm(forms.Form):
    published = forms.BooleanField(required=False)


class TaskForm(VersionedForm, forms.ModelForm[Task]):
    class Meta:
        model = Task
        fields = ["title", "position", "done"]
        labels = {"title": "Task", "position": "Order in the list", "done": "Done"}
        error_messages = {"title": {"required": "Enter the task"}}
