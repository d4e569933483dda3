"""The grant agreement letter in the house format: HTML, PDF (reports.pdf) and Word (python-docx).

One list of sections feeds all three, so the PDF and the Word file say the same thing.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from pcplan.core.dates import long_date
from pcplan.core.office import current_office
from pcplan.grants.documents import HouseDocument, Section
from pcplan.grants.documents import render_docx as render_document_docx
from pcplan.grants.documents import render_pdf as render_document_pdf
from pcplan.grants.models import Award


def title(award: Award) -> str:
    return _("Grant agreement %(reference)s") % {"reference": award.reference}


def _money(award: Award) -> str:
    if award.amount is None:
        return _("The amount is not recorded.")
    return f"£{award.amount:,.2f}"


def sections(award: Award) -> list[Section]:
    office = current_office()
    period = (
        _("From %(start)s to %(end)s.")
        % {"start": long_date(award.starts_on), "end": long_date(award.ends_on)}
        if award.starts_on and award.ends_on
        else _("The period of the grant is not recorded.")
    )
    returns = [long_date(r.due_on) for r in award.returns.all()]
    return [
        Section(
            _("PURPOSE"),
            [
                _("The %(holder)s awards %(recipient)s a grant from the %(fund)s for: %(purpose)s")
                % {
                    "holder": office.holder,
                    "recipient": award.recipient.name,
                    "fund": award.fund.name,
                    "purpose": award.purpose,
                }
            ],
        ),
        Section(
            _("AMOUNT AND PAYMENT"),
            [_money(award), award.payment_schedule or _("Payment schedule: to be agreed.")],
        ),
        Section(_("PERIOD"), [period]),
        Section(
            _("CONDITIONS"), (award.conditions or _("No conditions are recorded.")).splitlines()
        ),
        Section(
            _("MONITORING"),
            [
                _(
                    "Monitoring returns, with spend to date, outputs and outcomes, "
                    "are due on: %(dates)s."
                )
                % {"dates": ", ".join(returns)}
                if returns
                else _("Monitoring returns will be agreed with the recipient.")
            ],
        ),
        Section(
            _("DECISION"),
            [
                _("Decision %(number)s of %(date)s, taken by %(maker)s.")
                % {
                    "number": (award.decision.number if award.decision else "")
                    or _("(not numbered)"),
                    "date": long_date(award.decision_date)
                    if award.decision_date
                    else _("(date not recorded)"),
                    "maker": (award.decision.decision_maker if award.decision else "")
                    or office.holder,
                },
                award.reasons,
            ],
        ),
    ]


def document(award: Award) -> HouseDocument:
    office = current_office()
    return HouseDocument(
        title=title(award),
        subject=award.fund.name,
        header=[
            office.name or office.holder,
            long_date(timezone.localdate()),
            award.recipient.name,
        ],
        sections=sections(award),
        closing=_("Signed for the recipient:") + " ______________________",
    )


def render_pdf(award: Award) -> bytes:
    return render_document_pdf(document(award))


def render_docx(award: Award) -> bytes:
    return render_document_docx(document(award))
