"""Every change to partnerships goes through here: permission-checked, atomic, audited."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from pcplan.core.audit import attributed_to
from pcplan.core.concurrency import claim_version
from pcplan.core.models import User
from pcplan.core.office import current_office
from pcplan.partnerships.models import (
    PROBLEM_SOLVING_BODY_KINDS,
    Body,
    CspDocument,
    FundedPost,
    LocalIssue,
    Membership,
    PartnerOrganisation,
    PlanCopy,
    Scrutiny,
)
from pcplan.partnerships.permissions import REFUSAL, can_keep_partnerships
from pcplan.plans.models import Plan
from pcplan.plans.permissions import require
from pcplan.reports.pdf import html_to_pdf


@transaction.atomic
def add_membership(user: User, membership: Membership) -> Membership:
    require(can_keep_partnerships(user), REFUSAL)
    membership.full_clean()
    attributed_to(membership, user, "Member added").save()
    return membership


@transaction.atomic
def end_membership(user: User, membership: Membership, on: dt.date) -> Membership:
    require(can_keep_partnerships(user), REFUSAL)
    if on < membership.starts_on:
        raise ValidationError(_("A membership cannot end before it starts."))
    membership.ends_on = on
    attributed_to(membership, user, "Membership ended").save(update_fields=["ends_on"])
    return membership


@transaction.atomic
def record_scrutiny(user: User, scrutiny: Scrutiny) -> Scrutiny:
    require(can_keep_partnerships(user), REFUSAL)
    if not scrutiny.body.is_csp:
        raise ValidationError(_("Crime and disorder committees scrutinise CSPs only."))
    scrutiny.full_clean()
    attributed_to(scrutiny, user, "Scrutiny recorded").save()
    return scrutiny


@transaction.atomic
def add_csp_document(user: User, document: CspDocument) -> CspDocument:
    require(can_keep_partnerships(user), REFUSAL)
    if not document.body.is_csp:
        raise ValidationError(_("Only a CSP has a Community Safety Plan or strategic assessment."))
    document.full_clean()
    attributed_to(document, user, "Document added").save()
    return document


@transaction.atomic
def save_body(user: User, body: Body, *, version: int | None = None) -> Body:
    """A body's own fields, from its staff form; a body may not sit under itself. Refused
    (StaleEdit) when the body changed after the form was served at `version`."""
    require(can_keep_partnerships(user), REFUSAL)
    ancestor = body.parent
    while ancestor is not None:
        if ancestor.pk == body.pk:
            raise ValidationError(_("A body cannot report to itself or to a group under it."))
        ancestor = ancestor.parent
    body.full_clean()
    claim_version(body, version)
    attributed_to(body, user, "Body edited").save()
    return body


def _problem_solving_body(body: Body | None) -> None:
    if body is not None and body.kind not in PROBLEM_SOLVING_BODY_KINDS:
        raise ValidationError(
            _("Local issues and funded posts belong to a CSP or a Problem Solving Group.")
        )


@transaction.atomic
def save_local_issue(
    user: User,
    issue: LocalIssue,
    concerns: list[Any] | None = None,
    *,
    version: int | None = None,
) -> LocalIssue:
    """Record or update a local issue; the public concerns it answers are linked in the same
    audited change. Refused (StaleEdit) when it changed after the form was served at
    `version`."""
    require(can_keep_partnerships(user), REFUSAL)
    _problem_solving_body(issue.body)
    if issue.status == LocalIssue.Status.OPEN:
        issue.closed_on = None
    elif issue.closed_on is None:
        raise ValidationError(_("Enter the date the issue was closed."))
    issue.full_clean()
    creating = issue.pk is None
    claim_version(issue, version)
    attributed_to(issue, user, "Issue recorded" if creating else "Issue updated").save()
    if concerns is not None and set(issue.concerns.all()) != set(concerns):
        attributed_to(issue, user, "Concerns linked")
        issue.concerns.set(concerns)
    return issue


@transaction.atomic
def save_funded_post(user: User, post: FundedPost) -> FundedPost:
    require(can_keep_partnerships(user), REFUSAL)
    _problem_solving_body(post.body)
    post.full_clean()
    creating = post.pk is None
    attributed_to(post, user, "Funded post recorded" if creating else "Funded post edited").save()
    return post


# --- the issued plan's copies (seed 000 §6.3) -----------------------------------------------


@dataclass
class Recipient:
    partner: PartnerOrganisation
    copy: PlanCopy | None


def plan_recipients(plan: Plan) -> list[Recipient]:
    """Who must receive the issued plan: the Chief Constable and every Responsible Authority
    wholly or partly in the police area (PRSRA 2011 s.5; seed 000 §6.3), and the copy
    each has been sent, if any."""
    copies = {c.organisation_id: c for c in PlanCopy.objects.filter(plan=plan)}
    partners = PartnerOrganisation.objects.plan_recipients().select_related("organisation")
    return [Recipient(p, copies.get(p.organisation_id)) for p in partners]


@dataclass
class Distribution:
    sent: list[PlanCopy] = field(default_factory=list)
    without_email: list[PartnerOrganisation] = field(default_factory=list)


def plan_pdf(plan: Plan) -> bytes:
    html = render_to_string(
        "partnerships/pdf/plan.html",
        {
            "plan": plan,
            "themes": plan.themes.prefetch_related("priorities"),
            "office": current_office(),
        },
    )
    return html_to_pdf(html, title=plan.title)


def send_plan_copies(user: User, plan: Plan) -> Distribution:
    """Email the issued plan, as a PDF, to every recipient not yet sent it; record each copy.

    Each copy is recorded as it goes, so that a failure part way leaves a true record of
    those already sent, and sending again reaches only the others.
    """
    require(can_keep_partnerships(user), REFUSAL)
    if not plan.is_public:
        raise ValidationError(_("Only an issued plan is sent to the Chief Constable and partners."))
    result = Distribution()
    waiting = [r.partner for r in plan_recipients(plan) if r.copy is None]
    if not waiting:
        return result
    pdf = plan_pdf(plan)
    office = current_office()
    filename = f"{slugify(plan.title) or 'plan'}.pdf"
    for partner in waiting:
        if not partner.email:
            result.without_email.append(partner)
            continue
        message = EmailMessage(
            subject=plan.title,
            body=render_to_string(
                "partnerships/plan_copy_email.txt",
                {"plan": plan, "office": office, "organisation": partner.organisation},
            ),
            to=[partner.email],
        )
        message.attach(filename, pdf, "application/pdf")
        message.send()
        with transaction.atomic():
            copy = PlanCopy(
                plan=plan,
                organisation=partner.organisation,
                email=partner.email,
                sent_at=timezone.now(),
                sent_by=user,
            )
            attributed_to(copy, user, "Issued plan sent").save()
        result.sent.append(copy)
    return result
