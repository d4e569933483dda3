"""Erase personal data past its retention period, everywhere pcplan holds it. Run daily.

- Concerns (engagement): the raiser's details and case notes, PCPLAN_CONCERN_RETENTION_DAYS
  after the concern was closed.
- Public questions and statements to the Panel: the submitter's contact details,
  PCPLAN_SUBMISSION_RETENTION_DAYS after the meeting.

Each erasure is recorded in the record's history (which fields, when) without the values,
which are blanked in earlier history records too.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.management.base import CommandError, CommandParser

from pcplan.core.commands import DataCommand
from pcplan.engagement.services import erase_expired
from pcplan.panel.services import erase_expired_contacts


class Command(DataCommand):
    help = (
        "Erase personal details past their retention period: of concerns closed longer ago "
        "than PCPLAN_CONCERN_RETENTION_DAYS, and the contact details of public questions and "
        "statements to the Panel whose meeting was longer ago than "
        "PCPLAN_SUBMISSION_RETENTION_DAYS."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Retention in days after a concern's closure "
            "(default: PCPLAN_CONCERN_RETENTION_DAYS).",
        )
        parser.add_argument(
            "--submission-days",
            type=int,
            default=None,
            help="Retention in days after the meeting of a question's or statement's "
            "contact details (default: PCPLAN_SUBMISSION_RETENTION_DAYS).",
        )
        parser.add_argument(
            "--today", type=dt.date.fromisoformat, default=None, help="As if run on this date."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        days = options["days"]
        if days is None:
            days = int(settings.PCPLAN_CONCERN_RETENTION_DAYS)
        submission_days = options["submission_days"]
        if submission_days is None:
            submission_days = int(settings.PCPLAN_SUBMISSION_RETENTION_DAYS)
        if days < 0 or submission_days < 0:
            raise CommandError("--days and --submission-days must be 0 or more")
        today = options["today"] or dt.date.today()
        erased = erase_expired(today, days)
        self.stdout.write(f"Personal details erased from {erased} concern(s).")
        contacts = erase_expired_contacts(today, submission_days)
        self.stdout.write(
            f"Contact details erased from {contacts} public question(s) and statement(s)."
        )
