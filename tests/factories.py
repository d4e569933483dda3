from __future__ import annotations

import datetime as dt
from typing import Any

import factory

from pcplan.core.models import Organisation, User
from pcplan.delivery.models import Deliverable, Update
from pcplan.delivery.rules import Status
from pcplan.partnerships.models import Body, BodyKind, Membership, MembershipRole
from pcplan.plans.lifecycle import PlanStatus
from pcplan.plans.models import Plan, Theme


class OrganisationFactory(factory.django.DjangoModelFactory[Organisation]):
    class Meta:
        model = Organisation
        django_get_or_create = ("key",)

    key = factory.Sequence(lambda n: f"organisation-{n}")
    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = Organisation.Kind.OTHER


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"User {n}")
    role = User.Role.CONTRIBUTOR
    password = factory.django.Password("a-long-test-password")


class PlanFactory(factory.django.DjangoModelFactory[Plan]):
    class Meta:
        model = Plan

    key = factory.Sequence(lambda n: f"plan-{n}")
    title = factory.Sequence(lambda n: f"Police and Crime Plan {n}")
    area = "Cambridgeshire and Peterborough"
    commissioner = "The Commissioner"
    elected_on = dt.date(2021, 5, 6)
    starts_on = dt.date(2021, 4, 1)
    ends_on = dt.date(2024, 3, 31)
    status = PlanStatus.ISSUED


class ThemeFactory(factory.django.DjangoModelFactory[Theme]):
    class Meta:
        model = Theme

    plan = factory.SubFactory(PlanFactory)
    key = factory.Sequence(lambda n: f"theme-{n}")
    title = factory.Sequence(lambda n: f"Theme {n}")
    aim = "We will do good things."
    position = factory.Sequence(lambda n: n)


class DeliverableFactory(factory.django.DjangoModelFactory[Deliverable]):
    class Meta:
        model = Deliverable

    theme = factory.SubFactory(ThemeFactory)
    key = factory.Sequence(lambda n: f"deliverable-{n}")
    title = factory.Sequence(lambda n: f"Deliverable {n}")
    status = Status.IN_PROGRESS
    added_on = dt.date(2021, 11, 29)
    is_published = True


class UpdateFactory(factory.django.DjangoModelFactory[Update]):
    class Meta:
        model = Update

    deliverable = factory.SubFactory(DeliverableFactory)
    date = dt.date(2023, 3, 15)
    text = factory.Sequence(lambda n: f"Progress note {n}.")
    is_published = True


class BodyFactory(factory.django.DjangoModelFactory[Body]):
    class Meta:
        model = Body

    key = factory.Sequence(lambda n: f"body-{n}")
    name = factory.Sequence(lambda n: f"Board {n}")
    kind = BodyKind.STRATEGIC_BOARD
    is_published = True
    meetings_public = True


class MembershipFactory(factory.django.DjangoModelFactory[Membership]):
    class Meta:
        model = Membership

    body = factory.SubFactory(BodyFactory)
    person = factory.Sequence(lambda n: f"Person {n}")
    role = MembershipRole.MEMBER
    starts_on = dt.date(2021, 5, 13)


def grow(factor: int = 2) -> None:
    """Every kind of record in the database `factor` times as many, linked as before: a plan
    gets twice its deliverables, a deliverable twice its updates and audit history, a meeting
    twice its minutes (pcplan.demo.multiply, which the benchmark's demo ×10 uses too)."""
    from pcplan.demo.multiply import multiply

    multiply(factor)


