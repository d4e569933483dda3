"""The full-text index behind search (pcplan.api.search): which columns of which tables are
indexed, the SQL that creates, repairs and drops the index, and the one query that reads it,
for each database. The same shape on both: beside each searched table an index table, kept in
step by triggers, so a row is found however it was written (a form, `bulk_create`,
`QuerySet.update`, raw SQL, the test suite's demo copy).

- SQLite: an FTS5 table with external content (only the index is stored, not a second copy of
  the text); English stemming (Porter), accents folded; ranked by bm25.
- PostgreSQL: a table of each row's English `tsvector` with a GIN index; websearch syntax
  ("a phrase", -word, or); ranked by ts_rank. The vector is stored, not computed from an
  expression index, so ranking matches reads them rather than parsing each row's text again.

On both, only the newest CANDIDATES matches of the rows allowed are ranked (best_matches_sql).

No model is imported here: the migration that creates the index (api 0002) reads this module.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

# The Porter stemmer is English, as PostgreSQL's 'english' configuration below.
SQLITE_TOKENIZER = "porter unicode61 remove_diacritics 2"
POSTGRES_CONFIG = "'english'::regconfig"
MAX_WORDS = 20
# Only the newest this many matches of the rows allowed are ranked (see best_matches_sql).
CANDIDATES = 1000


@dataclass(frozen=True)
class Indexed:
    """One table's searchable text: its columns, read together as one document."""

    table: str
    columns: tuple[str, ...]
    # A second index of the same table has a name of its own.
    index_name: str = ""

    @property
    def name(self) -> str:
        """The index table beside `table`: FTS5 (SQLite) or tsvector (PostgreSQL)."""
        return self.index_name or f"search_{self.table}"

    def triggers(self) -> tuple[str, str, str]:
        """SQLite: the triggers run after a row is inserted, updated and deleted."""
        return (f"{self.name}_inserted", f"{self.name}_updated", f"{self.name}_deleted")


PLANS = Indexed("plans_plan", ("title", "summary"))
DELIVERABLES = Indexed("delivery_deliverable", ("title", "purpose"))
UPDATES = Indexed("delivery_update", ("text",))
MEETINGS = Indexed("panel_meeting", ("title", "venue"))
AGENDA_ITEMS = Indexed("panel_agendaitem", ("title", "note"))
MINUTES = Indexed("panel_minuteitem", ("title", "text", "resolution_text"))
# The words of agenda papers (AgendaItem.report_text, read from the PDF when it is stored):
# an index of their own, so a search can say that the words are in the paper.
PAPERS = Indexed("panel_agendaitem", ("report_text",), "search_panel_agendaitem_papers")
# The words of the other documents the public may download (pcplan.core.documents): the
# specified information's published documents, published reports and annual reports.
PUBLICATIONS = Indexed("transparency_specifiedpublication", ("title", "document_text"))
REPORTS = Indexed("reports_generatedreport", ("purpose", "recommendation", "document_text"))
ANNUAL_REPORTS = Indexed("transparency_annualreport", ("title", "document_text"))
DOCUMENTS = (PUBLICATIONS, REPORTS, ANNUAL_REPORTS)
# Created by migration api 0002; PAPERS by api 0003 and DOCUMENTS by api 0004, each after the
# columns it reads.
FIRST = (PLANS, DELIVERABLES, UPDATES, MEETINGS, AGENDA_ITEMS, MINUTES)
INDEXED = (*FIRST, PAPERS, *DOCUMENTS)

# Every name in the SQL below is a constant of this module (INDEXED), never input; what a
# person typed is always a parameter. So the S608 warnings on these f-strings do not apply.


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


# SQLite ---------------------------------------------------------------------------------


def _sqlite_create(index: Indexed) -> list[str]:
    table, fts = _q(index.table), _q(index.name)
    columns = ", ".join(_q(c) for c in index.columns)
    new = ", ".join(f"new.{_q(c)}" for c in index.columns)
    old = ", ".join(f"old.{_q(c)}" for c in index.columns)
    names = index.triggers()
    inserted = f"INSERT INTO {fts}(rowid, {columns}) VALUES (new.id, {new})"  # noqa: S608
    deleted = f"INSERT INTO {fts}({fts}, rowid, {columns}) VALUES ('delete', old.id, {old})"  # noqa: S608
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({columns}, "
        f"content='{index.table}', content_rowid='id', tokenize='{SQLITE_TOKENIZER}')",
        f"CREATE TRIGGER IF NOT EXISTS {_q(names[0])} AFTER INSERT ON {table} "
        f"BEGIN {inserted}; END",
        f"CREATE TRIGGER IF NOT EXISTS {_q(names[1])} AFTER UPDATE OF {columns} ON {table} "
        f"BEGIN {deleted}; {inserted}; END",
        f"CREATE TRIGGER IF NOT EXISTS {_q(names[2])} AFTER DELETE ON {table} BEGIN {deleted}; END",
        # Index the rows already there (and, on a repair, start again from the table).
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",  # noqa: S608
    ]


