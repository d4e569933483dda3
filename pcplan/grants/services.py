"""Every change to grants goes through here: permission-checked, atomic, audited.

Staff pages, the importer and the command line call these functions, never the ORM directly.
A bid that breaks a fund's rule is refused with a `ValidationError` naming the rule, and
nothing is saved. Publishing an award is `pcplan.core.publishing.set_published`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from pcplan.core.audit import attributed_to
from pcplan.core.concurrency import claim_version
from pcplan.core.models import CommunitySafetyPartnership, Organisation, User
from pcplan.core.publishing import set_published
from pcplan.delivery.models import Deliverable
from pcplan.grants import permissions, rules
from pcplan.grants.models import (
    Application,
    Award,
    CommissionedService,
    ExternalBid,
    Fund,
    Intervention,
    MonitoringReturn,
    ServiceReturn,
    Variation,
)
from pcplan.performance.models import Measure
from pcplan.plans.models import Theme
from pcplan.plans.permissions import require
from pcplan.transparency.models import Decision
from pcplan.transparency.services import record_decision


@transaction.atomic
def save_fund(
    user: User | None,
    fund: Fund,
    *,
    themes: Iterable[Theme] | None = None,
    version: int | None = None,
) -> Fund:
    """Create or change a fund; `user` None is the importer, which has checked its file.
    Refused (StaleEdit) when the fund changed after the form was served at `version`."""
    if user is not None:
        require(permissions.can_decide(user))
    claim_version(fund, version)
    reason = "Fund added" if fund.pk is None else "Fund changed"
    attributed_to(fund, user, reason).save()
    if themes is not None:
        attributed_to(fund, user, reason)
        fund.themes.set(themes)
    return fund


def check_bid(fund: Fund, application: Application, on: dt.date) -> None:
    """Refuse a bid that breaks one of the fund's rules, naming each rule it breaks."""
    refusals = fund.refusals_for_bid(application.organisation, application.amount, on)
    if refusals:
        raise ValidationError(refusals)


@transaction.atomic
def submit_application(
    user: User,
    fund: Fund,
    *,
    title: str,
    amount: Decimal,
    area: CommunitySafetyPartnership | None = None,
    outcomes_sought: str = "",
    deliverables: Iterable[Deliverable] = (),
    measures: Iterable[Measure] = (),
    contact_name: str = "",
    contact_email: str = "",
    contact_phone: str = "",
    on: dt.date | None = None,
) -> Application:
    """An eligible organisation's user bids to a fund, on the organisation's behalf."""
    require(permissions.can_apply(user), permissions.NO_ORGANISATION)
    assert user.organisation is not None  # noqa: S101  # can_apply checked it
    today = on or timezone.localdate()
    application = Application(
        fund=fund,
        organisation=user.organisation,
        title=title.strip(),
        amount=rules.money(amount),
        area=area,
        outcomes_sought=outcomes_sought.strip(),
        contact_name=contact_name.strip(),
        contact_email=contact_email.strip(),
        contact_phone=contact_phone.strip(),
        status=Application.Status.SUBMITTED,
        submitted_by=user,
        submitted_on=today,
    )
    check_bid(fund, application, today)
    attributed_to(application, user, "Bid submitted").save()
    application.deliverables.set(list(deliverables))
    application.measures.set(list(measures))
    return application


def _locked_status(application: Application) -> str:
    """The bid's status as it is now, its row locked until the transaction ends: of two
    people acting on it at once, the second waits and then sees what the first did."""
    status: str = (
        Application.objects.select_for_update()
        .filter(pk=application.pk)
        .values_list("status", flat=True)
        .get()
    )
    return status


@transaction.atomic
def assess_application(
    user: User,
    application: Application,
    *,
    assessment: str,
    recommendation: str,
    version: int | None = None,
) -> Application:
    """An officer assesses a submitted bid against the fund's criteria and recommends.
    Refused (StaleEdit) when the bid changed after the form was served at `version`."""
    require(permissions.can_assess(user), permissions.OFFICERS_ONLY)
    application.status = _locked_status(application)
    if application.status not in {Application.Status.SUBMITTED, Application.Status.ASSESSED}:
        raise ValidationError(gettext("Only a submitted bid can be assessed."))
    if recommendation not in Application.Recommendation.values:
        raise ValidationError(gettext("Choose whether to recommend an award or a decline."))
    claim_version(application, version, noun=gettext("bid"))
    application.assessment = assessment.strip()
    application.recommendation = recommendation
    application.assessed_by = user
    application.assessed_on = timezone.localdate()
    application.status = Application.Status.ASSESSED
    attributed_to(application, user, "Bid assessed").save()
    return application