def fill_gaps() -> None:
    """One record of each kind a staff page shows that the demo does not load, so that every
    staff page has an object to show and something to grow."""
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from pcplan.accounts.models import Invitation, SignInEvent
    from pcplan.api.models import ApiToken
    from pcplan.core.models import BackgroundJob
    from pcplan.delivery.models import Task
    from pcplan.engagement.models import (
        CommsObjective,
        CommsOutput,
        Concern,
        Consultation,
        Event,
    )
    from pcplan.engagement.models import Finding as ConsultationFinding
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
    from pcplan.panel.models import Action, ForwardPlanItem, Meeting, PublicSubmission
    from pcplan.partnerships.models import LocalIssue
    from pcplan.plans.models import Commitment, PlanStatutoryElement
    from pcplan.reports.models import GeneratedReport, UpdateRound
    from pcplan.transparency.models import (
        AnnualReport,
        Inspection,
        MeasureEntry,
        MeasuresStatement,
        MeetingSummary,
        PlanReview,
    )
    from pcplan.transparency.models import Finding as InspectionFinding

    now = timezone.now()
    today = timezone.localdate()
    plan = Plan.objects.filter(status=PlanStatus.ISSUED).order_by("pk").first() or (
        PlanFactory.create()
    )
    theme = Theme.objects.filter(plan=plan).order_by("pk").first()
    deliverable = Deliverable.objects.filter(theme__plan=plan).order_by("pk").first() or (
        DeliverableFactory.create(theme=theme or ThemeFactory.create(plan=plan))
    )
    meeting = Meeting.objects.of_panel().order_by("pk").first()
    user = User.objects.order_by("pk").first() or UserFactory.create()
    organisation = Organisation.objects.order_by("pk").first() or OrganisationFactory.create()
    body = Body.objects.order_by("pk").first()

    def missing(model: type[Any]) -> bool:
        return not model._base_manager.exists()

    if missing(BackgroundJob):
        BackgroundJob.objects.create(title="Importing police data")
    if missing(Task):
        Task.objects.create(deliverable=deliverable, title="Agree the needs assessment")
    if missing(UpdateRound):
        UpdateRound.objects.create(plan=plan, due_on=today, requested_at=now)
    if missing(GeneratedReport):
        report = GeneratedReport(
            plan=plan,
            format="html",
            as_of=today,
            since=today,
            panel_name="Police and Crime Panel",
            meeting_date=today,
            report_of="The Commissioner",
            contact_officer="The Chief Executive",
            purpose="To update the Panel.",
            recommendation="The Panel is recommended to note the report.",
            terms_of_reference="To review the plan.",
        )
        report.file.save("progress.html", ContentFile(b"<p>Report</p>"), save=False)
        report.save()
    if missing(Commitment):
        Commitment.objects.create(plan=plan, kind="pledge", text="Keep neighbourhoods safe.")
    if missing(PlanStatutoryElement):
        PlanStatutoryElement.objects.create(plan=plan, element="objectives", text="Objectives.")
    if meeting is not None:
        if missing(PublicSubmission):
            PublicSubmission.objects.create(
                meeting=meeting,
                kind="question",
                name="A resident",
                contact="resident@example.org",
                text="What is being done about speeding?",
                received_at=now,
            )
        if missing(ForwardPlanItem):
            ForwardPlanItem.objects.create(meeting=meeting, title="Commissioning and Grants")
        if missing(Action):
            Action.objects.create(meeting=meeting, item="7", action="Report back on recruitment.")
    fund = Fund.objects.order_by("pk").first()
    if fund is not None and missing(Application):
        Application.objects.create(
            fund=fund, organisation=organisation, title="Youth diversion", amount=4000
        )
    award = Award.objects.order_by("pk").first()
    if award is not None and missing(MonitoringReturn):
        MonitoringReturn.objects.create(award=award, due_on=today)
    service = CommissionedService.objects.order_by("pk").first()
    if service is not None and missing(ServiceReturn):
        ServiceReturn.objects.create(service=service, period_ends_on=today, due_on=today)
    bid = ExternalBid.objects.order_by("pk").first()
    if bid is not None and missing(Intervention):
        Intervention.objects.create(bid=bid, title="Street lighting")
    if missing(Concern):
        Concern.objects.create(
            received_on=today, raised_by="resident", topic="asb", summary="Noise at night."
        )
    if missing(Event):
        Event.objects.create(title="District day", kind="district-day", date=today)
    if missing(CommsObjective) and theme is not None:
        CommsObjective.objects.create(theme=theme, text="Tell residents what we did.")
    if missing(CommsOutput):
        CommsOutput.objects.create(date=today, kind="press-release", title="Plan issued")
    consultation = Consultation.objects.order_by("pk").first()
    if consultation is not None and missing(ConsultationFinding):
        ConsultationFinding.objects.create(
            consultation=consultation, you_said="More patrols.", we_did="More patrols."
        )
    if missing(Inspection):
        Inspection.objects.create(title="PEEL inspection", kind="peel", published_on=today)
    if missing(InspectionFinding):
        InspectionFinding.objects.create(
            inspection=Inspection.objects.order_by("pk")[0],
            kind="recommendation",
            text="Improve call handling.",
        )
    if missing(MeasuresStatement):
        MeasuresStatement.objects.create(statement_date=today)
    if missing(MeasureEntry):
        MeasureEntry.objects.create(
            statement=MeasuresStatement.objects.order_by("pk")[0],
            measure_key="homicide",
            measure_name="Reduce murder and other homicide",
        )
    if missing(AnnualReport):
        AnnualReport.objects.create(financial_year=today.year - 1, title="Annual report")
    if missing(PlanReview):
        PlanReview.objects.create(plan=plan)
    if missing(MeetingSummary):  # SI 2011/3050 Sch. para 5(c): a meeting held in private
        held = BodyFactory.create(key="private-board", meetings_public=False)
        private = Meeting.objects.create(body=held, date=today, status=Meeting.Status.HELD)
        MeetingSummary.objects.create(meeting=private, title="Estates", summary="Discussed.")
    if missing(LocalIssue) and body is not None:
        LocalIssue.objects.create(body=body, title="Bike theft at the station", opened_on=today)
    if missing(ApiToken):
        ApiToken.objects.create(user=user, name="Open data", prefix="abcd", digest="0" * 64)
    if missing(Invitation):
        invited = UserFactory.create(username="invited")
        Invitation.objects.create(user=invited, invited_by=user, sent_at=now)
    if missing(SignInEvent):
        SignInEvent.objects.create(kind="signed-in", username=user.username)
