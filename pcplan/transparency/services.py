"""Every audited change to decisions, inspections and publications: permission-checked,
atomic, attributed. Views, the demo loader and other apps (grant awards, precepts, the plan's
approval) call these."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.text import slugify
from django.utils.translation import gettext, gettext_lazy

from pcplan.core.audit import attributed_to
from pcplan.core.concurrency import claim_version
from pcplan.core.documents import read_file_field
from pcplan.core.models import User
from pcplan.core.office import current_office
from pcplan.core.publishing import set_published
from pcplan.delivery.models import Deliverable
from pcplan.panel.models import AgendaItem, Precept, Recommendation
from pcplan.plans.lifecycle import PlanStatus
from pcplan.plans.models import PlanStatusChange
from pcplan.transparency import permissions
from pcplan.transparency.models import (
    AnnualReport,
    Decision,
    Finding,
    GradedArea,
    Inspection,
    MeetingSummary,
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
    precept: Precept | None = None,
    plan_step: PlanStatusChange | None = None,
) -> Decision:
    """Record a formal decision (and publish it when asked): the one way in for every app.

    A grant award, a precept or the plan's approval calls this with its own facts; the
    decision is validated as the staff form validates it, so a decision with an exempt part
    always says why it is withheld. `user` is None only for a file imported by no one (the
    demo), whose loader has checked it.

    A decision made on a precept or a step of the plan is linked to it both ways and recorded
    once: asked again, this returns the decision already recorded and changes nothing."""
    if user is not None:
        _check(permissions.can_keep_decisions(user))
    existing = _decision_of(precept, plan_step)
    if existing is not None:
        return existing
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
        precept=precept,
        plan_step=plan_step,
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


def _decision_of(precept: Precept | None, plan_step: PlanStatusChange | None) -> Decision | None:
    if precept is not None and precept.pk is not None:
        return Decision.objects.select_for_update().filter(precept=precept).first()
    if plan_step is not None and plan_step.pk is not None:
        return Decision.objects.select_for_update().filter(plan_step=plan_step).first()
    return None


# The steps of a plan's lifecycle that are the office holder's (or the board's) formal
# decisions: approving the draft, issuing the plan and issuing a variation (PRSRA 2011 s.5).
PLAN_DECISION_STEPS = {
    PlanStatus.BOARD_APPROVED: gettext_lazy("Approval of the draft %(plan)s"),
    PlanStatus.ISSUED: gettext_lazy("Issue of the %(plan)s"),
    PlanStatus.VARIED: gettext_lazy("Variation of the %(plan)s"),
}


@transaction.atomic
def decision_for_plan_step(user: User | None, step: PlanStatusChange) -> Decision | None:
    """The decision record of a step of the plan that is a decision (None for other steps).

    Called by `plans.services.move_plan_status`, which has checked that the user may move the
    plan; the record is a draft of significant public interest for an editor to complete
    (number, reasons, advice) and publish."""
    title = PLAN_DECISION_STEPS.get(PlanStatus(step.status))
    if title is None:
        return None
    plan = step.plan
    return _record_derived(
        user,
        decided_on=step.date,
        title=str(title) % {"plan": plan.title},
        kind=Decision.Kind.PLAN,
        summary=step.note.strip() or str(title) % {"plan": plan.title} + ".",
        decision_maker="" if step.status == PlanStatus.BOARD_APPROVED else plan.commissioner,
        source=gettext("The plan's record: %(step)s") % {"step": step.get_status_display()},
        plan_step=step,
    )


@transaction.atomic
def decision_for_precept(user: User | None, precept: Precept) -> Decision:
    """The decision record of the precept: the office holder's response to the Panel's report,
    with the precept to be issued (PRSRA 2011 Sch. 5 para 5 or, after a veto, SI 2012/2271
    reg. 5). Called by `panel.services.record_precept_response`, which has checked the user;
    recorded once per precept, as a draft for an editor to complete and publish."""
    band_d = precept.revised_band_d if precept.revised_band_d is not None else precept.band_d
    if band_d is None:
        money = gettext("The Band D amount is not recorded with the precept.")
    else:
        money = gettext("Band D precept of £%(amount)s.") % {"amount": f"{band_d:,.2f}"}
        rise = precept.increase if precept.revised_band_d is None else None
        if rise is not None:
            money += " " + gettext("An increase of £%(pounds)s (%(percent)s%%).") % {
                "pounds": f"{rise[0]:,.2f}",
                "percent": rise[1],
            }
    return _record_derived(
        user,
        decided_on=precept.response_date or precept.report_date or precept.notified_on,
        title=gettext("Response to the Panel's report on the proposed precept %(year)s")
        % {"year": precept.year_label},
        kind=Decision.Kind.PRECEPT,
        summary=precept.response_text.strip()
        or gettext("The response to the Panel's report on the proposed precept."),
        reasons=gettext("The Panel's decision: %(outcome)s.")
        % {"outcome": precept.get_outcome_display()},
        financial_implications=money,
        source=gettext("The precept %(year)s") % {"year": precept.year_label},
        precept=precept,
    )


def _record_derived(user: User | None, **facts: Any) -> Decision:
    """A decision another app's service makes, after checking its own user: recorded once,
    unpublished, of significant public interest (SI 2011/3050 Sch. para 5)."""
    existing = _decision_of(facts.get("precept"), facts.get("plan_step"))
    if existing is not None:
        return existing
    decision = Decision(significant_public_interest=True, **facts)
    decision.full_clean()
    attributed_to(decision, user, "Recorded from its source").save()
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
    # The document's words, for search (a publication is public once recorded).
    read_file_field(publication, publication.document)
    attributed_to(publication, user, "Recorded").save()
    return publication


@transaction.atomic
def save_meeting_summary(
    user: User, summary: MeetingSummary, *, version: int | None = None
) -> MeetingSummary:
    """Save the minutes for publication of a meeting held in private (SI 2011/3050 Sch. para
    5(c)); publishing them is `set_published`, as for every publishable record."""
    _check(permissions.can_keep_decisions(user))
    summary.full_clean()
    claim_version(summary, version, noun=gettext("summary"))
    attributed_to(summary, user, "Edited" if summary.pk else "Recorded").save()
    return summary


@transaction.atomic
def save_annual_report(
    user: User,
    report: AnnualReport,
    recommendations: Iterable[Recommendation],
    *,
    version: int | None = None,
) -> AnnualReport:
    """Record the Panel meeting the report goes to, its agenda item and the Panel's
    recommendations on it; refused (StaleEdit) when the report changed after the form was
    served at `version`.

    The report is presented at a public meeting as an item of its agenda (PRSRA 2011 s.12(3)):
    given a meeting still to be held and no item, an item is added at the end of that
    meeting's agenda; a meeting already held must have its item chosen, because its agenda
    is a record. Once published, the report's PDF is the item's paper, so the Panel's agenda
    links to it."""
    _check(permissions.can_keep_publications(user))
    claim_version(report, version)
    item = report.agenda_item
    if item is not None:
        report.presented_to = item.meeting
    elif report.presented_to is not None:
        meeting = report.presented_to
        if meeting.has_been_held:
            raise ValidationError(
                {
                    "agenda_item": gettext(
                        "That meeting has been held: choose the agenda item the report was "
                        "presented under."
                    )
                }
            )
        last = meeting.agenda_items.aggregate(last=Max("number"))["last"] or 0
        item = AgendaItem(
            meeting=meeting,
            number=last + 1,
            title=report.title,
            presenting_body=current_office().holder,
        )
        attributed_to(item, user, "Annual report put on the agenda").save()
        report.agenda_item = item
    attributed_to(report, user, "Edited").save()
    report.recommendations.set(list(recommendations))
    attach_paper(user, report)
    return report


@transaction.atomic
def publish_annual_report(user: User, report: AnnualReport, publish: bool) -> AnnualReport:
    """Publish or withdraw the report, and its paper on the Panel agenda with it."""
    _check(permissions.can_keep_publications(user))
    set_published(user, report, publish)
    attach_paper(user, report)
    return report


def attach_paper(user: User, report: AnnualReport) -> None:
    """The agenda item's paper is the published report's PDF, and nothing while unpublished
    (an agenda's papers are public once the agenda is)."""
    item = report.agenda_item
    if item is None:
        return
    if report.is_published and report.pdf:
        with report.pdf.open("rb") as pdf:
            item.put_paper(f"{slugify(report.title)}.pdf", pdf.read())
        attributed_to(item, user, "The annual report's published PDF attached").save()
    elif item.report_file:
        item.remove_paper()
        attributed_to(item, user, "The annual report withdrawn from the agenda papers").save()


@transaction.atomic
def save_plan_review(
    user: User,
    review: PlanReview,
    recommendations: Iterable[Recommendation],
    *,
    version: int | None = None,
) -> PlanReview:
    """Record the consultation and the Panel's review of a draft plan or variation; refused
    (StaleEdit) when it changed after the form was served at `version`."""
    _check(permissions.can_keep_decisions(user))
    review.full_clean()
    claim_version(review, version)
    attributed_to(review, user, "Edited" if review.pk else "Recorded").save()
    review.recommendations.set(list(recommendations))
    return review