def check_budget(
    fund: Fund,
    amount: Decimal | None,
    override_reason: str,
    *,
    leaving_out: Decimal = rules.ZERO_MONEY,
) -> None:
    if amount is None:
        return
    committed = Fund.objects.with_committed().get(pk=fund.pk).committed - leaving_out
    refusal = rules.budget_refusal(amount, fund.budget, committed, override_reason)
    if refusal:
        raise ValidationError(refusal)


def grant_decision(
    user: User | None,
    *,
    number: str,
    decided_on: dt.date,
    decision_maker: str,
    title: str,
    summary: str,
    reasons: str,
    financial_implications: str = "",
    kind: str = Decision.Kind.GRANT,
) -> Decision:
    """The decision record an award or variation is made by, in the decision register.

    A number already in the register is the same decision (one decision may make several
    awards), so the award is linked to it rather than recorded twice."""
    number = number.strip()
    if number:
        found = Decision.objects.filter(number=number).first()
        if found is not None:
            return found
    return record_decision(
        user,
        number=number,
        decided_on=decided_on,
        title=title[:250],
        summary=summary,
        kind=kind,
        decision_maker=decision_maker.strip(),
        reasons=reasons.strip(),
        financial_implications=financial_implications,
        reason="Recorded from a grant",
    )


@transaction.atomic
def decide_application(
    user: User,
    application: Application,
    *,
    award: bool,
    decision_number: str,
    decision_date: dt.date,
    decision_maker: str,
    reasons: str,
    amount: Decimal | None = None,
    conditions: str = "",
    payment_schedule: str = "",
    starts_on: dt.date | None = None,
    ends_on: dt.date | None = None,
    budget_override_reason: str = "",
    version: int | None = None,
) -> Award | None:
    """The person with the power decides: award (creating the Award) or decline, with reasons,
    recorded as a dated decision. An award above the fund's remaining budget needs a reason.

    A bid is decided once: the second of two deciders is refused, whether or not their form
    carried the bid's version (the status is read again under a row lock); from a form served
    at `version`, a bid whose assessment changed since is refused too (StaleEdit)."""
    require(permissions.can_decide(user))
    application.status = _locked_status(application)
    if application.status not in {Application.Status.SUBMITTED, Application.Status.ASSESSED}:
        raise ValidationError(gettext("This bid has already been decided."))
    if not reasons.strip():
        raise ValidationError(gettext("Give the reasons for the decision."))
    claim_version(application, version, noun=gettext("bid"))
    # Lock the fund so two decisions at once cannot both spend its last pounds.
    fund = Fund.objects.select_for_update().get(pk=application.fund_id)
    application.decision_number = decision_number.strip()
    application.decision_date = decision_date
    application.decided_by = user
    application.decision_reasons = reasons.strip()
    if not award:
        application.status = Application.Status.DECLINED
        attributed_to(application, user, "Bid declined").save()
        return None
    granted = rules.money(amount if amount is not None else application.amount)
    if cap := rules.cap_refusal(granted, fund.max_award):
        raise ValidationError(cap)
    check_budget(fund, granted, budget_override_reason)
    application.status = Application.Status.AWARDED
    attributed_to(application, user, "Bid awarded").save()
    decision = grant_decision(
        user,
        number=application.decision_number,
        decided_on=decision_date,
        decision_maker=decision_maker,
        title=gettext("Grant to %(recipient)s from the %(fund)s")
        % {"recipient": application.organisation.name, "fund": fund.name},
        summary=gettext("A grant of £%(amount)s to %(recipient)s: %(purpose)s")
        % {
            "amount": f"{granted:,.2f}",
            "recipient": application.organisation.name,
            "purpose": application.title,
        },
        reasons=application.decision_reasons,
        financial_implications=gettext("£%(amount)s from the %(fund)s.")
        % {"amount": f"{granted:,.2f}", "fund": fund.name},
    )
    made = Award(
        reference=f"{fund.key}-{application.pk}"[:80],
        fund=fund,
        application=application,
        recipient=application.organisation,
        area=application.area,
        purpose=application.title,
        amount=granted,
        conditions=conditions.strip(),
        payment_schedule=payment_schedule.strip(),
        starts_on=starts_on,
        ends_on=ends_on,
        decision=decision,
        decision_date=decision_date,
        decided_by=user,
        reasons=application.decision_reasons,
        budget_override_reason=budget_override_reason.strip(),
    )
    attributed_to(
        made, user, "Award made" + (" over budget" if budget_override_reason else "")
    ).save()
    return made


