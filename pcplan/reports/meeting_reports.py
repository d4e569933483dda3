"""The reports pcplan generates from live data for a Panel meeting, by key: the one registry
that a forward-plan item names (`panel.ForwardPlanItem.report`), that its form offers and that
the pages link from.

A forward-plan item is planned months before its paper exists, so it names the kind of report,
not a generated file. Once a report is made it is linked where it went: a progress report to
its agenda item (`reports.GeneratedReport.paper_for`), the annual report to its meeting
(`transparency.AnnualReport.presented_to`). Each entry says where the office's staff generate
the report, who may, and where the public reads the published records it is built from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from pcplan.grants import permissions as grants_permissions
from pcplan.transparency import permissions as transparency_permissions

COMMISSIONING_AND_GRANTS = "commissioning-and-grants"
ANNUAL_REPORT = "annual-report"


@dataclass(frozen=True)
class MeetingReport:
    key: str
    title: str | Promise
    # The staff page where the report is generated, and who may open it.
    staff_url_name: str
    may_generate: Callable[[Any], bool]
    # The public page of the published records the report is built from.
    public_url_name: str
    public_label: str | Promise

    @property
    def staff_url(self) -> str:
        return reverse(self.staff_url_name)

    @property
    def public_url(self) -> str:
        return reverse(self.public_url_name)


REPORTS: dict[str, MeetingReport] = {
    report.key: report
    for report in (
        MeetingReport(
            key=COMMISSIONING_AND_GRANTS,
            # Seed 002's forward plan asks for it by this name (29 November 2023).
            title=_("Commissioning and Grants"),
            staff_url_name="grants:home",
            may_generate=grants_permissions.can_assess,
            public_url_name="grants:register",
            public_label=_("the grants register"),
        ),
        MeetingReport(
            key=ANNUAL_REPORT,
            # PRSRA 2011 s.12: the annual report goes to the Panel, which reviews it in public.
            title=_("Annual report"),
            staff_url_name="transparency:staff-annual-reports",
            may_generate=transparency_permissions.can_keep_decisions,
            public_url_name="transparency:annual-reports",
            public_label=_("the annual reports"),
        ),
    )
}


def choices() -> list[tuple[str, str | Promise]]:
    """The model field's and the form's choices (a callable, so the migration does not copy
    the list: a report added here needs no migration)."""
    return [(report.key, report.title) for report in REPORTS.values()]


def get(key: str) -> MeetingReport | None:
    return REPORTS.get(key)
