"""The plan importer writes through the same rules as the services (issue 9 item 4): the
publication stamps as `set_published` sets them, the completion date as `delivery.services`
keeps it."""

from __future__ import annotations

import datetime as dt

import pytest

from pcplan.core.publishing import set_published
from pcplan.delivery import services as delivery_services
from pcplan.delivery.models import Deliverable
from pcplan.plans.importer import import_plan_text
from tests.plans.test_importer import GOOD

pytestmark = pytest.mark.django_db


def race() -> Deliverable:
    return Deliverable.objects.get(key="police-race-action-plan")


def test_an_import_stamps_who_published_the_deliverable_and_its_update(editor):
    import_plan_text(GOOD, "plan.yaml", editor)
    deliverable = race()
    update = deliverable.updates.get()
    for published in (deliverable, update):
        assert published.is_published
        assert published.published_at is not None
        assert published.published_by == editor


def test_an_import_with_no_one_signed_in_stamps_the_time_and_no_person():
    import_plan_text(GOOD, "plan.yaml")
    assert race().published_at is not None
    assert race().published_by is None


def test_an_import_that_withdraws_an_update_clears_its_stamps_as_withdrawing_in_the_app_does(
    editor, administrator
):
    import_plan_text(GOOD, "plan.yaml", editor)
    withdrawn = GOOD.replace(
        "        text: Activities ongoing.\n        published: true\n",
        "        text: Activities ongoing.\n        published: false\n",
    )
    assert withdrawn != GOOD
    import_plan_text(withdrawn, "plan.yaml", administrator)
    update = race().updates.get()
    assert not update.is_published
    assert update.published_at is None
    assert update.published_by is None
    assert update.history.first().history_user == administrator


def test_re_importing_what_is_already_published_keeps_the_first_publication(editor, administrator):
    import_plan_text(GOOD, "plan.yaml", editor)
    first = race().published_at
    records = race().history.count()
    import_plan_text(GOOD, "plan.yaml", administrator)
    assert race().published_at == first
    assert race().published_by == editor
    assert race().history.count() == records


def test_a_deliverable_published_in_the_app_keeps_its_stamps_when_the_file_is_silent(editor):
    import_plan_text(GOOD, "plan.yaml")
    youth = Deliverable.objects.get(key="youth-listening-project")
    set_published(editor, youth, True)
    stamped = (youth.published_at, youth.published_by)
    import_plan_text(GOOD, "plan.yaml")
    youth.refresh_from_db()
    assert (youth.published_at, youth.published_by) == stamped


def test_an_imported_completion_date_is_kept_as_the_editors_form_keeps_it(editor):
    import_plan_text(GOOD, "plan.yaml")
    youth = Deliverable.objects.get(key="youth-listening-project")
    assert youth.completed_on == dt.date(2023, 3, 15)
    # Saved again through the service, an imported completion date stays as it is.
    delivery_services.save_deliverable(editor, youth)
    youth.refresh_from_db()
    assert youth.completed_on == dt.date(2023, 3, 15)


def test_a_deliverable_reopened_by_an_import_loses_its_completion_date_as_in_the_app(editor):
    import_plan_text(GOOD, "plan.yaml")
    reopened = GOOD.replace(
        "    status: completed\n    target: Q4 2022-23\n    added_on: 2021-11-29\n"
        "    completed_on: 2023-03-15\n",
        "    status: in-progress\n    target: Q4 2022-23\n    added_on: 2021-11-29\n",
    )
    assert reopened != GOOD
    import_plan_text(reopened, "plan.yaml")
    youth = Deliverable.objects.get(key="youth-listening-project")
    assert youth.status == "in-progress"
    assert youth.completed_on is None
