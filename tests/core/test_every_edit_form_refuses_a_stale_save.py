"""Every form that edits a shared record carries the version it was served with, and of two
editors who open it and save in turn, the second is told what changed and loses nothing
(issue 15: "optimistic concurrency on every edit form").

The first test finds every ModelForm in pcplan, so a new edit form without a version fails it;
the second opens each edit page twice, as two editors would, on the demo's records.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from django import forms
from django.db import models
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pcplan
from pcplan.core.concurrency import Versioned, VersionedForm
from pcplan.core.models import Office, Organisation, User
from pcplan.delivery.models import Deliverable, Task, Update
from pcplan.engagement.models import (
    CommsObjective,
    CommsOutput,
    Concern,
    Consultation,
    Event,
)
from pcplan.engagement.models import Finding as YouSaidWeDid
from pcplan.grants.models import (
    Application,
    Award,
    CommissionedService,
    ExternalBid,
    Fund,
    Intervention,
    MonitoringReturn,
    ServiceReturn,
)
from pcplan.panel.models import (
    Action,
    AgendaItem,
    ForwardPlanItem,
    Meeting,
    MinuteItem,
    PanelMember,
    Precept,
    PublicSubmission,
    Recommendation,
)
from pcplan.partnerships.models import Body, BodyKind, LocalIssue
from pcplan.performance.models import Measure
from pcplan.plans.lifecycle import PlanStatus
from pcplan.plans.models import Commitment, Plan, PlanStatutoryElement, Priority, Theme
from pcplan.transparency.models import (
    AnnualReport,
    Decision,
    Finding,
    Inspection,
    MeasureEntry,
    MeasuresStatement,
    MeetingSummary,
    PlanReview,
)
from tests.demo_snapshot import load_demo_database
from tests.factories import BodyFactory, PlanFactory, UserFactory
from tests.htmlforms import date_fields, served_form

# Forms that only ever create a record: there is nothing an earlier save could undo.
CREATE_ONLY = {
    "pcplan.grants.forms.InterventionAddForm",
    "pcplan.partnerships.forms.MembershipForm",
    "pcplan.partnerships.forms.ScrutinyForm",
    "pcplan.partnerships.forms.CspDocumentForm",
    "pcplan.partnerships.forms.FundedPostForm",
    "pcplan.transparency.forms.GradedAreaForm",
    "pcplan.transparency.views.specified.PublicationForm",
    "pcplan.accounts.forms.InvitationForm",
}


def all_model_forms() -> dict[str, type[forms.ModelForm[Any]]]:
    """Every ModelForm class defined in pcplan's modules, by dotted name."""
    for module in pkgutil.walk_packages(pcplan.__path__, "pcplan."):
        if ".migrations" in module.name or module.name.endswith((".settings", ".wsgi")):
            continue
        importlib.import_module(module.name)
    found: dict[str, type[forms.ModelForm[Any]]] = {}
    todo: list[type[Any]] = [forms.ModelForm]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("pcplan."):
                found[f"{sub.__module__}.{sub.__qualname__}"] = sub
    return found


def test_every_form_that_edits_a_record_carries_its_version():
    model_forms = all_model_forms()
    assert "pcplan.delivery.forms.DeliverableForm" in model_forms
    assert CREATE_ONLY <= set(model_forms), "a create-only form listed here no longer exists"
    unversioned = sorted(
        name
        for name, form in model_forms.items()
        if name not in CREATE_ONLY
        and not (issubclass(form, VersionedForm) and issubclass(form._meta.model, Versioned))
    )
    assert unversioned == []


def test_every_versioned_form_has_its_edit_page_tried_below():
    versioned = {
        name for name, form in all_model_forms().items() if issubclass(form, VersionedForm)
    }
    tried = {f"{page.form.__module__}.{page.form.__qualname__}" for page in PAGES}
    assert versioned <= tried
    assert all(issubclass(page.form, VersionedForm) for page in PAGES)


# --- two editors on each edit page ----------------------------------------------------------


def first(model: type[models.Model], **filters: Any) -> Any:
    record = model._default_manager.filter(**filters).order_by("pk").first()
    assert record is not None, f"the demo has no {model.__name__}"
    return record


