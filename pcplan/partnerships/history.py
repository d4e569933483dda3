"""The audit trail of a body and its members, as staff read it: who changed what, when."""

from __future__ import annotations

from pcplan.core.history import HistoryEntry, entries_for, grouped_entries, newest_first
from pcplan.partnerships.models import Body, FundedPost, LocalIssue, Membership, Scrutiny


def history_entries(body: Body) -> list[HistoryEntry]:
    """Newest first: the body's own changes (links to themes, deliverables and measures
    included), its memberships' and its scrutinies'."""
    entries = entries_for(
        list(body.history.select_related("history_user").order_by("history_date")), Body, "Body"
    )
    entries += grouped_entries(
        list(
            Membership.history.filter(body_id=body.pk)
            .select_related("history_user")
            .order_by("id", "history_date")
        ),
        Membership,
        lambda r: f"Membership of {r.person or r.organisation} (#{r.id})",
    )
    entries += grouped_entries(
        list(
            Scrutiny.history.filter(body_id=body.pk)
            .select_related("history_user")
            .order_by("id", "history_date")
        ),
        Scrutiny,
        lambda r: f"Scrutiny of {r.held_on:%d %B %Y}",
    )
    entries += grouped_entries(
        list(
            LocalIssue.history.filter(body_id=body.pk)
            .select_related("history_user")
            .order_by("id", "history_date")
        ),
        LocalIssue,
        lambda r: f"Local issue: {r.title}",
    )
    entries += grouped_entries(
        list(
            FundedPost.history.filter(body_id=body.pk)
            .select_related("history_user")
            .order_by("id", "history_date")
        ),
        FundedPost,
        lambda r: f"Funded post: {r.title}",
    )
    return newest_first(entries)
