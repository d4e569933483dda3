"""Dependencies and risk (issue 18 item 5): a deliverable may depend on others, a cycle is
refused with a clear message (in the form and in the plan import), a deliverable whose
dependency is late is flagged, and the RAG status follows one stated rule."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from pcplan.core.periods import QuarterSpan
from pcplan.delivery.models import Deliverable
from pcplan.delivery.rules import Rag, Risk, Status, find_cycle, rag_status
from pcplan.plans.importer import import_plan_text
from tests.factories import DeliverableFactory
from tests.htmlforms import served_form
from tests.plans.test_importer import GOOD, refused

ON = dt.date(2023, 6, 1)
LAST_YEAR = QuarterSpan.parse("Q4 2022/23")  # ended 31 March 2023: overdue on ON
THIS_YEAR = QuarterSpan.parse("Q3 2023/24")


def test_find_cycle_returns_none_for_a_chain_and_a_diamond():
    assert find_cycle({"a": ["b"], "b": ["c"], "c": []}) is None
    assert find_cycle({"a": ["b", "c"], "b": ["d"], "c": ["d"], "d": []}) is None


def test_find_cycle_names_the_chain_that_closes_the_circle():
    assert find_cycle({"a": ["b"], "b": ["c"], "c": ["a"]}) == ["a", "b", "c", "a"]
    assert find_cycle({"x": [], "a": ["a"]}) == ["a", "a"]


def test_find_cycle_copes_with_a_long_chain():
    chain = {n: [n + 1] for n in range(5000)}
    assert find_cycle(chain) is None
    chain[5000] = [0]
    assert find_cycle(chain) == [*range(5001), 0]


@pytest.mark.parametrize(
    ("status", "target", "risk", "late", "expected"),
    [
        # 1. Nothing left to deliver: green, even overdue or high risk.
        (Status.COMPLETED, LAST_YEAR, Risk.HIGH, True, Rag.GREEN),
        (Status.BUSINESS_AS_USUAL, None, Risk.HIGH, False, Rag.GREEN),
        # 2. Overdue, or high risk: red.
        (Status.IN_PROGRESS, LAST_YEAR, "", False, Rag.RED),
        (Status.IN_PROGRESS, THIS_YEAR, Risk.HIGH, False, Rag.RED),
        # 3. On hold, rescheduled, a late dependency, or medium risk: amber.
        (Status.ON_HOLD, THIS_YEAR, "", False, Rag.AMBER),
        (Status.RESCHEDULED, None, Risk.LOW, False, Rag.AMBER),
        (Status.IN_PROGRESS, THIS_YEAR, "", True, Rag.AMBER),
        (Status.NOT_STARTED, THIS_YEAR, Risk.MEDIUM, False, Rag.AMBER),
        # 4. Otherwise green.
        (Status.IN_PROGRESS, THIS_YEAR, Risk.LOW, False, Rag.GREEN),
        (Status.NOT_STARTED, None, "", False, Rag.GREEN),
    ],
)
def test_the_one_rag_rule_stated_in_decisions(status, target, risk, late, expected):
    assert rag_status(status, target, ON, risk=risk, dependency_late=late) == expected


@pytest.mark.django_db
def test_a_deliverable_whose_dependency_is_late_is_flagged(client, editor, theme):
    late = DeliverableFactory(theme=theme, title="Needs assessment")
    late.target = LAST_YEAR
    late.save()
    waiting = DeliverableFactory(theme=theme, title="Commission the service")
    waiting.depends_on.add(late)
    assert waiting.late_dependencies(ON) == [late]
    assert waiting.rag(ON) == Rag.AMBER
    client.force_login(editor)
    html = client.get(reverse("delivery:deliverable-detail", args=[waiting.pk])).content.decode()
    assert "A deliverable this one depends on is late:" in html
    assert "Needs assessment" in html


@pytest.mark.django_db
def test_a_dependency_cycle_is_refused_in_the_form_with_a_clear_message(client, editor, theme):
    first = DeliverableFactory(theme=theme, title="Needs assessment")
    second = DeliverableFactory(theme=theme, title="Commission the service")
    second.depends_on.add(first)
    client.force_login(editor)
    url = reverse("delivery:deliverable-edit", args=[theme.plan.key, first.pk])
    form = served_form(client.get(url).content.decode(), action="")
    form["depends_on"] = [str(second.pk)]
    response = client.post(url, form)
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html
    assert (
        "Dependencies cannot go round in a circle: Needs assessment → Commission the service "
        "→ Needs assessment"
    ) in html.replace("&gt;", ">")
    first.refresh_from_db()
    assert list(first.depends_on.all()) == []


@pytest.mark.django_db
def test_the_form_saves_dependencies_and_risk_in_the_audit_trail(client, editor, theme):
    first = DeliverableFactory(theme=theme, title="Needs assessment")
    second = DeliverableFactory(theme=theme, title="Commission the service")
    client.force_login(editor)
    url = reverse("delivery:deliverable-edit", args=[theme.plan.key, second.pk])
    form = served_form(client.get(url).content.decode(), action="")
    form |= {"depends_on": [str(first.pk)], "risk": "medium"}
    response = client.post(url, form)
    assert response.status_code == 302
    second.refresh_from_db()
    assert list(second.depends_on.all()) == [first]
    assert second.risk == Risk.MEDIUM
    latest = second.history.order_by("-history_date", "-history_id").first()
    assert latest.history_user == editor
    assert [d.to_deliverable_id for d in latest.depends_on.all()] == [first.pk]


CYCLE = GOOD.replace(
    "    title: Police Race Action Plan\n",
    "    title: Police Race Action Plan\n    depends_on: [youth-listening-project]\n",
).replace(
    "    title: Youth listening project\n",
    "    title: Youth listening project\n    depends_on: [police-race-action-plan]\n",
)


@pytest.mark.django_db
def test_a_dependency_cycle_is_refused_in_the_import_and_nothing_is_written():
    message = refused(CYCLE)
    assert (
        "dependencies cannot go round in a circle: police-race-action-plan → "
        "youth-listening-project → police-race-action-plan"
    ) in message


@pytest.mark.django_db
def test_an_unknown_dependency_in_the_import_is_refused():
    text = GOOD.replace(
        "    title: Youth listening project\n",
        "    title: Youth listening project\n    depends_on: [no-such-thing]\n",
    )
    assert "unknown deliverable 'no-such-thing' in this file" in refused(text)


@pytest.mark.django_db
def test_the_import_writes_dependencies_and_risk_and_a_reimport_adds_nothing():
    text = GOOD.replace(
        "    title: Youth listening project\n",
        "    title: Youth listening project\n"
        "    depends_on: [police-race-action-plan]\n"
        "    risk: high\n",
    )
    import_plan_text(text, "plan.yaml")
    youth = Deliverable.objects.get(key="youth-listening-project")
    assert [d.key for d in youth.depends_on.all()] == ["police-race-action-plan"]
    assert youth.risk == Risk.HIGH
    history = Deliverable.history.count()
    again = import_plan_text(text, "plan.yaml")
    assert not again.changed
    assert Deliverable.history.count() == history