@transaction.atomic
def vary_award(
    user: User,
    award: Award,
    *,
    kind: str,
    new_amount: Decimal,
    reason: str,
    date: dt.date,
    budget_override_reason: str = "",
    decision_number: str = "",
    decision_maker: str = "",
    version: int | None = None,
) -> Variation:
    """Record a variation or a clawback; the award's amount becomes `new_amount`. Refused
    (StaleEdit) when the award changed (another variation) after the form was served at
    `version`: the new amount was chosen against the amount then."""
    require(permissions.can_decide(user))
    claim_version(award, version, noun=gettext("award"))
    if not reason.strip():
        raise ValidationError(gettext("Give the reason for the variation or clawback."))
    new_amount = rules.money(new_amount)
    if kind == Variation.Kind.CLAWBACK and award.amount is not None and new_amount > award.amount:
        raise ValidationError(gettext("A clawback reduces the award: the new amount must be less."))
    Fund.objects.select_for_update().get(pk=award.fund_id)
    if new_amount > (award.amount or rules.ZERO_MONEY):
        check_budget(
            award.fund,
            new_amount,
            budget_override_reason,
            leaving_out=award.amount or rules.ZERO_MONEY,
        )
    label = str(Variation.Kind(kind).label)
    decision = grant_decision(
        user,
        number=decision_number,
        decided_on=date,
        decision_maker=decision_maker,
        title=gettext("%(kind)s of the grant to %(recipient)s (%(reference)s)")
        % {"kind": label, "recipient": award.recipient.name, "reference": award.reference},
        summary=gettext("The grant's amount changes from £%(before)s to £%(after)s.")
        % {
            "before": "—" if award.amount is None else f"{award.amount:,.2f}",
            "after": f"{new_amount:,.2f}",
        },
        reasons=reason,
    )
    variation = Variation(
        award=award,
        kind=kind,
        date=date,
        previous_amount=award.amount,
        new_amount=new_amount,
        reason=reason.strip(),
        recorded_by=user,
        decision=decision,
    )
    attributed_to(variation, user, str(Variation.Kind(kind).label)).save()
    award.amount = new_amount
    if budget_override_reason.strip():
        award.budget_override_reason = budget_override_reason.strip()
    attributed_to(award, user, f"{Variation.Kind(kind).label}: {reason.strip()}"[:100]).save(
        update_fields=["amount", "budget_override_reason"]
    )
    if award.is_published:
        # The register shows the new amount at once, so the decision that changed it is public.
        set_published(user, decision, True)
    return variation


@transaction.atomic
def schedule_returns(user: User, award: Award, *, every_months: int = 6) -> list[MonitoringReturn]:
    """Set the award's monitoring returns on its schedule (rules.return_due_dates)."""
    require(permissions.can_assess(user), permissions.OFFICERS_ONLY)
    if award.starts_on is None or award.ends_on is None:
        raise ValidationError(gettext("Set the award's start and end dates first."))
    made = []
    for due in rules.return_due_dates(award.starts_on, award.ends_on, every_months):
        found = MonitoringReturn.objects.filter(award=award, due_on=due).first()
        if found is None:
            found = MonitoringReturn(award=award, due_on=due)
            attributed_to(found, user, "Return scheduled").save()
        made.append(found)
    return made


@transaction.atomic
def record_return(
    user: User,
    monitoring_return: MonitoringReturn,
    *,
    received_on: dt.date,
    spend_to_date: Decimal | None,
    outputs: str,
    outcomes: str,
    version: int | None = None,
) -> MonitoringReturn:
    """Refused (StaleEdit) when the return changed after the form was served at `version`."""
    require(permissions.can_assess(user), permissions.OFFICERS_ONLY)
    claim_version(monitoring_return, version, noun=gettext("monitoring return"))
    monitoring_return.received_on = received_on
    monitoring_return.spend_to_date = None if spend_to_date is None else rules.money(spend_to_date)
    monitoring_return.outputs = outputs.strip()
    monitoring_return.outcomes = outcomes.strip()
    attributed_to(monitoring_return, user, "Return received").save()
    return monitoring_return


