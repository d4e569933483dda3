"""`pcplan import-partnerships` also loads a body's meetings (agenda and minutes, the minutes
numbered in the body's own sequence), the local issues CSPs work on and the posts the office
funds (docs/partnerships-format.md); the demo holds seed 002 item 7 §5.3-5.4 and seed 004
§7.4 this way, and the Business Coordination Board's meetings of seeds 000 and 001."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import CommandError, call_command

from pcplan.panel.models import AgendaItem, Meeting, MinuteItem
from pcplan.partnerships.demo import DATA_FILE
from pcplan.partnerships.models import Body, FundedPost, LocalIssue
from tests.demo_snapshot import load_demo_database
from tests.partnerships.test_import_partnerships import write

pytestmark = pytest.mark.django_db


FILE = """format: pcplan-partnerships/1
bodies:
  - key: board
    name: A Board
    kind: strategic-board
    meets_in_public: true
    meetings:
      - date: 2021-10-12
        time: "10:00"
        status: held
        minutes_published: true
        agenda:
          - number: 6
            title: Plan Development
          - title: Any other business
        minutes:
          - title: Plan Development
            resolution: agreed
          - title: Any other business
  - key: fenland-csp
    name: Fenland CSP
    kind: csp
local_issues:
  - body: fenland-csp
    title: Fly-tipping
  - title: Street drinking
    description: Reported to a CSP that the source does not name.
funded_posts:
  - title: Problem-solving post (1 of 4)
    funded_until: 2025-03-31
  - body: fenland-csp
    title: Problem-solving officer
    funded_from: 2022-04-01
    funded_until: 2025-03-31
    amount: 40000.50
"""


def test_a_bodys_meetings_issues_and_posts_are_imported_once(db, tmp_path):
    path = write(tmp_path, FILE)
    call_command("import_partnerships", str(path), verbosity=0)
    meeting = Meeting.objects.get()
    assert (meeting.body.key, meeting.time) == ("board", dt.time(10, 0))
    assert [(i.number, i.title) for i in meeting.agenda_items.all()] == [
        (6, "Plan Development"),
        (7, "Any other business"),
    ]
    assert [(m.number, m.resolution) for m in meeting.minute_items.all()] == [
        (1, "agreed"),
        (2, ""),
    ]
    assert LocalIssue.objects.get(title="Fly-tipping").body.key == "fenland-csp"
    unplaced = LocalIssue.objects.get(title="Street drinking")
    assert unplaced.body is None and unplaced.opened_on is None
    post = FundedPost.objects.get(title="Problem-solving officer")
    assert str(post.amount) == "40000.50" and post.funded_from == dt.date(2022, 4, 1)
    assert FundedPost.objects.get(body=None).funded_from is None

    call_command("import_partnerships", str(path), verbosity=0)
    assert Meeting.objects.count() == 1
    assert AgendaItem.objects.count() == 2 and MinuteItem.objects.count() == 2
    assert LocalIssue.objects.count() == 2 and FundedPost.objects.count() == 2


def test_a_local_issue_of_a_board_and_an_unknown_award_are_refused(db, tmp_path):
    path = write(
        tmp_path,
        """format: pcplan-partnerships/1
bodies:
  - key: board
    name: A Board
    kind: strategic-board
local_issues:
  - body: board
    title: Fly-tipping
funded_posts:
  - title: A post
    funded_until: 2025-03-31
    award: no-such-award
    amount: lots
""",
    )
    with pytest.raises(CommandError) as refused:
        call_command("import_partnerships", str(path), verbosity=0)
    message = str(refused.value)
    assert "partnerships.yaml:7: local_issues[0].body" in message
    assert "'board' is not a CSP or a Problem Solving Group" in message
    assert "no grant award has the reference 'no-such-award'" in message
    assert "funded_posts[0].amount: expected an amount in pounds" in message
    assert not Body.objects.exists() and not LocalIssue.objects.exists()


def test_a_meeting_with_agenda_numbers_out_of_order_is_refused(db, tmp_path):
    path = write(
        tmp_path,
        """format: pcplan-partnerships/1
bodies:
  - key: board
    name: A Board
    kind: strategic-board
    meetings:
      - date: 2021-10-12
        status: finished
        agenda:
          - number: 6
            title: First
          - number: 2
            title: Second
""",
    )
    with pytest.raises(CommandError) as refused:
        call_command("import_partnerships", str(path), verbosity=0)
    message = str(refused.value)
    assert "bodies[0].meetings[0].status" in message
    assert "bodies[0].meetings[0].agenda[1].number" in message
    assert not Meeting.objects.exists()


@pytest.fixture
def demo(db):
    load_demo_database()


def test_the_demo_has_the_boards_meetings_with_its_own_minute_one(demo):
    board = Body.objects.get(key="business-coordination-board")
    meetings = {m.date: m for m in board.meetings.all()}
    assert set(meetings) == {dt.date(2017, 9, 21), dt.date(2021, 7, 13), dt.date(2021, 10, 12)}
    delivery = meetings[dt.date(2017, 9, 21)].agenda_items.get()
    assert (delivery.number, delivery.title) == (4, "Police and Crime Delivery Plan")
    minute = meetings[dt.date(2021, 10, 12)].minute_items.get()
    assert minute.number == 1 and minute.resolution == MinuteItem.Resolution.AGREED
    # The Panel's own numbers are the seed's, untouched.
    panel = MinuteItem.objects.filter(body__key="police-and-crime-panel")
    assert set(range(40, 47)) <= set(panel.values_list("number", flat=True))


def test_the_demo_has_the_seeds_local_issues_and_the_four_funded_posts(demo):
    bikes = LocalIssue.objects.get(title="Bike theft in Cambridge")
    assert bikes.body.key == "cambridge-city-csp"
    assert LocalIssue.objects.filter(body=None).count() == 4  # seed 002 item 7 §5.4
    posts = FundedPost.objects.all()
    assert posts.count() == 4
    assert {p.funded_until for p in posts} == {dt.date(2025, 3, 31)}
    assert all(p.body is None and p.host is None and p.amount is None for p in posts)


def test_importing_the_demo_file_again_changes_no_meeting(demo):
    before = (Meeting.history.count(), MinuteItem.history.count(), LocalIssue.history.count())
    call_command("import_partnerships", str(DATA_FILE), verbosity=0)
    after = (Meeting.history.count(), MinuteItem.history.count(), LocalIssue.history.count())
    assert after == before
