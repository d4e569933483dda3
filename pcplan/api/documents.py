"""`pcplan index-documents`: read the words of documents stored before their words were read
for search (agenda papers before panel 0012, the other public documents before api 0004), or,
with `again`, of every stored document (after the reading itself changed).

Idempotent: a document whose words are kept (or which was found unreadable) is skipped unless
`again`. Each document is one UPDATE of its words, so a run stopped part-way leaves every
document either read or as it was, and the next run carries on. No history row is written and
no version moves: the words are not part of the record's audit trail (they are read from the
file the history names)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db import models

from pcplan.core.documents import stored_bytes
from pcplan.lib.document_text import read_text
from pcplan.panel.models import AgendaItem
from pcplan.reports.models import GeneratedReport
from pcplan.transparency.models import AnnualReport, SpecifiedPublication


@dataclass(frozen=True)
class StoredDocuments:
    """One kind of record with a stored file and its words beside it."""

    label: str
    model: type[models.Model]
    # The file fields, the first one set is read (an annual report: its Word file, else its PDF).
    files: tuple[str, ...]
    text: str = "document_text"
    unreadable: str = "document_text_unreadable"


KINDS = (
    StoredDocuments(
        "agenda paper", AgendaItem, ("report_file",), "report_text", "report_text_unreadable"
    ),
    StoredDocuments("published document", SpecifiedPublication, ("document",)),
    StoredDocuments("report", GeneratedReport, ("file",)),
    StoredDocuments("annual report", AnnualReport, ("docx", "pdf")),
)


@dataclass
class Outcome:
    read: int = 0
    unreadable: int = 0
    problems: list[str] = field(default_factory=list)


def _to_read(kind: StoredDocuments, again: bool) -> Iterator[Any]:
    has_file = models.Q()
    for name in kind.files:
        has_file |= ~models.Q(**{name: ""})
    rows = kind.model._default_manager.filter(has_file)
    if not again:
        rows = rows.filter(**{kind.text: "", kind.unreadable: False})
    return rows.only("pk", *kind.files).order_by("pk").iterator(chunk_size=100)


def index_documents(
    *, again: bool = False, say: Callable[[str], None] = lambda line: None
) -> dict[str, Outcome]:
    """Read the words of every stored document still without them (every one, if `again`),
    saying each problem through `say`; the outcome of each kind."""
    outcomes: dict[str, Outcome] = {}
    for kind in KINDS:
        outcome = outcomes[kind.label] = Outcome()
        for record in _to_read(kind, again):
            file = next(getattr(record, name) for name in kind.files if getattr(record, name))
            try:
                data = stored_bytes(file)
            except OSError as exc:
                problem = f"{kind.label} {record.pk} ({file.name}): cannot be opened: {exc}"
                outcome.problems.append(problem)
                say(problem)
                continue
            reading = read_text(file.name or "", data)
            kind.model._default_manager.filter(pk=record.pk).update(
                **{kind.text: reading.text, kind.unreadable: reading.unreadable}
            )
            if reading.unreadable:
                outcome.unreadable += 1
                problem = f"{kind.label} {record.pk} ({file.name}): {reading.problem}"
                outcome.problems.append(problem)
                say(problem)
            else:
                outcome.read += 1
    return outcomes