def plan() -> Plan:
    return first(Plan, key="cambs-2021-24")


def the_plan_page() -> tuple[str, models.Model]:
    return reverse("plans:plan-edit", args=[plan().key]), plan()


def a_theme() -> tuple[str, models.Model]:
    theme = first(Theme, plan=plan())
    return reverse("plans:theme-edit", args=[plan().key, theme.key]), theme


def a_priority() -> tuple[str, models.Model]:
    priority = first(Priority)
    args = [priority.theme.plan.key, priority.theme.key, priority.pk]
    return reverse("plans:priority-edit", args=args), priority


def a_statutory_element() -> tuple[str, models.Model]:
    entry = first(PlanStatutoryElement, plan=plan())
    return reverse("plans:statutory-element-edit", args=[plan().key, entry.element]), entry


def a_commitment() -> tuple[str, models.Model]:
    commitment = Commitment.objects.create(
        plan=plan(), theme=first(Theme, plan=plan()), kind="key-objective", text="An objective"
    )
    return reverse("plans:commitment-edit", args=[plan().key, commitment.pk]), commitment


def a_deliverable() -> tuple[str, models.Model]:
    deliverable = first(Deliverable, theme__plan=plan())
    return reverse("delivery:deliverable-edit", args=[plan().key, deliverable.pk]), deliverable


def an_update() -> tuple[str, models.Model]:
    update = first(Update, deliverable__theme__plan=plan())
    return reverse("delivery:update-edit", args=[update.pk]), update


def a_task() -> tuple[str, models.Model]:
    deliverable = first(Deliverable, theme__plan=plan())
    task = Task.objects.create(deliverable=deliverable, title="A task", position=1)
    return reverse("delivery:task-edit", args=[deliverable.pk, task.pk]), task


def a_measure() -> tuple[str, models.Model]:
    measure = first(Measure)
    return reverse("performance:measure-edit", args=[measure.pk]), measure


def a_fund() -> tuple[str, models.Model]:
    fund = first(Fund)
    return reverse("grants:fund-edit", args=[fund.key]), fund


def a_service() -> tuple[str, models.Model]:
    service = first(CommissionedService)
    return reverse("grants:service-edit", args=[service.key]), service


def an_external_bid() -> tuple[str, models.Model]:
    bid = first(ExternalBid)
    return reverse("grants:external-bid-edit", args=[bid.key]), bid


def an_intervention() -> tuple[str, models.Model]:
    bid = first(ExternalBid)
    intervention = Intervention.objects.create(bid=bid, title="Street lighting", position=1)
    return reverse("grants:intervention-edit", args=[bid.key, intervention.pk]), intervention


def a_body() -> tuple[str, models.Model]:
    body = first(Body, kind=BodyKind.CSP)
    return reverse("partnerships:body-edit", args=[body.key]), body


def a_local_issue() -> tuple[str, models.Model]:
    body = first(Body, kind=BodyKind.CSP)
    issue = LocalIssue.objects.create(body=body, title="Bike theft", opened_on=dt.date(2023, 1, 9))
    return reverse("partnerships:local-issue-edit", args=[body.key, issue.pk]), issue


def a_decision() -> tuple[str, models.Model]:
    decision = first(Decision)
    return reverse("transparency:decision-edit", args=[decision.pk]), decision


def new_inspection() -> Inspection:
    return Inspection.objects.create(
        title="PEEL 2023", kind=Inspection.Kind.PEEL, published_on=dt.date(2023, 4, 1)
    )


def an_inspection() -> tuple[str, models.Model]:
    inspection = new_inspection()
    return reverse("transparency:inspection-edit", args=[inspection.pk]), inspection


def an_inspection_finding() -> tuple[str, models.Model]:
    finding = Finding.objects.create(
        inspection=new_inspection(), kind=Finding.Kind.RECOMMENDATION, text="Improve call handling"
    )
    return reverse("transparency:finding-edit", args=[finding.pk]), finding


