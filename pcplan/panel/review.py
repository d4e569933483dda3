"""'Review Actions and Recommendations from the previous meeting', generated from what is open.

At each meeting the Panel reviews every action and recommendation made at earlier meetings that
is still open (seed 002, item 4 and minute 43).
"""

from __future__ import annotations

from django.db.models import QuerySet

from pcplan.panel.models import Action, Meeting, Recommendation


def open_actions(meeting: Meeting) -> QuerySet[Action]:
    return (
        Action.objects.filter(closed=False, meeting__in=earlier(meeting))
        .select_related("meeting")
        .order_by("meeting__date", "pk")
    )


def open_recommendations(meeting: Meeting) -> QuerySet[Recommendation]:
    return (
        Recommendation.objects.filter(closed=False, meeting__in=earlier(meeting))
        .select_related("meeting")
        .order_by("made_on", "pk")
    )


def earlier(meeting: Meeting) -> QuerySet[Meeting]:
    """The same body's earlier meetings: a body reviews its own actions, never another's."""
    return Meeting.objects.filter(body_id=meeting.body_id).before(meeting)
