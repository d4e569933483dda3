"""Every change the reports app makes goes through here: permission-checked, atomic, audited.

Publishing and withdrawing a generated report is `pcplan.core.publishing.set_published`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from pcplan.core import keptfiles, reminders
from pcplan.core.audit import attributed_to
from pcplan.core.dates import long_date
from pcplan.core.models import Organisation, User
from pcplan.delivery.models import Deliverable, Update
from pcplan.delivery.rules import Status
from pcplan.panel import services as panel_services
from pcplan.panel.models import AgendaItem
from pcplan.plans.models import Plan, Theme
from pcplan.plans.permissions import require
from pcplan.reports import permissions
from pcplan.reports.models import (
    GeneratedReport,
    ReportFormat,
    ReportKind,
    UpdateRequest,
    UpdateRound,
)
from pcplan.reports.progress import (
    ProgressReport,
    ReportFields,
    build_progress_report,
    default_fields,
)
from pcplan.reports.render import render, render_pdf
from pcplan.reports.theme import build_theme_report


def fields_for_next_report(plan: Plan, kind: str, as_of: dt.date) -> ReportFields:
    """The words of the last report of this kind for the plan, or the seeds' defaults."""
    last = GeneratedReport.objects.filter(plan=plan, kind=kind).first()
    if last is None:
        return default_fields(plan, as_of, kind=kind)
    return ReportFields(**{**asdict(last.report_fields), "meeting_date": as_of})


def runs_in_background(plan: Plan, theme: Theme | None = None) -> bool:
    """Whether a report on the plan (or on one of its themes) is built by `pcplan worker`
    rather than in the request: above `PCPLAN_BACKGROUND_REPORT_DELIVERABLES` deliverables in
    what it covers, it takes seconds to render."""
    covered = Deliverable.objects.filter(theme__plan=plan)
    if theme is not None:
        covered = covered.filter(theme=theme)
    count = covered.count()
    return count > int(settings.PCPLAN_BACKGROUND_REPORT_DELIVERABLES)


# Theme reports made without saving them ("Make the report" as a PDF), kept until anything
# they might show changes (pcplan.core.keptfiles).
MADE_FOLDER = "theme-reports-made"


def _made_prefix(theme: Theme, as_of: dt.date, since: dt.date) -> str:
    return f"{theme.pk}-{as_of:%Y%m%d}-{since:%Y%m%d}-"


def kept_theme_pdf(theme: Theme, as_of: dt.date, since: dt.date) -> bytes | None:
    """The theme report's PDF made for these dates and kept for the current data, if any."""
    return keptfiles.read(MADE_FOLDER, _made_prefix(theme, as_of, since), "pdf")


def made_theme_pdf_url(theme: Theme, as_of: dt.date, since: dt.date) -> str:
    """The theme report page asked for the PDF made for these dates: it serves the kept one."""
    query = urlencode({"as_of": as_of.isoformat(), "since": since.isoformat(), "format": "pdf"})
    return f"{reverse('reports:theme-report', args=[theme.plan.key, theme.key])}?{query}"


def make_theme_pdf(theme: Theme, as_of: dt.date, since: dt.date) -> bytes:
    """Build the theme report's PDF from live public data and keep it until the data changes.
    Nothing is recorded: a made report is not a generated one (see `generate_theme_report`)."""
    built_at = keptfiles.version()
    pdf = render_pdf(build_theme_report(theme, as_of, since))
    keptfiles.keep(MADE_FOLDER, _made_prefix(theme, as_of, since), "pdf", pdf, built_at=built_at)
    return pdf


def previous_report_date(plan: Plan, kind: str) -> dt.date | None:
    last = GeneratedReport.objects.filter(plan=plan, kind=kind).order_by("-as_of").first()
    return last.as_of if last else None


@transaction.atomic
def generate_report(
    user: User,
    plan: Plan,
    *,
    kind: str,
    fmt: str,
    as_of: dt.date,
    since: dt.date,
    report_fields: ReportFields,
    paper_for: AgendaItem | None = None,
) -> GeneratedReport:
    """Build the report from live data, render it and keep the file with its parameters; when
    it is for a Panel agenda item, it becomes that item's paper in the same transaction."""
    require(permissions.can_manage_reports(user))
    report = build_progress_report(plan, as_of, since, report_fields, kind=kind)
    return _keep(user, report, plan=plan, kind=kind, fmt=fmt, paper_for=paper_for)


@transaction.atomic
def generate_theme_report(
    user: User,
    theme: Theme,
    *,
    fmt: str,
    as_of: dt.date,
    since: dt.date,
    paper_for: AgendaItem | None = None,
) -> GeneratedReport:
    """A theme report, stored and published like the other generated reports (issue 18)."""
    require(permissions.can_manage_reports(user))
    report = build_theme_report(theme, as_of, since)
    return _keep(
        user,
        report,
        plan=theme.plan,
        kind=ReportKind.THEME,
        fmt=fmt,
        paper_for=paper_for,
        theme=theme,
    )