def a_national_measure_entry() -> tuple[str, models.Model]:
    statement = MeasuresStatement.objects.create(statement_date=dt.date(2023, 3, 31))
    entry = MeasureEntry.objects.create(
        statement=statement, measure_key="homicide", measure_name="Reduce murder"
    )
    return reverse("transparency:entry-edit", args=[entry.pk]), entry


def an_annual_report() -> tuple[str, models.Model]:
    report = AnnualReport.objects.create(financial_year=2022, title="Annual Report 2022/23")
    return reverse("transparency:staff-annual-report", args=[report.pk]), report


def a_plan_review() -> tuple[str, models.Model]:
    review = PlanReview.objects.create(plan=plan(), how_to_respond="By email")
    return reverse("transparency:plan-review-edit", args=[review.pk]), review


def a_meeting_summary() -> tuple[str, models.Model]:
    board = BodyFactory.create(key="private-board", meetings_public=False)
    meeting = Meeting.objects.create(body=board, date=dt.date(2023, 5, 4))
    summary = MeetingSummary.objects.create(meeting=meeting, title="Estates", summary="Discussed")
    return reverse("transparency:meeting-summary-edit", args=[summary.pk]), summary


def a_consultation() -> tuple[str, models.Model]:
    consultation = first(Consultation)
    return reverse("engagement:consultation-edit", args=[consultation.pk]), consultation


def a_you_said_we_did() -> tuple[str, models.Model]:
    finding = first(YouSaidWeDid)
    return reverse("engagement:finding-edit", args=[finding.pk]), finding


def a_concern() -> tuple[str, models.Model]:
    concern = first(Concern)
    return reverse("engagement:concern-edit", args=[concern.pk]), concern


def an_event() -> tuple[str, models.Model]:
    event = first(Event)
    return reverse("engagement:event-edit", args=[event.pk]), event


def an_output() -> tuple[str, models.Model]:
    output = first(CommsOutput)
    return reverse("engagement:output-edit", args=[output.pk]), output


def an_objective() -> tuple[str, models.Model]:
    objective = first(CommsObjective)
    return reverse("engagement:objective-edit", args=[objective.pk]), objective


def the_office_profile() -> tuple[str, models.Model]:
    return reverse("core:office"), first(Office)


def a_meeting() -> tuple[str, models.Model]:
    meeting = first(Meeting, agenda_items__isnull=False)
    return reverse("panel:meeting-edit", args=[meeting.pk]), meeting


def an_agenda_item() -> tuple[str, models.Model]:
    item = first(AgendaItem, is_exempt=False)
    return reverse("panel:agenda-item-edit", args=[item.meeting_id, item.number]), item


def a_minute() -> tuple[str, models.Model]:
    meeting = Meeting.objects.create(date=dt.date.today() + dt.timedelta(days=40))
    number = (MinuteItem.objects.order_by("-number").values_list("number", flat=True).first()) or 0
    minute = MinuteItem.objects.create(meeting=meeting, number=number + 1, title="Apologies")
    return reverse("panel:minute-edit", args=[minute.pk]), minute


def a_panel_member() -> tuple[str, models.Model]:
    member = first(PanelMember)
    return reverse("panel:member-edit", args=[member.pk]), member


def a_precept() -> tuple[str, models.Model]:
    precept = first(Precept)
    return reverse("panel:precept-edit", args=[precept.financial_year_start]), precept


@dataclass(frozen=True)
class EditPage:
    form: type[forms.BaseForm]
    # The page and the record it edits.
    open: Callable[[], tuple[str, models.Model]]
    # A text field both editors change; None where the form has none (the first save is
    # then made as served).
    field: str | None


def form_class(dotted: str) -> type[forms.BaseForm]:
    module, name = dotted.rsplit(".", 1)
    found: type[forms.BaseForm] = getattr(importlib.import_module(module), name)
    return found


