"""Every audited change to decisions, inspections and publications: permission-checked,
atomic, attributed. Views, the demo loader and other apps (grant awards, precepts, the plan's
approval) call these."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext

from pcplan.core.audit import attributed_to
from pcplan.core.concurrency import claim_version
from pcplan.core.models import User
from pcplan.core.publishing import set_published
from pcplan.delivery.models import Deliverable
from pcplan.panel.models import Recommendation
from pcplan.transparency import permissions
from pcplan.transparency.models import (
    AnnualReport,
    Decision,
    Finding,
    GradedArea,
    Inspection,
    PlanReview,
    SpecifiedPublication,
)


def _check(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(gettext("Only OPCC editors and administrators keep these records."))


@transaction.atomic
def record_decision(
    user: User | None,
    *,
    decided_on: dt.date,
    title: str,
    summary: str,
    number: str = "",
    kind: str = Decision.Kind.GENERAL,
    decision_maker: str = "",
    reasons: str = "",
    financial_implications: str = "",
    advised_by: str = "",
    source: str = "",
    significant_public_interest: bool = False,
    exempt_part: str = "",
    exemption_reason: str = "",
    exemption_paragraph: str = "",
    publish: bool = False,
    reason: str = "Recorded",
) -> Decision:
    """Record a formal decision (and publish it when asked): the one way in for every app.

    A grant award, a precept or the plan's approval calls this with its own facts; the
    decision is validated as the staff form validates it, so a decision with an exempt part
    always says why it is withheld. `user` is None only for a file imported by no one (the
    demo), whose loader has checked it."""
    if user is not None:
        _check(permissions.can_keep_decisions(user))
    decision = Decision(
        number=number,
        decided_on=decided_on,
        title=title,
        kind=kind,
        decision_maker=decision_maker,
        summary=summary,
        reasons=reasons,
        financial_implications=financial_implications,
        advised_by=advised_by,
        source=source,
        significant_public_interest=significant_public_interest,
        exempt_part=exempt_part,
        exemption_reason=exemption_reason,
        exemption_paragraph=exemption_paragraph,
    )
    decision.full_clean()
    attributed_to(decision, user, reason).save()
    if publish and user is not None:
        set_published(user, decision, True)
    elif publish:
        attributed_to(decision, None, "Published").save(
            update_fields=decision.stamp_publication(True, None)
        )
    return decision


@transaction.atomic
def save_decision(user: User, decision: Decision, *, version: int | None = None) -> Decision:
    """Save a decision edited on the staff form; refused (StaleEdit) when someone else saved
    it after the form was served at `version`."""
    _check(permissions.can_keep_decisions(user))
    decision.full_clean()
    claim_version(decision, version, noun=gettext("decision"))
    attributed_to(decision, user, "Edited" if decision.pk else "Recorded").save()
    return decision


@transaction.atomic
def save_inspection(
    user: User, inspection: Inspection, *, version: int | None = None
) -> Inspection:
    _check(permissions.can_keep_inspections(user))
    inspection.full_clean()
    claim_version(inspection, version, noun=gettext("inspection report"))
    attributed_to(inspection, user, "Edited" if inspection.pk else "Recorded").save()
    return inspection


@transaction.atomic
def add_graded_area(user: User, inspection: Inspection, area: str, grade: str) -> GradedArea:
    _check(permissions.can_keep_inspections(user))
    graded = GradedArea(inspection=inspection, area=area, grade=grade)
    graded.full_clean()
    attributed_to(graded, user, "Recorded").save()
    return graded


@transaction.atomic
def save_finding(
    user: User,
    finding: Finding,
    deliverables: Iterable[Deliverable] | None = None,
    *,
    version: int | None = None,
) -> Finding:
    """Save a recommendation or area for improvement with its response, owner and status; the
    deliverables that answer it are recorded in the same audited change."""
    _check(permissions.can_keep_inspections(user))
    finding.full_clean()
    claim_version(finding, version, noun=gettext("finding"))
    attributed_to(finding, user, "Edited" if finding.pk else "Recorded").save()
    if deliverables is not None:
        finding.deliverables.set(list(deliverables))
    return finding


@transaction.atomic
def record_publication(
    user: User | None, publication: SpecifiedPublication
) -> SpecifiedPublication:
    """Record that an item of specified information was published (a link or a document)."""
    if user is not None:
        _check(permissions.can_keep_publications(user))
    publication.recorded_by = user
    publication.full_clean()
    attributed_to(publication, user, "Recorded").save()
    return publication


@transaction.atomic
def save_annual_report(
    user: User, report: AnnualReport, recommendations: Iterable[Recommendation]
) -> AnnualReport:
    """Record the Panel meeting the report goes to and the Panel's recommendations on it."""
    _check(permissions.can_keep_publications(user))
    attributed_to(report, user, "Edited").save()
    report.recommendations.set(list(recommendations))
    return report


@transaction.atomic
def save_plan_review(
    user: User, review: PlanReview, recommendations: Iterable[Recommendation]
) -> PlanReview:
    """Record the consultation and the Panel's review of a draft plan or variation."""
    _check(permissions.can_keep_decisions(user))
    review.full_clean()
    attributed_to(review, user, "Edited" if review.pk else "Recorded").save()
    review.recommendations.set(list(recommendations))
    return review
