"""Public Panel pages: meetings, minutes, forward plan and recommendations; published only."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.urls import reverse
from django.utils import translation

from pcplan.panel import services
from pcplan.panel.models import AgendaItem, Meeting, MinuteItem
from pcplan.plans.lifecycle import PlanStatus
from tests.factories import DeliverableFactory, PlanFactory, ThemeFactory


def test_the_meetings_page_lists_coming_and_past_meetings(client, held_meeting, next_meeting):
    page = client.get(reverse("panel:meetings")).content.decode()
    assert f"{next_meeting.date:%-d %B %Y}" in page
    assert f"{held_meeting.date:%-d %B %Y}" in page
    assert "Coming meetings" in page


WELSH_MONTHS = [
    "Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin",
    "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr",
]  # fmt: skip


def test_the_meetings_page_in_welsh_dates_them_in_welsh_not_from_the_english_copy(
    next_meeting,
):
    day = next_meeting.date
    welsh = f"{day.day} {WELSH_MONTHS[day.month - 1]} {day.year}"
    with translation.override("en-gb"):
        english_page = Client().get(reverse("panel:meetings")).content.decode()
    with translation.override("cy"):
        welsh_page = Client().get(reverse("panel:meetings")).content.decode()
    assert f"{day:%-d %B %Y}" in english_page and welsh not in english_page
    assert welsh in welsh_page


def test_draft_minutes_are_not_public_until_published(client, secretariat, held_meeting):
    held_meeting.minutes_published = False
    held_meeting.save()
    services.add_minute(secretariat, held_meeting, title="Secret draft minute")
    url = reverse("panel:meeting", args=[held_meeting.pk])
    assert "Secret draft minute" not in client.get(url).content.decode()
    held_meeting.minutes_published = True
    held_meeting.save()
    assert "Secret draft minute" in client.get(url).content.decode()


def test_minutes_show_resolutions_and_numbered_questions(client, secretariat, held_meeting):
    services.add_minute(
        secretariat,
        held_meeting,
        title="Precept Report 2023/24",
        resolution=MinuteItem.Resolution.AGREED,
        resolution_text="The Panel unanimously AGREED to NOT exercise its veto power.",
        questions=["Councillor Ferguson asked about the survey."],
    )
    page = client.get(reverse("panel:meeting", args=[held_meeting.pk])).content.decode()
    assert "1. Precept Report 2023/24" in page
    assert "unanimously AGREED" in page
    assert "Councillor Ferguson asked about the survey." in page


def test_minutes_approved_at_the_next_meeting_record_the_amendments(
    client, secretariat, held_meeting, next_meeting
):
    services.approve_minutes(
        secretariat, held_meeting, at=next_meeting, amendments="Paragraph 25: delete “that it was”."
    )
    held_meeting.refresh_from_db()
    assert held_meeting.status == Meeting.Status.MINUTES_APPROVED
    page = client.get(reverse("panel:meeting", args=[held_meeting.pk])).content.decode()
    assert "Paragraph 25" in page


def test_the_forward_plan_shows_planned_items_and_who_asked(
    client, secretariat, held_meeting, next_meeting
):
    services.plan_item(
        secretariat,
        next_meeting,
        title="Trust in Policing – Culture Statement",
        requested_at=held_meeting,
    )
    page = client.get(reverse("panel:forward-plan")).content.decode()
    assert "Trust in Policing – Culture Statement" in page
    assert f"requested at the meeting of {held_meeting.date:%-d %B %Y}" in page


def test_a_planned_item_moves_between_meetings_and_keeps_its_history(secretariat, next_meeting):
    later = Meeting.objects.create(date=next_meeting.date + dt.timedelta(days=60))
    item = services.plan_item(secretariat, next_meeting, title="Integrity in Policing")
    services.move_planned_item(secretariat, item, later)
    item.refresh_from_db()
    assert item.meeting == later
    assert [h.meeting_id for h in item.history.order_by("history_date")] == [
        next_meeting.pk,
        later.pk,
    ]


def test_recommendations_show_only_published_responses(client, secretariat, held_meeting):
    rec = services.make_recommendation(
        secretariat,
        held_meeting,
        text="Report back on adult and children's social care.",
        made_on=held_meeting.date,
        response_due=held_meeting.date + dt.timedelta(days=42),
    )
    services.record_response(
        secretariat, rec, text="Draft reply not yet public", date=held_meeting.date, published=False
    )
    page = client.get(reverse("panel:recommendations")).content.decode()
    assert "adult and children&#x27;s social care" in page
    assert "Draft reply not yet public" not in page
    assert "Awaiting the Commissioner" in page
    services.record_response(
        secretariat,
        rec,
        text="The Commissioner will report in July.",
        date=held_meeting.date,
        published=True,
    )
    assert (
        "The Commissioner will report in July."
        in client.get(reverse("panel:recommendations")).content.decode()
    )


def test_the_meeting_page_reads_a_fixed_number_of_queries(
    client, secretariat, held_meeting, django_assert_max_num_queries
):
    for n in range(15):
        services.add_minute(
            secretariat, held_meeting, title=f"Item {n}", questions=["Q one", "Q two"]
        )
    with django_assert_max_num_queries(14):
        client.get(reverse("panel:meeting", args=[held_meeting.pk]))


def test_an_agenda_item_lists_the_published_deliverables_its_report_covers(
    client, next_meeting, constabulary_deliverable, csp_deliverable
):
    csp_deliverable.is_published = False
    csp_deliverable.save()
    item = next_meeting.agenda_items.get(number=1)
    item.deliverables.set([constabulary_deliverable, csp_deliverable])
    page = client.get(reverse("panel:meeting", args=[next_meeting.pk])).content.decode()
    assert "Deliverable this report covers (1)" in page
    assert "Serious Violence Strategy" in page
    assert "Safer Communities Fund bids" not in page  # a draft never appears


def draft_plan_deliverable():
    """A published deliverable of a plan still in draft: not public (Deliverable.public)."""
    plan = PlanFactory(key="draft-2028-32", title="Draft plan", status=PlanStatus.DRAFTING)
    theme = ThemeFactory(plan=plan, key="draft-theme", title="Draft theme", position=1)
    return DeliverableFactory(theme=theme, title="Unannounced initiative", is_published=True)


def test_an_agenda_item_never_shows_a_deliverable_of_an_unissued_plan(
    client, next_meeting, constabulary_deliverable
):
    item = next_meeting.agenda_items.get(number=1)
    item.deliverables.set([constabulary_deliverable, draft_plan_deliverable()])
    page = client.get(reverse("panel:meeting", args=[next_meeting.pk])).content.decode()
    assert "Serious Violence Strategy" in page
    assert "Unannounced initiative" not in page


def test_a_recommendation_never_shows_a_deliverable_of_an_unissued_plan(
    client, secretariat, held_meeting, constabulary_deliverable
):
    services.make_recommendation(
        secretariat,
        held_meeting,
        text="Report on the new initiative",
        made_on=held_meeting.date,
        response_due=held_meeting.date + dt.timedelta(days=56),
        deliverables=[constabulary_deliverable, draft_plan_deliverable()],
    )
    page = client.get(reverse("panel:recommendations")).content.decode()
    assert "Serious Violence Strategy" in page
    assert "Unannounced initiative" not in page


def listed(page: str, list_id: str) -> str:
    start = page.index(f'id="{list_id}"')
    return page[start : page.index("</ul>", start)]


def test_coming_meetings_are_those_from_today_in_date_order_whatever_their_status(db, client):
    today = dt.date.today()
    old = Meeting.objects.create(date=dt.date(2023, 7, 12), status=Meeting.Status.SCHEDULED)
    later = Meeting.objects.create(date=today + dt.timedelta(days=90))
    sooner = Meeting.objects.create(date=today, status=Meeting.Status.AGENDA_PUBLISHED)
    page = client.get(reverse("panel:meetings")).content.decode()
    coming = listed(page, "coming-meetings")
    assert "12 July 2023" not in coming
    assert coming.index(f"{sooner.date:%-d %B %Y}") < coming.index(f"{later.date:%-d %B %Y}")
    assert "12 July 2023" in listed(page, "past-meetings")
    assert old.pk  # kept apart, among the past meetings


def test_a_past_meeting_never_takes_questions_and_says_so_plainly(db, client):
    old = Meeting.objects.create(date=dt.date(2023, 7, 12), status=Meeting.Status.SCHEDULED)
    meeting_page = client.get(reverse("panel:meeting", args=[old.pk])).content.decode()
    assert "Ask a question" not in meeting_page
    response = client.get(reverse("panel:question-new", args=[old.pk]))
    assert response.status_code == 200
    assert "Questions are closed" in response.content.decode()
    response = client.post(
        reverse("panel:question-new", args=[old.pk]),
        {"kind": "question", "name": "A", "contact": "a@example.org", "text": "Late?"},
    )
    assert "Questions are closed" in response.content.decode()
    assert not old.submissions.exists()


def test_a_held_meeting_does_not_say_its_agenda_is_not_published_yet(client, held_meeting):
    page = client.get(reverse("panel:meeting", args=[held_meeting.pk])).content.decode()
    assert "not published yet" not in page
    assert "No agenda for this meeting is kept on this site." in page


def test_exempt_items_stay_on_the_public_agenda_with_their_paragraph_and_no_papers(
    client, next_meeting
):
    AgendaItem.objects.filter(meeting=next_meeting, number=2).update(exempt_paragraph=3)
    page = client.get(reverse("panel:meeting", args=[next_meeting.pk])).content.decode()
    assert "Estates disposal – commercial terms" in page
    assert (
        "Not for publication by virtue of paragraph 3 of Part 1 of Schedule 12A to the "
        "Local Government Act 1972." in page
    )
    report = reverse("panel:agenda-item-report", args=[next_meeting.pk, 2])
    assert report not in page
    assert client.get(report).status_code == 404


def test_members_still_open_the_exempt_papers(client_for, panel_member, next_meeting):
    member = client_for(panel_member)
    report = reverse("panel:agenda-item-report", args=[next_meeting.pk, 2])
    assert report in member.get(reverse("panel:meeting", args=[next_meeting.pk])).content.decode()
    assert member.get(report).content.startswith(b"%PDF")


def test_the_meeting_page_takes_the_worst_values_the_fields_accept(client, next_meeting):
    item = AgendaItem.objects.get(meeting=next_meeting, number=2)
    item.title = "<script>alert(1)</script>" + "W" * 270
    item.exempt_paragraph = 1
    item.save()
    next_meeting.venue = "V" * 300
    next_meeting.title = "T" * 200
    next_meeting.save()
    page = client.get(reverse("panel:meeting", args=[next_meeting.pk])).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "paragraph 1 of Part 1" in page
    listing = client.get(reverse("panel:meetings")).content.decode()
    assert "T" * 200 in listing