PAGES = [
    EditPage(form_class("pcplan.plans.forms.PlanForm"), the_plan_page, "summary"),
    EditPage(form_class("pcplan.plans.forms.ThemeForm"), a_theme, "aim"),
    EditPage(form_class("pcplan.plans.forms.PriorityForm"), a_priority, "text"),
    EditPage(form_class("pcplan.plans.forms.StatutoryElementForm"), a_statutory_element, "text"),
    EditPage(form_class("pcplan.plans.forms.CommitmentForm"), a_commitment, "text"),
    EditPage(form_class("pcplan.delivery.forms.DeliverableForm"), a_deliverable, "purpose"),
    EditPage(form_class("pcplan.delivery.forms.UpdateForm"), an_update, "text"),
    EditPage(form_class("pcplan.delivery.forms.TaskForm"), a_task, "title"),
    EditPage(form_class("pcplan.performance.forms.MeasureForm"), a_measure, "name"),
    EditPage(form_class("pcplan.grants.forms.FundForm"), a_fund, "notes"),
    EditPage(form_class("pcplan.grants.forms.ServiceForm"), a_service, "name"),
    EditPage(form_class("pcplan.grants.forms.ExternalBidForm"), an_external_bid, "name"),
    EditPage(form_class("pcplan.grants.forms.InterventionForm"), an_intervention, "progress_note"),
    EditPage(form_class("pcplan.partnerships.forms.BodyForm"), a_body, "purpose"),
    EditPage(form_class("pcplan.partnerships.forms.LocalIssueForm"), a_local_issue, "description"),
    EditPage(form_class("pcplan.transparency.forms.DecisionForm"), a_decision, "title"),
    EditPage(form_class("pcplan.transparency.forms.InspectionForm"), an_inspection, "title"),
    EditPage(form_class("pcplan.transparency.forms.FindingForm"), an_inspection_finding, "text"),
    EditPage(
        form_class("pcplan.transparency.views.statement.EntryForm"), a_national_measure_entry, "why"
    ),
    EditPage(
        form_class("pcplan.transparency.views.annual_reports.PresentationForm"),
        an_annual_report,
        None,
    ),
    EditPage(
        form_class("pcplan.transparency.views.plan_reviews.PlanReviewForm"),
        a_plan_review,
        "how_to_respond",
    ),
    EditPage(
        form_class("pcplan.transparency.forms.MeetingSummaryForm"), a_meeting_summary, "title"
    ),
    EditPage(form_class("pcplan.engagement.forms.ConsultationForm"), a_consultation, "title"),
    EditPage(form_class("pcplan.engagement.forms.FindingForm"), a_you_said_we_did, "we_did"),
    EditPage(form_class("pcplan.engagement.forms.ConcernForm"), a_concern, "summary"),
    EditPage(form_class("pcplan.engagement.forms.EventForm"), an_event, "issues_raised"),
    EditPage(form_class("pcplan.engagement.forms.CommsOutputForm"), an_output, "title"),
    EditPage(form_class("pcplan.engagement.forms.CommsObjectiveForm"), an_objective, "text"),
    EditPage(
        form_class("pcplan.core.office_forms.OfficeForm"), the_office_profile, "contact_details"
    ),
    EditPage(form_class("pcplan.panel.forms.MeetingForm"), a_meeting, "venue"),
    EditPage(form_class("pcplan.panel.forms.AgendaItemForm"), an_agenda_item, "note"),
    EditPage(form_class("pcplan.panel.forms.MinuteForm"), a_minute, "text"),
    EditPage(form_class("pcplan.panel.forms.PanelMemberForm"), a_panel_member, "name"),
    EditPage(form_class("pcplan.panel.forms.PreceptForm"), a_precept, "signed_by"),
]


@pytest.fixture
def demo(db: Any) -> None:
    load_demo_database()


def administrator(first_name: str) -> Client:
    user: User = UserFactory(  # type: ignore[assignment]
        username=f"{first_name.lower()}-editor",
        first_name=first_name,
        last_name="Editor",
        role=User.Role.ADMINISTRATOR,
        organisation=Organisation.objects.filter(kind=Organisation.Kind.OPCC).first(),
    )
    client = Client()
    client.force_login(user)
    return client


