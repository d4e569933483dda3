"""Public Panel pages: meetings, minutes, forward plan and recommendations; published only."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from pcplan.panel import services
from pcplan.panel.models import Meeting, MinuteItem


def test_the_meetings_page_lists_coming_and_past_meetings(client, held_meeting, next_meeting):
    page = client.get(reverse("panel:meetings")).content.decode()
    assert f"{next_meeting.date:%-d %B %Y}" in page
    assert f"{held_meeting.date:%-d %B %Y}" in page
    assert "Coming meetings" in page


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
    assert "Deliverables this report covers (1)" in page
    assert "Serious Violence Strategy" in page
    assert "Safer Communities Fund bids" not in page  # a draft never appears
