"""Bids are refused with the rule's name and nothing saved; decisions are dated and audited."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from pcplan.grants import services
from pcplan.grants.models import Application, Award, Variation
from pcplan.transparency.models import Decision
from tests.grants.conftest import make_award

pytestmark = pytest.mark.django_db

IN_WINDOW = dt.date(2022, 6, 1)


def bid(user, fund, amount="4000.00", on=IN_WINDOW, **extra):
    return services.submit_application(
        user,
        fund,
        title="Taxi marshals",
        amount=Decimal(amount),
        contact_name="Pat Applicant",
        contact_email="pat@example.org",
        on=on,
        **extra,
    )


def test_csp_bid_within_the_rules_is_submitted(fund, csp_user, csp_area):
    application = bid(csp_user, fund, area=csp_area)
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    assert application.amount == Decimal("4000.00")
    assert application.history.first().history_user == csp_user


@pytest.mark.parametrize(
    ("who", "amount", "on", "words"),
    [
        ("csp_user", "5000.01", IN_WINDOW, "largest award per bid"),
        ("charity_user", "100.00", IN_WINDOW, "Only these organisations may apply"),
        ("csp_user", "100.00", dt.date(2022, 4, 30), "opens for bids"),
        ("csp_user", "100.00", dt.date(2023, 4, 1), "closed for bids"),
    ],
)
def test_a_bid_breaking_a_rule_is_refused_naming_it_and_nothing_is_saved(
    request, fund, who, amount, on, words
):
    user = request.getfixturevalue(who)
    with pytest.raises(ValidationError) as refused:
        bid(user, fund, amount=amount, on=on)
    assert words in " ".join(refused.value.messages)
    assert Application.objects.count() == 0
    assert Application.history.count() == 0


def test_officer_assesses_and_editor_awards_with_a_dated_decision(fund, csp_user, editor):
    application = bid(csp_user, fund)
    services.assess_application(
        editor, application, assessment="Meets the criteria.", recommendation="award"
    )
    award = services.decide_application(
        editor,
        application,
        award=True,
        decision_number="2022/031",
        decision_date=dt.date(2022, 7, 1),
        decision_maker="Police and Crime Commissioner",
        reasons="Reassures residents about the night-time economy.",
        conditions="Report spend six-monthly.",
    )
    application.refresh_from_db()
    assert application.status == Application.Status.AWARDED
    assert award is not None
    award.refresh_from_db()
    assert award.amount == Decimal("4000.00")
    assert award.decided_by == editor
    assert not award.is_published
    assert award.history.first().history_change_reason == "Award made"
    # The decision is in the decision register, kept there and not yet public.
    decision = award.decision
    assert (decision.number, decision.decided_on, decision.kind) == (
        "2022/031",
        dt.date(2022, 7, 1),
        Decision.Kind.GRANT,
    )
    assert decision.decision_maker == "Police and Crime Commissioner"
    assert decision.reasons == "Reassures residents about the night-time economy."
    assert "£4,000.00" in decision.summary
    assert not decision.is_published
    assert decision.history.get().history_user == editor


def test_a_decline_is_recorded_with_reasons_and_makes_no_award(fund, csp_user, editor):
    application = bid(csp_user, fund)
    made = services.decide_application(
        editor,
        application,
        award=False,
        decision_number="2022/032",
        decision_date=dt.date(2022, 7, 1),
        decision_maker="Commissioner",
        reasons="Duplicates existing provision.",
    )
    application.refresh_from_db()
    assert made is None
    assert application.status == Application.Status.DECLINED
    assert application.decision_reasons == "Duplicates existing provision."
    assert Award.objects.count() == 0


def test_a_contributor_cannot_decide(fund, csp_user):
    application = bid(csp_user, fund)
    with pytest.raises(PermissionDenied):
        services.decide_application(
            csp_user,
            application,
            award=True,
            decision_number="x",
            decision_date=IN_WINDOW,
            decision_maker="x",
            reasons="x",
        )
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED


def test_an_award_over_the_remaining_budget_is_refused_without_a_reason(
    fund, csp, csp_user, editor
):
    make_award(fund, csp, reference="earlier", amount="9000.00")
    application = bid(csp_user, fund, amount="4000.00")
    kwargs = {
        "award": True,
        "decision_number": "2022/040",
        "decision_date": IN_WINDOW,
        "decision_maker": "Commissioner",
        "reasons": "Good bid.",
    }
    with pytest.raises(ValidationError, match="more than the £3,000.00 left"):
        services.decide_application(editor, application, **kwargs)
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    assert Award.objects.count() == 1

    award = services.decide_application(
        editor, application, budget_override_reason="Underspend agreed at Board.", **kwargs
    )
    assert award is not None
    award.refresh_from_db()
    assert award.budget_override_reason == "Underspend agreed at Board."
    assert award.history.first().history_change_reason == "Award made over budget"
    assert fund.left == Decimal("-1000.00")


def test_a_clawback_lowers_the_award_and_the_committed_total(fund, csp, editor):
    award = make_award(fund, csp, reference="scf-1", amount="5000.00")
    services.vary_award(
        editor,
        award,
        kind=Variation.Kind.CLAWBACK,
        new_amount=Decimal("3500.00"),
        reason="Underspent; £1,500 returned.",
        date=dt.date(2023, 4, 1),
    )
    award.refresh_from_db()
    assert award.amount == Decimal("3500.00")
    assert fund.committed == Decimal("3500.00")
    variation = award.variations.get()
    assert (variation.previous_amount, variation.new_amount) == (
        Decimal("5000.00"),
        Decimal("3500.00"),
    )


def test_a_variation_is_recorded_as_a_decision_public_with_its_award(fund, csp, editor):
    award = make_award(fund, csp, reference="scf-3", amount="2000.00")
    services.vary_award(
        editor,
        award,
        kind=Variation.Kind.VARIATION,
        new_amount=Decimal("2500.00"),
        reason="Extra lighting agreed.",
        date=dt.date(2023, 1, 9),
        decision_number="2023/002",
        decision_maker="Deputy Commissioner",
    )
    decision = award.variations.get().decision
    assert (decision.number, decision.decided_on, decision.decision_maker) == (
        "2023/002",
        dt.date(2023, 1, 9),
        "Deputy Commissioner",
    )
    assert decision.reasons == "Extra lighting agreed."
    assert "£2,000.00 to £2,500.00" in decision.summary
    # The award is on the register, so the decision that changed its amount is public too.
    assert decision.is_published
    assert decision.published_by == editor


def test_awards_under_one_decision_number_share_the_decision(fund, csp_user, editor):
    kwargs = {
        "award": True,
        "decision_number": "2022/060",
        "decision_date": IN_WINDOW,
        "decision_maker": "Commissioner",
        "reasons": "Both meet the criteria.",
    }
    first = services.decide_application(editor, bid(csp_user, fund, amount="100"), **kwargs)
    second = services.decide_application(editor, bid(csp_user, fund, amount="200"), **kwargs)
    assert first.decision == second.decision
    assert Decision.objects.count() == 1


def test_a_clawback_cannot_raise_the_award(fund, csp, editor):
    award = make_award(fund, csp, reference="scf-2", amount="1000.00")
    with pytest.raises(ValidationError, match="reduces the award"):
        services.vary_award(
            editor, award, kind="clawback", new_amount=Decimal("2000"), reason="x", date=IN_WINDOW
        )
    award.refresh_from_db()
    assert award.amount == Decimal("1000.00")
    assert Variation.objects.count() == 0
    assert Decision.objects.count() == 1  # the award's own; the refused clawback made none


def test_returns_are_scheduled_six_monthly_and_overdue_the_day_after(fund, csp, editor):
    award = make_award(
        fund, csp, reference="ss4", starts_on=dt.date(2022, 8, 31), ends_on=dt.date(2023, 11, 30)
    )
    returns = services.schedule_returns(editor, award)
    assert [r.due_on for r in returns] == [
        dt.date(2023, 2, 28),
        dt.date(2023, 8, 31),
        dt.date(2023, 11, 30),
    ]
    services.schedule_returns(editor, award)
    assert award.returns.count() == 3
    assert list(award.returns.overdue(dt.date(2023, 2, 28))) == []
    assert [r.due_on for r in award.returns.overdue(dt.date(2023, 3, 1))] == [dt.date(2023, 2, 28)]