def error_summary(html: str) -> str:
    """The page's GOV.UK error summary, as text (what a failing save said)."""
    start = html.find("govuk-error-summary")
    return " ".join(re.sub(r"<[^>]+>", " ", html[start : start + 3000]).split())


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.form.__name__)
def test_the_second_of_two_editors_is_told_what_changed_and_the_first_save_is_kept(
    demo: None, page: EditPage
) -> None:
    url, record = page.open()
    first_editor, second_editor = administrator("First"), administrator("Second")
    opened = first_editor.get(url)
    assert opened.status_code == 200
    assert type(opened.context["form"]) is page.form
    first_form = served_form(opened.content.decode(), action="")
    second_form = served_form(second_editor.get(url).content.decode(), action="")
    assert first_form["version"] == second_form["version"] == str(record.version)  # type: ignore[attr-defined]

    if page.field is not None:
        first_form[page.field] = "Changed by the first editor"
        second_form[page.field] = "Changed by the second editor"
    saved = first_editor.post(url, first_form)
    assert saved.status_code == 302, error_summary(saved.content.decode())
    refused = second_editor.post(url, second_form)

    assert refused.status_code == 400
    body = refused.content.decode()
    assert "There is a problem" in body
    assert "changed by First Editor at" in body
    assert "Your changes are below and have not been saved." in body
    record.refresh_from_db()
    if page.field is not None:
        assert getattr(record, page.field) == "Changed by the first editor"
        assert "Changed by the second editor" in body  # the second editor's words, kept
    # Saving the form shown again, having seen the change, is a deliberate choice.
    again = served_form(body, action="")
    assert second_editor.post(url, again).status_code == 302
    record.refresh_from_db()
    if page.field is not None:
        assert getattr(record, page.field) == "Changed by the second editor"


# --- plain forms that act on a record -------------------------------------------------------

# Plain (not Model) forms that change no existing record, each with why: nothing an earlier
# save could undo. Every other plain form carries the version of the record it acts on.
NOT_AN_EDIT_OF_A_RECORD = {
    # filters and choices that read, or start a job
    "pcplan.grants.register.RegisterFilter": "filters a public list",
    "pcplan.performance.forms.DashboardFilter": "filters a page",
    "pcplan.reports.forms.ReportForm": "chooses a report to generate",
    "pcplan.reports.forms.PaperForForm": "chooses a paper to generate",
    "pcplan.reports.forms.WhatChangedForm": "chooses a period to compare",
    "pcplan.reports.forms.UpdateRoundForm": "chooses an update round to start",
    "pcplan.reports.forms.ThemeReportForm": "chooses a report to generate",
    "pcplan.engagement.forms.PeriodForm": "chooses a period to report",
    "pcplan.transparency.views.annual_reports.GenerateForm": "generates a new report",
    # uploads and imports: each row is checked by the importer, and versioned records it
    # writes move their version on (Versioned.save)
    "pcplan.delivery.spreadsheet_views.UploadForm": "an upload",
    "pcplan.performance.forms.UploadForm": "an upload",
    "pcplan.performance.forms.PoliceDataUploadForm": "an upload",
    "pcplan.engagement.forms.SurveyUploadForm": "an upload",
    "pcplan.engagement.forms.OutputUploadForm": "an upload",
    "pcplan.engagement.forms.MappingForm": "maps an upload's columns",
    # forms that only add a row
    "pcplan.grants.forms.ApplicationForm": "submits a new bid",
    "pcplan.panel.forms.PublicSubmissionForm": "a member of the public's new question",
    "pcplan.panel.forms.RecommendationForm": "adds a recommendation",
    "pcplan.panel.forms.ActionForm": "adds an action",
    "pcplan.panel.forms.OtherAttendeeForm": "adds a person present",
    "pcplan.panel.forms.DeclarationForm": "adds a declaration",
    "pcplan.performance.forms.ObservationForm": "adds a figure (one per period, unique)",
    "pcplan.engagement.forms.ConcernFromEventForm": "adds a concern",
    "pcplan.engagement.forms.SubscriptionForm": "a member of the public's subscription",
    "pcplan.api.tokens_views.TokenForm": "issues a new token",
    "pcplan.accounts.forms.SecurityCodeForm": "signs in",
    "pcplan.core.forms.LoginForm": "signs in",
    "pcplan.core.office_forms.ForceForm": "adds a force",
    "pcplan.core.office_forms.CspForm": "adds a partnership area",
    # a decision on an update carries the deliverable's version in its own field
    "pcplan.delivery.forms.DecisionForm": "carries deliverable_version",
    "pcplan.delivery.forms.PublishForm": "publishing is not an edit (NOT_AN_EDIT)",
    "pcplan.performance.forms.PublishedFigureForm": "adds a published figure",
}