@transaction.atomic
def save_intervention(
    user: User, intervention: Intervention, *, version: int | None = None
) -> Intervention:
    """Record how an intervention of an external award is going; refused (StaleEdit) when it
    changed after the form was served at `version`."""
    require(permissions.can_decide(user))
    claim_version(intervention, version)
    attributed_to(intervention, user, "Progress recorded").save()
    return intervention


@transaction.atomic
def publish_award(user: User, award: Award, published: bool) -> Award:
    """Publish or withdraw an award on the register. Publishing also publishes the decisions
    that made and varied it, so the register's link to the decision leads somewhere; the
    register publishes their reasons already. Withdrawing leaves the decisions as they are
    (one decision may make other awards too)."""
    set_published(user, award, published)
    if published:
        decisions = {v.decision for v in award.variations.select_related("decision")}
        decisions.add(award.decision)
        for decision in decisions:
            if decision is not None:
                set_published(user, decision, True)
    return award


@transaction.atomic
def save_service(
    user: User,
    service: CommissionedService,
    *,
    measures: Iterable[Measure] | None = None,
    version: int | None = None,
) -> CommissionedService:
    """Create or change a commissioned service, with the measures it reports against;
    refused (StaleEdit) when it changed after the form was served at `version`."""
    require(permissions.can_decide(user))
    claim_version(service, version)
    reason = "Service added" if service.pk is None else "Service changed"
    attributed_to(service, user, reason).save()
    if measures is not None:
        attributed_to(service, user, reason)
        service.measures.set(list(measures))
    return service


@transaction.atomic
def schedule_service_returns(user: User, service: CommissionedService) -> list[ServiceReturn]:
    """Set a quarterly return for each quarter of the contract (rules.quarter_ends); returns
    already set are kept."""
    require(permissions.can_assess(user), permissions.OFFICERS_ONLY)
    if service.starts_on is None or service.ends_on is None:
        raise ValidationError(gettext("Set the contract's start and end dates first."))
    made = []
    for quarter_end in rules.quarter_ends(service.starts_on, service.ends_on):
        found = ServiceReturn.objects.filter(service=service, period_ends_on=quarter_end).first()
        if found is None:
            found = ServiceReturn(
                service=service,
                period_ends_on=quarter_end,
                due_on=rules.service_return_due(quarter_end),
            )
            attributed_to(found, user, "Return scheduled").save()
        made.append(found)
    return made


@transaction.atomic
def record_service_return(
    user: User,
    service_return: ServiceReturn,
    *,
    received_on: dt.date,
    spend_to_date: Decimal | None,
    activity: str,
    outcomes: str,
    version: int | None = None,
) -> ServiceReturn:
    """Refused (StaleEdit) when the return changed after the form was served at `version`."""
    require(permissions.can_assess(user), permissions.OFFICERS_ONLY)
    claim_version(service_return, version, noun=gettext("quarterly return"))
    service_return.received_on = received_on
    service_return.spend_to_date = None if spend_to_date is None else rules.money(spend_to_date)
    service_return.activity = activity.strip()
    service_return.outcomes = outcomes.strip()
    attributed_to(service_return, user, "Return received").save()
    return service_return


@transaction.atomic
def save_external_bid(
    user: User,
    bid: ExternalBid,
    *,
    partners: Iterable[Organisation] | None = None,
    deliverables: Iterable[Deliverable] | None = None,
    measures: Iterable[Measure] | None = None,
    version: int | None = None,
) -> ExternalBid:
    """Record or change a bid for outside money (e.g. Safer Streets), with its partners and
    the deliverables and measures it serves, in one audited change; refused (StaleEdit) when
    it changed after the form was served at `version`."""
    require(permissions.can_decide(user))
    claim_version(bid, version)
    reason = "Bid recorded" if bid.pk is None else "Bid changed"
    attributed_to(bid, user, reason).save()
    if partners is not None:
        attributed_to(bid, user, reason)
        bid.partners.set(list(partners))
    if deliverables is not None:
        attributed_to(bid, user, reason)
        bid.deliverables.set(list(deliverables))
    if measures is not None:
        attributed_to(bid, user, reason)
        bid.measures.set(list(measures))
    return bid