def _keep(
    user: User,
    report: ProgressReport,
    *,
    plan: Plan,
    kind: str,
    fmt: str,
    paper_for: AgendaItem | None,
    theme: Theme | None = None,
) -> GeneratedReport:
    if paper_for is not None and fmt != ReportFormat.PDF:
        raise ValidationError(gettext("An agenda paper must be a PDF: choose PDF"))
    content = render(report, fmt)
    generated = GeneratedReport(
        plan=plan,
        kind=kind,
        theme=theme,
        format=fmt,
        as_of=report.as_of,
        since=report.since,
        created_by=user,
        paper_for=paper_for,
        **asdict(report.fields),
    )
    generated.file.save(generated.filename, ContentFile(content), save=False)
    generated.read_document(generated.filename, content)
    attributed_to(generated, user, f"Generated {ReportKind(kind).label}").save()
    if paper_for is not None:
        panel_services.attach_paper(user, paper_for, name=generated.filename, data=content)
    return generated


def lead_organisations(plan: Plan) -> list[Organisation]:
    """Organisations leading a deliverable of the plan that is not yet completed."""
    return list(
        Organisation.objects.filter(
            led_deliverables__in=Deliverable.objects.for_plan(plan).exclude(status=Status.COMPLETED)
        ).distinct()
    )


@transaction.atomic
def request_updates(user: User, plan: Plan, *, due_on: dt.date, message: str = "") -> UpdateRound:
    """Ask every lead organisation to update its deliverables by `due_on`."""
    require(permissions.can_manage_reports(user))
    update_round = UpdateRound(
        plan=plan,
        due_on=due_on,
        message=message.strip(),
        requested_by=user,
        requested_at=timezone.now(),
    )
    attributed_to(update_round, user, "Updates requested").save()
    for organisation in lead_organisations(plan):
        attributed_to(UpdateRequest(round=update_round, organisation=organisation), user).save()
    return update_round


@dataclass(frozen=True)
class RequestStatus:
    request: UpdateRequest
    last_update_at: dt.datetime | None

    @property
    def responded(self) -> bool:
        return self.last_update_at is not None


def round_status(update_round: UpdateRound) -> list[RequestStatus]:
    """Who has updated since the request: an update posted on a deliverable the organisation
    leads, after the request was made. Two queries whatever the number of organisations."""
    requests = list(update_round.requests.select_related("organisation"))
    latest = dict(
        Update.objects.filter(
            deliverable__theme__plan_id=update_round.plan_id,
            deliverable__lead__in=[r.organisation_id for r in requests],
            created_at__gte=update_round.requested_at,
        )
        .values_list("deliverable__lead")
        .annotate(last=Max("created_at"))
        .order_by()
    )
    return [RequestStatus(r, latest.get(r.organisation_id)) for r in requests]


def requests_for(user: User) -> list[tuple[UpdateRequest, list[Deliverable]]]:
    """What is asked of the user's organisation in rounds still open, with its deliverables."""
    if user.organisation_id is None:
        return []
    today = timezone.localdate()
    requests = UpdateRequest.objects.filter(
        organisation_id=user.organisation_id, round__due_on__gte=today
    ).select_related("round__plan")
    out = []
    for request in requests:
        deliverables = list(
            Deliverable.objects.for_plan(request.round.plan)
            .filter(lead_id=user.organisation_id)
            .exclude(status=Status.COMPLETED)
        )
        out.append((request, deliverables))
    return out


def send_update_reminders(*, today: dt.date | None = None, base_url: str = "") -> int:
    """Email each person of an organisation that has not yet updated in an open round.

    A round is open until its due date; each organisation is reminded at most once a day.
    Returns the number of emails sent.
    """
    today = today or timezone.localdate()
    sent = 0
    rounds = UpdateRound.objects.filter(due_on__gte=today).select_related("plan")
    for update_round in rounds:
        for status in round_status(update_round):
            request = status.request
            if status.responded:
                continue
            if not reminders.may_remind(
                today, request.last_reminded_on, until_on=update_round.due_on
            ):
                continue
            recipients = reminders.people_to_remind(request.organisation_id)
            if not recipients:
                continue
            link = base_url.rstrip("/") + reverse("reports:my-update-requests")
            send_mail(
                subject=f"Reminder: updates on the {update_round.plan.title} due by "
                f"{long_date(update_round.due_on)}",
                message=(
                    f"The OPCC has asked {request.organisation.name} to update the deliverables "
                    f"it leads in the {update_round.plan.title} by "
                    f"{long_date(update_round.due_on)}.\n\n"
                    + (f"{update_round.message}\n\n" if update_round.message else "")
                    + f"See what is asked of you and add your updates: {link}\n"
                ),
                from_email=settings.DEFAULT_FROM_EMAIL,
                recipient_list=recipients,
            )
            reminders.mark_reminded(request, today)
            sent += len(recipients)
    return sent
