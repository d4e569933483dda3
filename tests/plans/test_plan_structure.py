"""Plan structure (issue 18 item 4): key objectives and shared outcomes under themes, personal
pledges of the office holder, each linked to deliverables and measures; imported and exported
in the plan format (docs/import-format.md), and shown on the public pages."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.urls import reverse

from pcplan.performance.models import Measure
from pcplan.plans.exporter import export_plan
from pcplan.plans.importer import import_plan_text
from pcplan.plans.lifecycle import PlanStatus
from pcplan.plans.models import Commitment, Plan
from tests.plans.test_importer import GOOD, refused

pytestmark = pytest.mark.django_db

STRUCTURE = GOOD.replace(
    "    priorities:\n      - Tackle the root causes of crime.\n",
    "    priorities:\n      - Tackle the root causes of crime.\n"
    "    key_objectives:\n"
    "      - text: Reduce reoffending by young people.\n"
    "        deliverables: [youth-listening-project]\n"
    "        measures: [cycle-theft]\n"
    "      - Improve trust and confidence.\n"
    "    shared_outcomes:\n"
    "      - Communities feel safe.\n",
) + (
    "pledges:\n"
    "  - text: I will publish every decision.\n"
    "    theme: crime-prevention\n"
    "    deliverables: [police-race-action-plan]\n"
)


@pytest.fixture(autouse=True)
def measure():
    return Measure.objects.create(
        key="cycle-theft", name="Cycle theft", unit="crimes", direction="lower"
    )


def test_key_objectives_shared_outcomes_and_pledges_are_imported_with_their_links():
    import_plan_text(STRUCTURE, "plan.yaml")
    plan = Plan.objects.get(key="test-plan")
    objectives = list(plan.commitments.filter(kind=Commitment.Kind.KEY_OBJECTIVE))
    assert [c.text for c in objectives] == [
        "Reduce reoffending by young people.",
        "Improve trust and confidence.",
    ]
    assert [d.key for d in objectives[0].deliverables.all()] == ["youth-listening-project"]
    assert [m.key for m in objectives[0].measures.all()] == ["cycle-theft"]
    outcome = plan.commitments.get(kind=Commitment.Kind.SHARED_OUTCOME)
    assert outcome.text == "Communities feel safe." and outcome.theme.key == "crime-prevention"
    pledge = plan.commitments.get(kind=Commitment.Kind.PLEDGE)
    assert pledge.theme.key == "crime-prevention"
    assert [d.key for d in pledge.deliverables.all()] == ["police-race-action-plan"]


def test_a_link_to_an_unknown_deliverable_or_measure_is_refused():
    text = STRUCTURE.replace("measures: [cycle-theft]", "measures: [no-such-measure]")
    text = text.replace("deliverables: [police-race-action-plan]", "deliverables: [nothing]")
    message = refused(text)
    assert "themes[0].key_objectives[0].measures[0]" in message
    assert "unknown measure 'no-such-measure'" in message
    assert "pledges[0].deliverables[0]" in message
    assert "unknown deliverable 'nothing' in this file" in message


def test_the_exported_plan_imports_back_without_a_change():
    import_plan_text(STRUCTURE, "plan.yaml")
    plan = Plan.objects.get(key="test-plan")
    exported = export_plan(plan)
    assert "key_objectives:" in exported and "pledges:" in exported
    result = import_plan_text(exported, "exported.yaml")
    assert not result.changed, result.summary()
    assert export_plan(plan) == exported


def test_export_plan_writes_a_file(tmp_path):
    import_plan_text(STRUCTURE, "plan.yaml")
    out = tmp_path / "plan.yaml"
    call_command("export_plan", "test-plan", "--output", str(out))
    assert "I will publish every decision." in out.read_text()


def test_the_public_pages_show_objectives_outcomes_and_pledges_with_public_deliverables_only(
    client,
):
    import_plan_text(STRUCTURE, "plan.yaml")
    Plan.objects.filter(key="test-plan").update(status=PlanStatus.ISSUED)
    theme = client.get(reverse("public:theme", args=["test-plan", "crime-prevention"]))
    html = theme.content.decode()
    assert "Key objectives" in html and "Reduce reoffending by young people." in html
    assert "Shared outcomes" in html and "Communities feel safe." in html
    # The youth listening project is not published: its link is left out.
    assert "Youth listening project" not in html
    plan_html = client.get(reverse("public:plan", args=["test-plan"])).content.decode()
    assert "Personal pledges of the" in plan_html
    assert "I will publish every decision." in plan_html
    assert "Police Race Action Plan" in plan_html


def test_the_staff_plan_page_lists_objectives_outcomes_and_pledges(client, editor):
    import_plan_text(STRUCTURE, "plan.yaml")
    client.force_login(editor)
    html = client.get(reverse("plans:plan-detail", args=["test-plan"])).content.decode()
    assert "Key objective" in html and "Reduce reoffending by young people." in html
    assert "Shared outcome" in html and "Communities feel safe." in html
    assert "Personal pledges of the" in html and "I will publish every decision." in html