def all_plain_forms() -> dict[str, type[forms.Form]]:
    """Every forms.Form (not ModelForm) class defined in pcplan's modules, by dotted name."""
    all_model_forms()  # imports every module
    found: dict[str, type[forms.Form]] = {}
    todo: list[type[Any]] = [forms.Form]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("pcplan.") and not issubclass(sub, forms.ModelForm):
                found[f"{sub.__module__}.{sub.__qualname__}"] = sub
    return found


def test_every_plain_form_that_acts_on_a_record_carries_its_version():
    plain = all_plain_forms()
    assert "pcplan.panel.forms.ResponseForm" in plain
    gone = set(NOT_AN_EDIT_OF_A_RECORD) - set(plain)
    assert not gone, "a form listed here no longer exists"
    unversioned = sorted(
        name
        for name, form in plain.items()
        if name not in NOT_AN_EDIT_OF_A_RECORD and not issubclass(form, VersionedForm)
    )
    assert unversioned == []


# --- two users on each action form ----------------------------------------------------------


def panel_meeting(days_from_today: int) -> Meeting:
    return Meeting.objects.create(date=dt.date.today() + dt.timedelta(days=days_from_today))


def a_recommendation() -> tuple[str, models.Model]:
    rec = Recommendation.objects.create(
        meeting=panel_meeting(-30),
        text="Publish the response times",
        made_on=dt.date.today() - dt.timedelta(days=30),
        response_due=dt.date.today() + dt.timedelta(days=26),
    )
    return reverse("panel:recommendation-response", args=[rec.pk]), rec


def an_action() -> tuple[str, models.Model]:
    entry = Action.objects.create(meeting=panel_meeting(-30), item="CCTV", action="Report back")
    return reverse("panel:action-close", args=[entry.pk]), entry


def a_planned_item() -> tuple[str, models.Model]:
    item = ForwardPlanItem.objects.create(meeting=panel_meeting(40), title="Estates", position=1)
    return reverse("panel:planned-item-edit", args=[item.pk]), item


def a_planned_item_to_move() -> tuple[str, models.Model]:
    item = ForwardPlanItem.objects.create(meeting=panel_meeting(40), title="Estates", position=1)
    panel_meeting(70)
    return reverse("panel:planned-item-move", args=[item.pk]), item


def a_meetings_attendance() -> tuple[str, models.Model]:
    meeting = first(Meeting, agenda_items__isnull=False)
    return reverse("panel:attendance", args=[meeting.pk]), meeting


def minutes_to_approve() -> tuple[str, models.Model]:
    meeting = panel_meeting(-60)
    panel_meeting(-30)
    return reverse("panel:minutes-approve", args=[meeting.pk]), meeting


def a_public_question() -> tuple[str, models.Model]:
    submission = PublicSubmission.objects.create(
        meeting=panel_meeting(20),
        kind=PublicSubmission.Kind.QUESTION,
        name="A resident",
        contact="resident@example.org",
        text="When will the station reopen?",
        received_at=timezone.now(),
    )
    return reverse("panel:submission-decide", args=[submission.pk]), submission


def the_precept_vote() -> tuple[str, models.Model]:
    precept = first(Precept)
    return reverse("panel:precept-decision", args=[precept.financial_year_start]), precept


def the_precept_response() -> tuple[str, models.Model]:
    precept = first(Precept)
    return reverse("panel:precept-response", args=[precept.financial_year_start]), precept


def a_bid() -> Application:
    return Application.objects.create(
        fund=first(Fund),
        organisation=first(Organisation),
        title="Youth diversion",
        amount=Decimal("2000.00"),
        status=Application.Status.SUBMITTED,
        submitted_on=dt.date.today(),
    )


