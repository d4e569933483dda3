"""The Panel's "Commissioning and Grants" report (the Panel's forward plan asks for one on
29 November 2023, seed 002), generated in the house format from live data.

A Panel paper is public, so it reads only `Award.objects.public()`: a draft award, a bid or
an applicant's contact details cannot reach it. Its total is the sum of the awards it lists.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import Count, Sum
from django.utils.translation import gettext as _

from pcplan.core.dates import long_date
from pcplan.core.office import current_office
from pcplan.grants.documents import HouseDocument, Section
from pcplan.grants.models import ZERO, Award, Fund, MonitoringReturn


def _pounds(amount: Decimal | None) -> str:
    return _("not recorded") if amount is None else f"£{amount:,.2f}"


def build(as_of: dt.date) -> HouseDocument:
    office = current_office()
    awards = list(
        Award.objects.public()
        .select_related("fund", "recipient")
        .order_by("fund__name", "reference")
    )
    total = sum((a.amount for a in awards if a.amount is not None), ZERO)
    by_fund = {
        row["fund"]: row
        for row in Award.objects.public()
        .order_by()
        .values("fund")
        .annotate(total=Sum("amount"), count=Count("id"))
    }
    funds = Fund.objects.filter(pk__in=by_fund).order_by("name")
    overdue = MonitoringReturn.objects.overdue(as_of).filter(award__is_published=True).count()
    due = MonitoringReturn.objects.filter(
        award__is_published=True, received_on__isnull=True
    ).count()
    fund_table = [[_("Fund"), _("Source"), _("Budget"), _("Grants"), _("Awarded")]] + [
        [
            f.name,
            str(f.get_source_display()),
            _pounds(f.budget),
            str(by_fund[f.pk]["count"]),
            _pounds(Decimal(by_fund[f.pk]["total"] or ZERO)),
        ]
        for f in funds
    ]
    award_table = [[_("Fund"), _("Recipient"), _("Purpose"), _("Amount")]] + [
        [a.fund.name, a.recipient.name, a.purpose, _pounds(a.amount)] for a in awards
    ]
    unstated = sum(1 for a in awards if a.amount is None)
    return HouseDocument(
        title=_("Commissioning and Grants"),
        subject=office.panel,
        header=[
            office.panel.upper(),
            long_date(as_of),
            _("Report of the %(holder)s") % {"holder": office.holder},
            _("Contact Officer – %(officer)s") % {"officer": office.contact_officer}
            if office.contact_officer
            else "",
        ],
        sections=[
            Section(
                _("PURPOSE"),
                [
                    _("To update the Panel on the commissioning and grants of the %(holder)s.")
                    % {"holder": office.holder}
                ],
            ),
            Section(_("RECOMMENDATION"), [_("The Panel is recommended to note the report.")]),
            Section(
                _("BACKGROUND"),
                [
                    _(
                        "The %(holder)s may award crime and disorder reduction grants and must "
                        "publish each one with its recipient, purpose, conditions and reasons. "
                        "Commissioning follows the cycle understand, plan, do, review."
                    )
                    % {"holder": office.holder}
                ],
            ),
            Section(_("FUNDS"), [], fund_table if len(fund_table) > 1 else []),
            Section(
                _("GRANTS AWARDED"),
                [
                    _("%(count)s published grants, %(total)s in total.")
                    % {"count": len(awards), "total": _pounds(total)},
                    _("The amounts of %(count)s grants are not recorded and are not in the total.")
                    % {"count": unstated}
                    if unstated
                    else "",
                ],
                award_table if len(award_table) > 1 else [],
            ),
            Section(
                _("MONITORING"),
                [
                    _(
                        "%(due)s monitoring returns are outstanding, "
                        "of which %(overdue)s are overdue."
                    )
                    % {"due": due, "overdue": overdue}
                ],
            ),
            Section(_("BACKGROUND DOCUMENTS"), [_("The grants register, published on this site.")]),
        ],
    )
