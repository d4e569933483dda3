"""The issued plan goes to the Chief Constable and every Responsible Authority (seed 000 §6.3):
pcplan lists them, emails the PDF through Django's mail backend from `pcplan worker` (issue 15:
emails are background work), records each copy and shows who has not been sent one."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from pcplan.core.models import BackgroundJob
from pcplan.partnerships.models import PartnerOrganisation, PlanCopy
from pcplan.plans.lifecycle import PlanStatus
from tests.factories import OrganisationFactory, PlanFactory, ThemeFactory
from tests.htmlforms import served_form

pytestmark = pytest.mark.django_db(transaction=True)


def run_worker() -> None:
    call_command("worker", "--batch", "--no-startup-delay", "--interval=0", stdout=StringIO())


@pytest.fixture(autouse=True)
def locmem(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def issued_plan():
    plan = PlanFactory(key="issued-plan", title="Police and Crime Plan 2021-24")
    ThemeFactory(plan=plan, title="Crime Prevention")
    return plan


@pytest.fixture
def recipients(constabulary):
    council = OrganisationFactory(key="district-council", name="District Council")
    fire = OrganisationFactory(key="fire", name="Fire and Rescue Service")
    cps = OrganisationFactory(key="cps", name="Crown Prosecution Service")
    PartnerOrganisation.objects.create(
        organisation=constabulary, chief_constable=True, email="cc@force.example"
    )
    PartnerOrganisation.objects.create(
        organisation=council, responsible_authority=True, email="csp@council.example"
    )
    PartnerOrganisation.objects.create(organisation=fire, responsible_authority=True)
    PartnerOrganisation.objects.create(
        organisation=cps, criminal_justice_agency=True, email="cps@cps.example"
    )
    return constabulary, council, fire


def test_the_list_names_the_chief_constable_and_every_responsible_authority_only(
    client_for, editor, issued_plan, recipients
):
    response = client_for(editor).get(reverse("partnerships:distribution", args=[issued_plan.key]))
    assert response.status_code == 200
    html = response.content.decode()
    for name in ["Cambridgeshire Constabulary", "District Council", "Fire and Rescue Service"]:
        assert name in html
    assert "Crown Prosecution Service" not in html
    assert "3 recipients have not been sent the plan" in html


def test_sending_emails_the_pdf_records_each_copy_and_shows_who_has_not_been_sent_one(
    client_for, editor, issued_plan, recipients
):
    constabulary, council, fire = recipients
    client = client_for(editor)
    url = reverse("partnerships:distribution", args=[issued_plan.key])
    send = reverse("partnerships:distribution-send", args=[issued_plan.key])
    response = client.post(send, served_form(client.get(url).content.decode(), send))
    job = BackgroundJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("core:job", args=[job.pk])
    assert mail.outbox == []  # the request only queued the sending

    run_worker()

    job.refresh_from_db()
    assert job.status == BackgroundJob.Status.DONE
    page = client.get(response["Location"]).content.decode()
    assert "Sent to 2 recipients; 1 have no email address." in page
    assert "See who has been sent the plan" in page
    assert sorted(m.to[0] for m in mail.outbox) == ["cc@force.example", "csp@council.example"]
    attachment_name, content, mimetype = mail.outbox[0].attachments[0]
    assert attachment_name == "police-and-crime-plan-2021-24.pdf"
    assert mimetype == "application/pdf" and content.startswith(b"%PDF")
    copies = PlanCopy.objects.filter(plan=issued_plan)
    assert {c.organisation for c in copies} == {constabulary, council}
    copy = copies.get(organisation=council)
    assert copy.sent_by == editor and copy.history.first().history_user == editor
    html = client.get(url).content.decode()
    assert "1 recipient has not been sent the plan" in html
    assert "No email address" in html


def test_sending_again_reaches_only_those_not_yet_sent(client_for, editor, issued_plan, recipients):
    client = client_for(editor)
    send = reverse("partnerships:distribution-send", args=[issued_plan.key])
    client.post(send)
    client.post(send)
    run_worker()
    assert len(mail.outbox) == 2
    assert PlanCopy.objects.count() == 2


def test_a_contributor_cannot_send_the_plan(client_for, contributor, issued_plan, recipients):
    client = client_for(contributor)
    response = client.post(reverse("partnerships:distribution-send", args=[issued_plan.key]))
    assert response.status_code == 403
    assert mail.outbox == [] and PlanCopy.objects.count() == 0


def test_a_plan_not_yet_issued_has_no_distribution(client_for, editor, recipients):
    draft = PlanFactory(key="draft", status=PlanStatus.SENT_TO_PANEL)
    client = client_for(editor)
    assert client.get(reverse("partnerships:distribution", args=[draft.key])).status_code == 404
    response = client.post(reverse("partnerships:distribution-send", args=[draft.key]))
    assert response.status_code == 404
    assert mail.outbox == []
