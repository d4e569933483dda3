from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from pcplan.core.concurrency import VersionedForm
from pcplan.core.forms import GovukDateField
from pcplan.core.office import current_office
from pcplan.delivery.models import Deliverable
from pcplan.panel.models import (
    AgendaItem,
    Attendance,
    Expected,
    Meeting,
    MinuteItem,
    OtherAttendee,
    PanelMember,
    Precept,
    PreceptVote,
    PublicSubmission,
)
from pcplan.panel.precept import VetoReason
from pcplan.partnerships.models import Body
from pcplan.reports import meeting_reports

MAX_REPORT_BYTES = 20 * 1024 * 1024


class PublicSubmissionForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Are you asking a question or making a statement?"),
        choices=PublicSubmission.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select question or statement")},
    )
    name = forms.CharField(
        label=_("Your name"), max_length=120, error_messages={"required": _("Enter your name")}
    )
    contact = forms.CharField(
        label=_("Email address or telephone number"),
        max_length=200,
        help_text=_(
            "The secretariat uses this only to contact you about your submission. "
            "Your name and contact details are not published on this site."
        ),
        error_messages={"required": _("Enter an email address or telephone number")},
    )
    text = forms.CharField(
        label=_("Your question or statement"),
        widget=forms.Textarea,
        max_length=5000,
        error_messages={
            "required": _("Enter your question or statement"),
            "max_length": _("Your question or statement must be 5,000 characters or fewer"),
        },
    )