def _sqlite_drop(index: Indexed) -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {_q(name)}" for name in index.triggers()] + [
        f"DROP TABLE IF EXISTS {_q(index.name)}"
    ]


def sqlite_match(query: str) -> str:
    """FTS5's query language from what a person typed: every word, each quoted, so that no
    character of theirs is read as an operator. Empty when there is no word."""
    words = re.findall(r"\w+", query)[:MAX_WORDS]
    return " ".join(f'"{word}"' for word in words)


# PostgreSQL -----------------------------------------------------------------------------


def _document(columns: tuple[str, ...], row: str = "") -> str:
    joined = " || ' ' || ".join(f"COALESCE({row}{_q(c)}, '')" for c in columns)
    return f"to_tsvector({POSTGRES_CONFIG}, {joined})"


def _postgres_create(index: Indexed) -> list[str]:
    table, name = _q(index.table), _q(index.name)
    keep, changed, emptied = (_q(f"{index.name}_{s}") for s in ("keep", "changed", "emptied"))
    columns = ", ".join(_q(c) for c in index.columns)
    upsert = "ON CONFLICT (id) DO UPDATE SET document = EXCLUDED.document"
    keep_in_step = (
        f"IF TG_OP = 'TRUNCATE' THEN TRUNCATE {name}; "  # noqa: S608
        f"ELSIF TG_OP = 'DELETE' THEN DELETE FROM {name} WHERE id = OLD.id; "
        f"ELSE INSERT INTO {name} (id, document) "
        f"VALUES (NEW.id, {_document(index.columns, 'NEW.')}) {upsert}; END IF"
    )
    return [
        f"CREATE TABLE IF NOT EXISTS {name} (id bigint PRIMARY KEY, document tsvector NOT NULL)",
        f"CREATE INDEX IF NOT EXISTS {_q(index.name + '_document')} ON {name} USING gin (document)",
        f"CREATE OR REPLACE FUNCTION {keep}() RETURNS trigger LANGUAGE plpgsql AS "
        f"$$ BEGIN {keep_in_step}; RETURN NULL; END $$",
        f"DROP TRIGGER IF EXISTS {changed} ON {table}",
        f"CREATE TRIGGER {changed} AFTER INSERT OR UPDATE OF {columns} OR DELETE ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION {keep}()",
        f"DROP TRIGGER IF EXISTS {emptied} ON {table}",
        f"CREATE TRIGGER {emptied} AFTER TRUNCATE ON {table} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {keep}()",
        f"INSERT INTO {name} (id, document) "  # noqa: S608
        f"SELECT id, {_document(index.columns)} FROM {table} {upsert}",
    ]


def _postgres_drop(index: Indexed) -> list[str]:
    table = _q(index.table)
    return [
        f"DROP TRIGGER IF EXISTS {_q(index.name + '_changed')} ON {table}",
        f"DROP TRIGGER IF EXISTS {_q(index.name + '_emptied')} ON {table}",
        f"DROP FUNCTION IF EXISTS {_q(index.name + '_keep')}()",
        f"DROP TABLE IF EXISTS {_q(index.name)}",
    ]


# Both -----------------------------------------------------------------------------------

StatementsOf = Callable[[Indexed], list[str]]


def _execute(
    schema_editor: BaseDatabaseSchemaEditor,
    sqlite: StatementsOf,
    postgresql: StatementsOf,
    indexes: Sequence[Indexed] = FIRST,
) -> None:
    """Each index's statements for this database (none for another database)."""
    statements = {"sqlite": sqlite, "postgresql": postgresql}.get(schema_editor.connection.vendor)
    if statements is None:
        return
    for index in indexes:
        for sql in statements(index):
            schema_editor.execute(sql)


def create(apps: Any, schema_editor: BaseDatabaseSchemaEditor) -> None:
    """Migration: create the index on this database and fill it from the rows there."""
    _execute(schema_editor, _sqlite_create, _postgres_create)


def drop(apps: Any, schema_editor: BaseDatabaseSchemaEditor) -> None:
    """Migration reversed: no index left behind."""
    _execute(schema_editor, _sqlite_drop, _postgres_drop)


