from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext

from pcplan.core.concurrency import VersionedForm
from pcplan.core.forms import GovukDateField
from pcplan.core.models import Organisation
from pcplan.core.periods import PeriodError, QuarterSpan
from pcplan.delivery.models import Deliverable, Task, Update
from pcplan.lib.text import xml_safe
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
        ]
        labels = {"key": "Short name for web addresses", "lead": "Lead organisation"}
        widgets = {"partners": forms.CheckboxSelectMultiple, "status": forms.RadioSelect}
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


class UpdateForm(VersionedForm, forms.ModelForm[Update]):
    date = GovukDateField(label="Date of the update", help_text="For example, 15 3 2023")

    class Meta:
        model = Update
        fields = ["date", "text"]
        labels = {"text": "Update"}
        help_texts = {"text": "What has happened since the last update, in plain English."}
        error_messages = {"text": {"required": "Enter the update"}}

    def clean_text(self) -> str:
        # Shift+Enter pasted from Word (U+000B) would break every Word report of the plan.
        text = xml_safe(self.cleaned_data["text"])
        if not text.strip():
            raise forms.ValidationError(gettext("Enter the update"))
        return text


class PublishForm(forms.Form):
    published = forms.BooleanField(required=False)


class TaskForm(forms.ModelForm[Task]):
    class Meta:
        model = Task
        fields = ["title", "position", "done"]
        labels = {"title": "Task", "position": "Order in the list", "done": "Done"}
        error_messages = {"title": {"required": "Enter the task"}}