class DecisionForm(VersionedForm, forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("accept", _("Accept")), ("reject", _("Reject"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select accept or reject")},
    )
    reason = forms.CharField(
        label=_("Reason (needed to reject)"), widget=forms.Textarea, required=False
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == "reject" and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Enter the reason for rejecting it"))
        return data


class HourMinuteField(forms.TimeField):
    """A time shown as the 24-hour "13:30" it asks for, not the locale's "1:30 p.m."
    which it could not read back."""

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, dt.time):
            return value.strftime("%H:%M")
        return value


class MeetingForm(VersionedForm, forms.ModelForm[Meeting]):
    time = HourMinuteField(
        label=_("Start time"),
        help_text=_("24-hour clock, for example 13:30"),
        error_messages={
            "required": _("Enter the start time"),
            "invalid": _("Enter a time like 13:30"),
        },
    )
    date = GovukDateField(label=_("Date of the meeting"), help_text=_("For example, 15 3 2023"))
    agenda_published_on = GovukDateField(label=_("Agenda published on (optional)"), required=False)

    class Meta:
        model = Meeting
        fields = ["date", "time", "venue", "title", "status", "agenda_published_on"]
        labels = {"title": "Title (optional)"}
        widgets = {"status": forms.RadioSelect}


class AgendaItemForm(VersionedForm, forms.ModelForm[AgendaItem]):
    report = forms.FileField(label=_("Report (PDF, optional)"), required=False)

    class Meta:
        model = AgendaItem
        fields = [
            "number",
            "title",
            "presenting_body",
            "note",
            "kind",
            "is_exempt",
            "exempt_paragraph",
            "deliverables",
        ]
        labels = {
            "exempt_paragraph": _(
                "If exempt: paragraph of Schedule 12A to the Local Government Act 1972"
            ),
            "presenting_body": _("Presenting body (optional)"),
            "note": _("Note shown under the item (optional)"),
            "is_exempt": _("Exempt: not for publication"),
            "deliverables": _("Deliverables the report covers (optional)"),
        }
        widgets = {"kind": forms.RadioSelect, "deliverables": forms.CheckboxSelectMultiple}
        error_messages = {"title": {"required": _("Enter the item's title")}}

    def clean_number(self) -> int:
        number: int = self.cleaned_data["number"]
        clash = AgendaItem.objects.filter(
            meeting_id=self.instance.meeting_id, number=number
        ).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(_("Another item of this meeting has this number"))
        return number

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("is_exempt") and not data.get("exempt_paragraph"):
            self.add_error("exempt_paragraph", _("Select the paragraph that makes the item exempt"))
        if not data.get("is_exempt"):
            # A paragraph on an item in public would print a false notice.
            data["exempt_paragraph"] = None
        return data

    def clean_report(self) -> bytes | None:
        upload = self.cleaned_data.get("report")
        if not upload:
            return None
        if upload.size > MAX_REPORT_BYTES:
            raise forms.ValidationError(_("The report must be smaller than 20 MB"))
        data: bytes = upload.read()
        if not data.startswith(b"%PDF"):
            raise forms.ValidationError(_("%(name)s is not a PDF file") % {"name": upload.name})
        return data


class MinuteForm(VersionedForm, forms.Form):
    title = forms.CharField(
        label=_("Title"), max_length=300, error_messages={"required": _("Enter the title")}
    )
    text = forms.CharField(label=_("Minute"), widget=forms.Textarea, required=False)
    questions = forms.CharField(
        label=_("Numbered questions and answers (optional)"),
        help_text=_(
            "One per paragraph; separate them with a blank line. They are numbered in order."
        ),
        widget=forms.Textarea,
        required=False,
    )
    resolution = forms.ChoiceField(
        label=_("Resolution"),
        choices=MinuteItem.Resolution.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    is_exempt = forms.BooleanField(
        label=_("Exempt: taken in private, not for publication"), required=False
    )
    resolution_text = forms.CharField(
        label=_("Resolution wording (optional)"), widget=forms.Textarea, required=False
    )

    def question_list(self) -> list[str]:
        raw = self.cleaned_data.get("questions") or ""
        return [p.strip() for p in raw.replace("\r\n", "\n").split("\n\n") if p.strip()]

    def minute_values(self) -> dict[str, Any]:
        """What the add and edit services take, from the cleaned form."""
        data = self.cleaned_data
        return {
            "title": data["title"],
            "text": data["text"],
            "resolution": data["resolution"],
            "resolution_text": data["resolution_text"],
            "questions": self.question_list(),
            "is_exempt": data["is_exempt"],
        }


def report_choices() -> list[tuple[str, Any]]:
    return [("", _("None: its paper is written outside this site")), *meeting_reports.choices()]


class PlannedItemForm(VersionedForm, forms.Form):
    title = forms.CharField(
        label=_("Item"), max_length=300, error_messages={"required": _("Enter the item")}
    )
    requested_at = forms.ModelChoiceField(
        label=_("Requested at the meeting of (optional)"),
        queryset=Meeting.objects.of_panel(),
        required=False,
    )
    report = forms.ChoiceField(
        label=_("Which report generated here from live data is it for? (optional)"),
        choices=report_choices,
        widget=forms.RadioSelect,
        required=False,
        initial="",
        error_messages={"invalid_choice": _("Choose a report from the list, or none.")},
    )


class MoveItemForm(VersionedForm, forms.Form):
    to = forms.ModelChoiceField(
        label=_("Move to the meeting of"),
        queryset=Meeting.objects.of_panel().not_held(),
        error_messages={"required": _("Choose the meeting")},
    )

    def __init__(self, *args: Any, body: Body | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if body is not None:  # a planned item moves between its own body's meetings
            self.fields["to"].queryset = Meeting.objects.filter(body=body).not_held()  # type: ignore[attr-defined]


class RecommendationForm(forms.Form):
    text = forms.CharField(
        label=_("Recommendation to the Commissioner"),
        widget=forms.Textarea,
        error_messages={"required": _("Enter the recommendation")},
    )
    made_on = GovukDateField(label=_("Date made"))
    response_due = GovukDateField(label=_("Response due by"))
    deliverables = forms.ModelMultipleChoiceField(
        label=_("Deliverables it concerns (optional)"),
        queryset=Deliverable.objects.select_related("theme__plan").order_by("theme__plan", "title"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text"].label = _("Recommendation to the %(holder)s") % {
            "holder": current_office().holder_short
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        made, due = data.get("made_on"), data.get("response_due")
        if made and due and due < made:
            self.add_error(
                "response_due", _("The response due date must be on or after the date made")
            )
        return data


class ResponseForm(VersionedForm, forms.Form):
    text = forms.CharField(
        label=_("The Commissioner's response (letter text)"),
        widget=forms.Textarea,
        error_messages={"required": _("Enter the response")},
    )
    date = GovukDateField(label=_("Date of the response"))
    published = forms.BooleanField(label=_("Published"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text"].label = _("The %(holder)s's response (letter text)") % {
            "holder": current_office().holder_short
        }


class ActionForm(forms.Form):
    item = forms.CharField(
        label=_("Item"), max_length=300, error_messages={"required": _("Enter the item")}
    )
    action = forms.CharField(
        label=_("Action"), widget=forms.Textarea, error_messages={"required": _("Enter the action")}
    )
    owner = forms.CharField(label=_("Owner (optional)"), max_length=120, required=False)


class CloseActionForm(VersionedForm, forms.Form):
    outcome = forms.CharField(
        label=_("Outcome"),
        widget=forms.Textarea,
        error_messages={"required": _("Enter the outcome")},
    )


class PreceptForm(VersionedForm, forms.ModelForm[Precept]):
    notified_on = GovukDateField(label=_("Date the proposal was notified to the Panel"))

    class Meta:
        model = Precept
        fields = [
            "financial_year_start",
            "band_d",
            "previous_band_d",
            "notified_on",
            "meeting",
            "signed_by",
        ]
        labels = {
            "financial_year_start": _("Financial year starting (for 2023/24 enter 2023)"),
            "band_d": _("Proposed Band D amount (£)"),
            "previous_band_d": _("Current Band D amount (£)"),
            "meeting": _("Panel meeting that reviews it"),
            "signed_by": _("Chair who signs the Panel's report"),
        }
        error_messages = {
            "financial_year_start": {"required": _("Enter the financial year")},
        }


class PreceptDecisionForm(VersionedForm, forms.Form):
    report_date = GovukDateField(label=_("Date of the Panel's report"))
    veto_reason = forms.ChoiceField(
        label=_("If the Panel vetoes, is the proposed precept too high or too low?"),
        choices=[
            ("", _("No veto")),
            (VetoReason.TOO_HIGH.value, _("Too high")),
            (VetoReason.TOO_LOW.value, _("Too low")),
        ],
        widget=forms.RadioSelect,
        required=False,
    )
    decision_text = forms.CharField(
        label=_("Decision wording (optional)"), widget=forms.Textarea, required=False
    )

    def __init__(self, *args: Any, members: list[PanelMember], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.members = members
        for member in members:
            self.fields[f"vote_{member.pk}"] = forms.ChoiceField(
                label=member.name,
                choices=PreceptVote.Vote.choices,
                initial=PreceptVote.Vote.ABSENT,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose how %(name)s voted") % {"name": member.name}},
            )

    def votes(self) -> dict[int, str]:
        return {
            m.pk: self.cleaned_data[f"vote_{m.pk}"]
            for m in self.members
            if self.cleaned_data[f"vote_{m.pk}"] != PreceptVote.Vote.ABSENT
        }


class PreceptResponseForm(ResponseForm):
    revised_band_d = forms.DecimalField(
        label=_("Revised Band D amount after a veto (£, optional)"),
        required=False,
        max_digits=8,
        decimal_places=2,
    )


NOT_RECORDED = ""


class AttendanceForm(VersionedForm, forms.Form):
    """One choice per person expected at the meeting (`expected_at`); the Panel's substitutes
    also say whom they stood in for."""

    def __init__(
        self,
        *args: Any,
        expected: list[Expected],
        current: dict[str, Attendance],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.expected = expected
        self.substitutes = [e for e in expected if e.is_substitute]
        members = [e.member for e in expected if e.member and not e.is_substitute]
        statuses = Attendance.Status.choices
        if not any(e.member for e in expected):  # a body's seats have no substitutes
            statuses = [c for c in statuses if c[0] != Attendance.Status.SUBSTITUTE]
        choices = [(NOT_RECORDED, _("Not recorded")), *statuses]
        for person in expected:
            now = current.get(person.key)
            self.fields[f"status_{person.key}"] = forms.ChoiceField(
                label=person.name,
                choices=choices,
                required=False,
                initial=now.status if now else NOT_RECORDED,
                widget=forms.RadioSelect,
            )
        # The members are already read: offered to every substitute from that list, not
        # read again for each (the queryset still checks what is posted).
        member_choices: list[tuple[Any, Any]] | None = None
        for person in self.substitutes:
            now = current.get(person.key)
            field = forms.ModelChoiceField(
                label=_("%(name)s substituted for (optional)") % {"name": person.name},
                queryset=PanelMember.objects.filter(pk__in=[m.pk for m in members]),
                required=False,
                initial=now.substitute_for_id if now else None,
            )
            if member_choices is None:
                member_choices = [("", field.empty_label or ""), *((m.pk, str(m)) for m in members)]
            field.choices = member_choices
            self.fields[f"for_{person.key}"] = field

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for person in self.substitutes:
            if data.get(f"status_{person.key}") == Attendance.Status.SUBSTITUTE and not data.get(
                f"for_{person.key}"
            ):
                self.add_error(
                    f"for_{person.key}",
                    _("Choose whom %(name)s substituted for") % {"name": person.name},
                )
        return data

    def entries(self) -> list[tuple[Expected, str, PanelMember | None]]:
        """(who, status, substitute for) for everyone whose attendance is recorded."""
        result = []
        for person in self.expected:
            status = self.cleaned_data.get(f"status_{person.key}") or NOT_RECORDED
            if status != NOT_RECORDED:
                result.append((person, status, self.cleaned_data.get(f"for_{person.key}")))
        return result


class OtherAttendeeForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Present as"), choices=OtherAttendee.Kind.choices, widget=forms.RadioSelect
    )
    name = forms.CharField(
        label=_("Name"), max_length=120, error_messages={"required": _("Enter the name")}
    )
    role = forms.CharField(
        label=_("Role"), max_length=200, error_messages={"required": _("Enter the role")}
    )


class DeclarationForm(forms.Form):
    member = forms.ModelChoiceField(
        label=_("Member"),
        queryset=PanelMember.objects.all(),
        error_messages={"required": _("Choose the member")},
    )
    agenda_item = forms.ModelChoiceField(
        label=_("Agenda item (optional)"), queryset=AgendaItem.objects.none(), required=False
    )
    interest = forms.CharField(
        label=_("Interest declared"),
        widget=forms.Textarea,
        error_messages={"required": _("Describe the interest")},
    )

    def __init__(self, *args: Any, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = meeting.agenda_items.all()  # type: ignore[attr-defined]


class PanelMemberForm(VersionedForm, forms.ModelForm[PanelMember]):
    start_date = GovukDateField(label=_("Member from"))
    end_date = GovukDateField(label=_("Member until (optional)"), required=False)

    class Meta:
        model = PanelMember
        fields = ["name", "kind", "authority", "office", "start_date", "end_date"]
        labels = {"authority": "Council (for councillors, optional)", "office": "Office"}
        widgets = {"kind": forms.RadioSelect, "office": forms.RadioSelect}
        error_messages = {"name": {"required": _("Enter the member's name")}}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date must be on or after the start date"))
        return data


class ApproveMinutesForm(VersionedForm, forms.Form):
    """Minutes are approved at a later meeting, with any amendments (seed 002 minute 42)."""

    at = forms.ModelChoiceField(
        queryset=Meeting.objects.none(),
        label=_("Meeting at which the minutes were approved"),
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the meeting at which the minutes were approved")},
    )
    amendments = forms.CharField(
        label=_("Amendments (optional)"),
        required=False,
        widget=forms.Textarea,
        help_text=_("For example: Paragraph 25, first line – deletion of the words “that it was”."),
    )

    def __init__(self, *args: Any, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Minutes are approved at a later meeting of the same body.
        later = Meeting.objects.filter(body_id=meeting.body_id, date__gt=meeting.date)
        later = later.order_by("date")
        self.fields["at"].queryset = later  # type: ignore[attr-defined]


class FillPageRangesForm(VersionedForm, forms.Form):
    """The staff meeting page's "Fill in page ranges" button: only the meeting's version, so
    that ranges asked for from a page older than a change to the meeting are refused."""