def a_bid_to_assess() -> tuple[str, models.Model]:
    bid = a_bid()
    return reverse("grants:application-assess", args=[bid.pk]), bid


def a_bid_to_decide() -> tuple[str, models.Model]:
    bid = a_bid()
    return reverse("grants:application-decide", args=[bid.pk]), bid


def an_award_to_vary() -> tuple[str, models.Model]:
    award = first(Award, amount__isnull=False)
    return reverse("grants:award-vary", args=[award.pk]), award


def a_monitoring_return() -> tuple[str, models.Model]:
    award = first(Award)
    due = MonitoringReturn.objects.create(award=award, due_on=dt.date.today())
    return reverse("grants:return-record", args=[award.pk, due.pk]), due


def a_service_return() -> tuple[str, models.Model]:
    service = first(CommissionedService)
    due = ServiceReturn.objects.create(
        service=service, period_ends_on=dt.date.today(), due_on=dt.date.today()
    )
    return reverse("grants:service-return-record", args=[service.key, due.pk]), due


def a_plan_to_vary() -> tuple[str, models.Model]:
    # Issued: "Varied" is a next step before and after the first officer records it.
    issued = PlanFactory.create(status=PlanStatus.ISSUED)
    return reverse("plans:plan-status", args=[issued.key]), issued


def today_in(name: str) -> dict[str, str]:
    return date_fields(name, dt.date.today())


@dataclass(frozen=True)
class ActionPage:
    form: type[forms.BaseForm]
    open: Callable[[], tuple[str, models.Model]]
    # What each user enters, given the record and the words that tell the two apart.
    enters: Callable[[models.Model, str], dict[str, str]]
    # The field the first user's save must leave their words in (None: no text to tell).
    kept: str | None
    # The second is refused as stale and may save again, having seen the change; or, where
    # the first user's action cannot be repeated, refused with this message for good.
    refused_for_good: str | None = None


def form_at(dotted: str) -> type[forms.BaseForm]:
    return form_class(dotted)


def as_served(record: models.Model, words: str) -> dict[str, str]:
    return {}


def next_meeting(meeting: Any) -> Meeting:
    later = Meeting.objects.filter(body_id=meeting.body_id, date__gt=meeting.date)
    found = later.order_by("date").first()
    assert found is not None
    return found


ACTION_PAGES = [
    ActionPage(
        form_at("pcplan.panel.forms.ResponseForm"),
        a_recommendation,
        lambda _record, words: {"text": words, **today_in("date")},
        "response_text",
    ),
    ActionPage(
        form_at("pcplan.panel.forms.CloseActionForm"),
        an_action,
        lambda _record, words: {"outcome": words},
        "outcome",
    ),
    ActionPage(
        form_at("pcplan.panel.forms.PlannedItemForm"),
        a_planned_item,
        lambda _record, words: {"title": words},
        "title",
    ),
    ActionPage(
        form_at("pcplan.panel.forms.MoveItemForm"),
        a_planned_item_to_move,
        lambda item, _words: {"to": str(next_meeting(item.meeting).pk)},  # type: ignore[attr-defined]
        None,
    ),
    ActionPage(
        form_at("pcplan.panel.forms.AttendanceForm"), a_meetings_attendance, as_served, None
    ),
    ActionPage(
        form_at("pcplan.panel.forms.ApproveMinutesForm"),
        minutes_to_approve,
        lambda meeting, words: {"at": str(next_meeting(meeting).pk), "amendments": words},
        "minutes_amendments",
    ),
    ActionPage(
        form_at("pcplan.panel.forms.DecisionForm"),
        a_public_question,
        lambda _record, words: {"decision": "reject", "reason": words},
        "reason",
    ),
    ActionPage(
        form_at("pcplan.panel.forms.PreceptDecisionForm"),
        the_precept_vote,
        lambda _record, words: {"decision_text": words, **today_in("report_date")},
        "decision_text",
    ),
    ActionPage(
        form_at("pcplan.panel.forms.PreceptResponseForm"),
        the_precept_response,
        lambda _record, words: {"text": words, "revised_band_d": "", **today_in("date")},
        "response_text",
    ),
    ActionPage(
        form_at("pcplan.plans.forms.PlanStatusForm"),
        a_plan_to_vary,
        lambda _record, words: {"status": "varied", "note": words, **today_in("date")},
        None,
    ),
    ActionPage(
        form_at("pcplan.grants.forms.AssessmentForm"),
        a_bid_to_assess,
        lambda _record, words: {"assessment": words, "recommendation": "award"},
        "assessment",
    ),
    ActionPage(
        form_at("pcplan.grants.forms.DecisionForm"),
        a_bid_to_decide,
        lambda _record, words: {
            "decision": "decline",
            "decision_number": "DN-1",
            "decision_maker": "The office holder",
            "reasons": words,
            **today_in("decision_date"),
        },
        "decision_reasons",
        refused_for_good="This bid has already been decided.",
    ),
    ActionPage(
        form_at("pcplan.grants.forms.VariationForm"),
        an_award_to_vary,
        lambda _record, words: {
            "kind": "variation",
            "new_amount": "100.00",
            "reason": words,
            **today_in("date"),
        },
        None,
    ),
    ActionPage(
        form_at("pcplan.grants.forms.ReturnForm"),
        a_monitoring_return,
        lambda _record, words: {"outputs": words, **today_in("received_on")},
        "outputs",
    ),
    ActionPage(
        form_at("pcplan.grants.forms.ServiceReturnForm"),
        a_service_return,
        lambda _record, words: {"activity": words, **today_in("received_on")},
        "activity",
    ),
]


