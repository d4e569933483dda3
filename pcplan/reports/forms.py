from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy

from pcplan.core.dates import long_date
from pcplan.core.forms import GovukDateField
from pcplan.panel.models import AgendaItem
from pcplan.panel.services import paper_refusal
from pcplan.reports.models import ReportFormat
from pcplan.reports.progress import ReportFields

FORMAT_CHOICES = [
    (ReportFormat.PDF.value, "PDF, to file and circulate"),
    (ReportFormat.DOCX.value, "Word (DOCX), to edit"),
    (ReportFormat.HTML.value, "Web page (HTML)"),
]


class ReportForm(forms.Form):
    as_of = GovukDateField(
        label="Report date",
        help_text="Updates dated after this day are left out. For example, 15 3 2023",
    )
    since = GovukDateField(
        label="Previous report date",
        help_text="Deliverables completed or added after this day are reported as such.",
    )
    format = forms.ChoiceField(
        label="Format",
        choices=FORMAT_CHOICES,
        widget=forms.RadioSelect,
        initial=ReportFormat.PDF.value,
        error_messages={"required": "Select the format of the report"},
    )
    panel_name = forms.CharField(label="Addressed to", max_length=200)
    agenda_item = forms.CharField(label="Agenda item number", max_length=20, required=False)
    meeting_date = GovukDateField(label="Meeting date")
    report_of = forms.CharField(label="Report of (from)", max_length=200)
    contact_officer = forms.CharField(label="Contact officer", max_length=200)
    contact_details = forms.CharField(label="Contact details", max_length=300, required=False)
    purpose = forms.CharField(label="Purpose", widget=forms.Textarea(attrs={"rows": 4}))
    recommendation = forms.CharField(
        label="Recommendations", widget=forms.Textarea(attrs={"rows": 3})
    )
    terms_of_reference = forms.CharField(
        label="Terms of reference",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="One paragraph per line.",
    )
    background_documents = forms.CharField(
        label="Background documents",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="One document per line, with its address.",
    )
    # The Panel's (or the Board's) agenda item the report is the paper for, chosen before the
    # form (issue 18).
    paper_for = forms.ModelChoiceField(
        queryset=AgendaItem.objects.select_related("meeting"),
        required=False,
        widget=forms.HiddenInput,
    )

    def __init__(
        self,
        *args: Any,
        board: bool = False,
        paper_for: QuerySet[AgendaItem] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        if paper_for is not None:  # only the items of the report's body's meetings
            self.fields["paper_for"].queryset = paper_for.select_related("meeting")  # type: ignore[attr-defined]
        if board:
            del self.fields["agenda_item"]
            del self.fields["terms_of_reference"]
            self.fields["panel_name"].label = "To"
            self.fields["report_of"].label = "From"
            self.fields["meeting_date"].label = "Date"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        as_of: dt.date | None = data.get("as_of")
        since: dt.date | None = data.get("since")
        if as_of and since and as_of <= since:
            self.add_error("as_of", "The report date must be after the previous report date")
        check_paper(self, data)
        return data

    def report_fields(self) -> ReportFields:
        data = self.cleaned_data
        return ReportFields(
            **{name: data.get(name) or "" for name in ReportFields.names()}  # type: ignore[arg-type]
        )


def check_paper(form: forms.Form, data: dict[str, Any]) -> None:
    """An agenda paper is a PDF, and only while the meeting's agenda is unpublished."""
    item: AgendaItem | None = data.get("paper_for")
    if item is None:
        return
    if data.get("format") and data["format"] != ReportFormat.PDF:
        form.add_error("format", gettext_lazy("An agenda paper must be a PDF: choose PDF"))
    refusal = paper_refusal(item)
    if refusal:
        form.add_error(None, refusal)


class PaperForForm(forms.Form):
    """Which coming Panel (or Board) meeting's agenda item a report is for (its date and
    number fill in)."""

    item = forms.ChoiceField(
        label=gettext_lazy("Panel meeting and agenda item"),
        widget=forms.RadioSelect,
        required=False,
        initial="",
    )

    def __init__(
        self, *args: Any, items: list[AgendaItem], board: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if board:
            self.fields["item"].label = gettext_lazy("Board meeting and agenda item")
        choices: list[tuple[str, Any]] = [
            (
                str(item.pk),
                gettext_lazy("Meeting of %(date)s, item %(number)s: %(title)s")
                % {
                    "date": long_date(item.meeting.date),
                    "number": item.number,
                    "title": item.title,
                },
            )
            for item in items
        ]
        choices.append(("", gettext_lazy("None: the report is not for an agenda yet")))
        self.fields["item"].choices = choices  # type: ignore[attr-defined]


class WhatChangedForm(forms.Form):
    start = GovukDateField(label="From", help_text="For example, 14 9 2022")
    end = GovukDateField(label="To", help_text="For example, 15 3 2023")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["end"] <= data["start"]:
            self.add_error("end", "The end date must be after the start date")
        return data


class UpdateRoundForm(forms.Form):
    due_on = GovukDateField(label="Updates due by", help_text="For example, 1 3 2023")
    message = forms.CharField(
        label="Message to the leads",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="Optional. Sent with the request and the reminders.",
    )


class ThemeReportForm(forms.Form):
    """The dates and format of a theme report (dates as YYYY-MM-DD, as the address carries),
    and the agenda item it is the paper for, if any."""

    as_of = forms.DateField(
        label=gettext_lazy("Report date"),
        help_text=gettext_lazy("For example, 2023-03-15"),
    )
    since = forms.DateField(
        label=gettext_lazy("Previous report date"),
        help_text=gettext_lazy("Deliverables completed or added after this day are reported so."),
    )
    format = forms.ChoiceField(
        label=gettext_lazy("Format"),
        choices=[("html", gettext_lazy("Web page (HTML)")), ("pdf", gettext_lazy("PDF"))],
        widget=forms.RadioSelect,
    )
    paper_for = forms.ModelChoiceField(
        queryset=AgendaItem.objects.select_related("meeting"),
        required=False,
        widget=forms.HiddenInput,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        check_paper(self, data)
        return data
