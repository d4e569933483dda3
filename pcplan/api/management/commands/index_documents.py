"""`pcplan index-documents`: the words of stored documents, for search (pcplan.api.documents)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import CommandParser

from pcplan.api.documents import index_documents
from pcplan.core.commands import DataCommand


class Command(DataCommand):
    help = (
        "Read the words of stored documents (agenda papers, published documents, reports, "
        "annual reports) that search does not have yet; with --again, of every one. Safe to "
        "run again: documents already read are skipped. Names each file it could not read, "
        "and why."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--again", action="store_true", help="read every stored document, not only new ones"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        outcomes = index_documents(again=options["again"], say=self.stderr.write)
        for label, outcome in outcomes.items():
            self.stdout.write(
                f"{label}s: {outcome.read} read, {outcome.unreadable} unreadable, "
                f"{len(outcome.problems) - outcome.unreadable} not opened"
            )
