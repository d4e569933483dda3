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
from typing import Any

import pytest
from django import forms
from django.db import models
from django.test import Client
from django.urls import reverse

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
from pcplan.grants.models import CommissionedService, ExternalBid, Fund, Intervention
from pcplan.panel.models import AgendaItem, Meeting, MinuteItem, PanelMember, Precept
from pcplan.partnerships.models import Body, BodyKind, LocalIssue
from pcplan.performance.models import Measure
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
from tests.factories import BodyFactory, UserFactory
from tests.htmlforms import served_form

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
