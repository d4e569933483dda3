"""The Delivery Plan's deliverables as a download (CSV or Excel, through pcplan.core.exports):
the public file (published deliverables of a public plan, each with its latest published
update) and the staff file (every deliverable the list's filters leave, drafts marked, each
with its latest update, published or not, marked too)."""

from __future__ import annotations

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from pcplan.core.exports import Column, published_column
from pcplan.delivery.models import Deliverable, Update


def _latest(deliverable: Deliverable) -> Update | None:
    """The update prefetched as `latest_updates` (DeliverableQuerySet.with_latest_update)."""
    latest: list[Update] = getattr(deliverable, "latest_updates", [])
    return latest[0] if latest else None


def _latest_published(deliverable: Deliverable) -> str:
    latest = _latest(deliverable)
    if latest is None:
        return ""
    return gettext("Yes") if latest.is_published else gettext("No (draft)")


def columns(*, staff: bool) -> list[Column[Deliverable]]:
    result: list[Column[Deliverable]] = [
        Column(_("ID"), lambda d: d.pk),
        Column(_("Theme"), lambda d: d.theme.title),
        Column(_("Title"), lambda d: d.title),
        Column(_("Lead"), lambda d: d.lead.name if d.lead else ""),
        Column(_("Status"), lambda d: d.get_status_display()),
        Column(_("Target"), lambda d: str(d.target) if d.target else ""),
        Column(_("Purpose"), lambda d: d.purpose),
        Column(_("Latest update date"), lambda d: u.date if (u := _latest(d)) else None),
        Column(_("Latest update"), lambda d: u.text if (u := _latest(d)) else ""),
    ]
    if staff:
        result += [
            published_column(lambda d: d.is_published),
            Column(_("Latest update published"), _latest_published),
        ]
    return result