def test_every_versioned_plain_form_has_its_page_tried_below():
    versioned = {
        name for name, form in all_plain_forms().items() if issubclass(form, VersionedForm)
    }
    tried = {f"{page.form.__module__}.{page.form.__qualname__}" for page in ACTION_PAGES}
    # The minute's form is tried with the edit pages above; the page-range button's (a
    # version only, its work done by the worker) in tests/panel/test_page_ranges_in_the_worker.py.
    tried_elsewhere = {"pcplan.panel.forms.MinuteForm", "pcplan.panel.forms.FillPageRangesForm"}
    assert versioned - tried_elsewhere <= tried


@pytest.mark.parametrize(
    "page", ACTION_PAGES, ids=lambda page: f"{page.form.__module__}.{page.form.__name__}"
)
def test_of_two_users_acting_on_one_record_the_second_is_refused_and_nothing_is_lost(
    demo: None, page: ActionPage
) -> None:
    url, record = page.open()
    first_user, second_user = administrator("First"), administrator("Second")
    opened = first_user.get(url)
    assert opened.status_code == 200
    assert type(opened.context["form"]) is page.form
    first_form = served_form(opened.content.decode(), action="")
    second_form = served_form(second_user.get(url).content.decode(), action="")
    assert first_form["version"] == second_form["version"] == str(record.version)  # type: ignore[attr-defined]

    first_form.update(page.enters(record, "Entered by the first user"))
    second_form.update(page.enters(record, "Entered by the second user"))
    saved = first_user.post(url, first_form)
    assert saved.status_code == 302, error_summary(saved.content.decode())
    refused = second_user.post(url, second_form)

    assert refused.status_code == 400
    body = refused.content.decode()
    assert "There is a problem" in body
    record.refresh_from_db()
    if page.kept is not None:
        assert getattr(record, page.kept) == "Entered by the first user"
        assert "Entered by the second user" in body  # the second user's words, kept
    if page.refused_for_good is not None:
        assert page.refused_for_good in error_summary(body)
        assert second_user.post(url, served_form(body, action="")).status_code == 400
        return
    assert "since you opened it" in body
    assert "Your changes are below and have not been saved." in body
    # Saving the form shown again, having seen the change, is a deliberate choice.
    again = served_form(body, action="")
    assert second_user.post(url, again).status_code == 302
    record.refresh_from_db()
    if page.kept is not None:
        assert getattr(record, page.kept) == "Entered by the second user"
