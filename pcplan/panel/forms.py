from __future__ import annotations

from typing import Any

from django import forms

from pcplan.core.forms import GovukDateField
from pcplan.panel.models import AgendaItem, Meeting, MinuteItem, PublicSubmission

MAX_REPORT_BYTES = 20 * 1024 * 1024


class PublicSubmissionForm(forms.Form):
    kind = forms.ChoiceField(
        label="Are you asking a question or making a statement?",
        choices=PublicSubmission.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select question or statement"},
    )
    name = forms.CharField(
        label="Your name", max_length=120, error_messages={"required": "Enter your name"}
    )
    contact = forms.CharField(
        label="Email address or telephone number",
        max_length=200,
        help_text="The secretariat uses this only to contact you about your submission.",
        error_messages={"required": "Enter an email address or telephone number"},
    )
    text = forms.CharField(
        label="Your question or statement",
        widget=forms.Textarea,
        max_length=5000,
        error_messages={
            "required": "Enter your question or statement",
            "max_length": "Your question or statement must be 5,000 characters or fewer",
        },
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Decision",
        choices=[("accept", "Accept"), ("reject", "Reject")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select accept or reject"},
    )
    reason = forms.CharField(
        label="Reason (needed to reject)", widget=forms.Textarea, required=False
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == "reject" and not (data.get("reason") or "").strip():
            self.add_error("reason", "Enter the reason for rejecting it")
        return data


class MeetingForm(forms.ModelForm[Meeting]):
    date = GovukDateField(label="Date of the meeting", help_text="For example, 15 3 2023")
    agenda_published_on = GovukDateField(label="Agenda published on (optional)", required=False)

    class Meta:
        model = Meeting
        fields = ["date", "time", "venue", "title", "status", "agenda_published_on"]
        labels = {"time": "Start time", "title": "Title (optional)"}
        help_texts = {"time": "24-hour clock, for example 13:30"}
        widgets = {"status": forms.RadioSelect}
        error_messages = {
            "time": {"required": "Enter the start time", "invalid": "Enter a time like 13:30"}
        }


class AgendaItemForm(forms.ModelForm[AgendaItem]):
    report = forms.FileField(label="Report (PDF, optional)", required=False)

    class Meta:
        model = AgendaItem
        fields = ["number", "title", "presenting_body", "note", "kind", "is_exempt"]
        labels = {
            "presenting_body": "Presenting body (optional)",
            "note": "Note shown under the item (optional)",
            "is_exempt": "Exempt: not for publication",
        }
        widgets = {"kind": forms.RadioSelect}
        error_messages = {"title": {"required": "Enter the item's title"}}

    def clean_report(self) -> bytes | None:
        upload = self.cleaned_data.get("report")
        if not upload:
            return None
        if upload.size > MAX_REPORT_BYTES:
            raise forms.ValidationError("The report must be smaller than 20 MB")
        data: bytes = upload.read()
        if not data.startswith(b"%PDF"):
            raise forms.ValidationError(f"{upload.name} is not a PDF file")
        return data


class MinuteForm(forms.Form):
    title = forms.CharField(
        label="Title", max_length=300, error_messages={"required": "Enter the title"}
    )
    text = forms.CharField(label="Minute", widget=forms.Textarea, required=False)
    questions = forms.CharField(
        label="Numbered questions and answers (optional)",
        help_text="One per paragraph; separate them with a blank line. They are numbered in order.",
        widget=forms.Textarea,
        required=False,
    )
    resolution = forms.ChoiceField(
        label="Resolution",
        choices=MinuteItem.Resolution.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    resolution_text = forms.CharField(
        label="Resolution wording (optional)", widget=forms.Textarea, required=False
    )

    def question_list(self) -> list[str]:
        raw = self.cleaned_data.get("questions") or ""
        return [p.strip() for p in raw.replace("\r\n", "\n").split("\n\n") if p.strip()]
