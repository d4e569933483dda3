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
from pcplan.core.models import CommunitySafetyPartnership, User
from pcplan.delivery.models import Deliverable
from pcplan.grants import permissions, rules
from pcplan.grants.models import (
    Application,
    Award,
    Fund,
    Intervention,
    MonitoringReturn,
    Variation,
)
from pcplan.plans.models import Theme
from pcplan.plans.permissions import require


@transaction.atomic
def save_fund(user: User | None, fund: Fund, *, themes: Iterable[Theme] | None = None) -> Fund:
    """Create or change a fund; `user` None is the importer, which has checked its file."""
    if user is not None:
        require(permissions.can_decide(user))
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
    return application


@transaction.atomic
def assess_application(
    user: User, application: Application, *, assessment: str, recommendation: str
) -> Application:
    """An officer assesses a submitted bid against the fund's criteria and recommends."""
    require(permissions.can_assess(user), permissions.OFFICERS_ONLY)
    if application.status not in {Application.Status.SUBMITTED, Application.Status.ASSESSED}:
        raise ValidationError(gettext("Only a submitted bid can be assessed."))
    if recommendation not in Application.Recommendation.values:
        raise ValidationError(gettext("Choose whether to recommend an award or a decline."))
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
) -> Award | None:
    """The person with the power decides: award (creating the Award) or decline, with reasons,
    recorded as a dated decision. An award above the fund's remaining budget needs a reason."""
    require(permissions.can_decide(user))
    if application.status not in {Application.Status.SUBMITTED, Application.Status.ASSESSED}:
        raise ValidationError(gettext("This bid has already been decided."))
    if not reasons.strip():
        raise ValidationError(gettext("Give the reasons for the decision."))
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
        decision_number=application.decision_number,
        decision_date=decision_date,
        decision_maker=decision_maker.strip(),
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
) -> Variation:
    """Record a variation or a clawback; the award's amount becomes `new_amount`."""
    require(permissions.can_decide(user))
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
    variation = Variation(
        award=award,
        kind=kind,
        date=date,
        previous_amount=award.amount,
        new_amount=new_amount,
        reason=reason.strip(),
        recorded_by=user,
    )
    attributed_to(variation, user, str(Variation.Kind(kind).label)).save()
    award.amount = new_amount
    if budget_override_reason.strip():
        award.budget_override_reason = budget_override_reason.strip()
    attributed_to(award, user, f"{Variation.Kind(kind).label}: {reason.strip()}"[:100]).save(
        update_fields=["amount", "budget_override_reason"]
    )
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
) -> MonitoringReturn:
    require(permissions.can_assess(user), permissions.OFFICERS_ONLY)
    monitoring_return.received_on = received_on
    monitoring_return.spend_to_date = None if spend_to_date is None else rules.money(spend_to_date)
    monitoring_return.outputs = outputs.strip()
    monitoring_return.outcomes = outcomes.strip()
    attributed_to(monitoring_return, user, "Return received").save()
    return monitoring_return


@transaction.atomic
def save_intervention(user: User, intervention: Intervention) -> Intervention:
    """Record how an intervention of an external award is going."""
    require(permissions.can_decide(user))
    attributed_to(intervention, user, "Progress recorded").save()
    return intervention