def create_papers(apps: Any, schema_editor: BaseDatabaseSchemaEditor) -> None:
    """Migration api 0003: the index of agenda papers' text."""
    _execute(schema_editor, _sqlite_create, _postgres_create, (PAPERS,))


def drop_papers(apps: Any, schema_editor: BaseDatabaseSchemaEditor) -> None:
    _execute(schema_editor, _sqlite_drop, _postgres_drop, (PAPERS,))


def create_documents(apps: Any, schema_editor: BaseDatabaseSchemaEditor) -> None:
    """Migration api 0004: the index of the other public documents' text."""
    _execute(schema_editor, _sqlite_create, _postgres_create, DOCUMENTS)


def drop_documents(apps: Any, schema_editor: BaseDatabaseSchemaEditor) -> None:
    _execute(schema_editor, _sqlite_drop, _postgres_drop, DOCUMENTS)


def best_matches_sql(
    vendor: str, index: Indexed, allowed: str, allowed_params: Sequence[Any], query: str
) -> tuple[str, list[Any]] | None:
    """The query for the ids of the rows of `allowed` (the SQL of a queryset's
    `.values("pk")`) that match `query`, best first, and its parameters (the limit to add
    last); None if nothing can match.

    A join rather than `IN (...)`: the database then starts from the index and checks each
    match by its primary key, instead of listing every allowed row first."""
    name = _q(index.name)
    # Ranking every match is what made a phrase of common words slow: "next steps" over
    # 100,000 updates that all hold it took 124 ms on SQLite (FTS5 computes bm25 for every
    # match before sorting) and 208 ms on PostgreSQL (ts_rank of every match). Read the matches
    # newest first instead, stopping at CANDIDATES, and rank only those: a query matching at
    # most CANDIDATES allowed rows is ranked exactly as before; one matching more gives the
    # best of its newest CANDIDATES (docs/DECISIONS.md, issue 14).
    if vendor == "postgresql":
        wanted = f"websearch_to_tsquery({POSTGRES_CONFIG}, %s)"
        sql = (
            "SELECT id FROM ("  # noqa: S608
            f"SELECT {name}.id AS id, {name}.document AS document FROM {name} "
            f"JOIN ({allowed}) AS allowed ON allowed.pk = {name}.id "
            f"WHERE {name}.document @@ {wanted} ORDER BY {name}.id DESC LIMIT %s"
            f") AS candidates ORDER BY ts_rank(candidates.document, {wanted}) DESC, id DESC "
            "LIMIT %s"
        )
        return sql, [*allowed_params, query, CANDIDATES, query]
    match = sqlite_match(query)
    if not match:
        return None
    # FTS5 reads its index in rowid order and stops at the LIMIT.
    sql = (
        "SELECT id FROM ("  # noqa: S608
        f"SELECT {name}.rowid AS id, {name}.rank AS rank FROM {name} JOIN ({allowed}) AS allowed "
        f"ON allowed.pk = {name}.rowid WHERE {name} MATCH %s "
        f"ORDER BY {name}.rowid DESC LIMIT %s"
        ") AS candidates ORDER BY rank, id DESC LIMIT %s"
    )
    return sql, [*allowed_params, match, CANDIDATES]


def best_matches(
    connection: BaseDatabaseWrapper,
    index: Indexed,
    allowed: str,
    allowed_params: Sequence[Any],
    query: str,
    limit: int,
) -> list[int]:
    """The ids of the best `limit` matches of `query` among the rows `allowed` selects."""
    found = best_matches_sql(connection.vendor, index, allowed, allowed_params, query)
    if found is None:
        return []
    sql, params = found
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, limit])
        return [row[0] for row in cursor.fetchall()]


def repair(connection: BaseDatabaseWrapper) -> list[str]:
    """SQLite: put back triggers a later migration dropped, and rebuild those tables' index.

    Django's SQLite schema editor changes a table by copying it to a new one and dropping the
    old, and SQLite drops a table's triggers with it, so after any migration that altered an
    indexed table the index would stop following it. Run after every `migrate` (post_migrate);
    does nothing where the index was never created (before api 0002 or after reversing it).
    PostgreSQL alters tables in place and keeps their triggers. Returns the tables repaired."""
    if connection.vendor != "sqlite":
        return []
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
        existing = {row[0] for row in cursor.fetchall()}
        repaired = []
        for index in INDEXED:
            if index.name not in existing or index.table not in existing:
                continue
            if set(index.triggers()) <= existing:
                continue
            for sql in _sqlite_create(index):
                cursor.execute(sql)
            repaired.append(index.table)
    return repaired


def repair_after_migrate(using: str = "default", **kwargs: Any) -> None:
    from django.db import connections

    repair(connections[using])
