"""Search answers from a full-text index (issue 14 item 4): SQLite FTS5 kept in step by
triggers, PostgreSQL GIN indexes; results ranked; drafts never in public results."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.urls import reverse

from pcplan.api import search_index
from pcplan.api.search import SOURCES, search, staff_sources
from pcplan.delivery.models import Deliverable, Update
from tests.factories import DeliverableFactory, UpdateFactory

pytestmark = pytest.mark.django_db


def titles(hits, kind=None):
    return [h.title for h in hits if kind is None or h.kind == kind]


def test_a_planted_draft_is_never_a_public_result(client, theme, contributor):
    DeliverableFactory(theme=theme, title="Published kestrel patrols")
    DeliverableFactory(theme=theme, title="Draft kestrel patrols", is_published=False)
    assert titles(search("kestrel")) == ["Published kestrel patrols"]
    page = client.get(reverse("api:search"), {"q": "kestrel"})
    assert "Draft kestrel" not in page.content.decode()
    client.force_login(contributor)
    page = client.get(reverse("api:staff-search"), {"q": "kestrel"})
    assert "Draft kestrel patrols (draft)" in page.content.decode()


def test_the_best_match_comes_first(theme):
    weak = DeliverableFactory(
        theme=theme, title="Estates review", purpose="Includes one note on lighting."
    )
    strong = DeliverableFactory(
        theme=theme, title="Street lighting", purpose="Lighting survey and lighting repairs."
    )
    assert titles(search("lighting")) == [strong.title, weak.title]


def test_words_are_found_by_their_stem(published_update):
    Update.objects.filter(pk=published_update.pk).update(text="Victims were supported.")
    assert titles(search("victim"), "Update") != []
    assert titles(search("supporting victims"), "Update") != []


def test_rows_written_in_bulk_or_by_update_are_found_and_deleted_ones_are_not(
    constabulary_deliverable,
):
    Update.objects.bulk_create(
        Update(
            deliverable=constabulary_deliverable,
            date=dt.date(2023, 1, 1),
            text=f"Quarterly note {n} on wombats.",
            is_published=True,
        )
        for n in range(3)
    )
    assert len(titles(search("wombats"), "Update")) == 3
    Update.objects.filter(text__contains="note 0").update(text="Rewritten about otters.")
    assert len(titles(search("wombats"), "Update")) == 2
    assert len(titles(search("otters"), "Update")) == 1
    Update.objects.filter(text__contains="wombats").delete()
    assert titles(search("wombats")) == []
    assert len(titles(search("otters"), "Update")) == 1


def test_a_deliverable_withdrawn_from_publication_leaves_the_public_results(theme, contributor):
    deliverable = DeliverableFactory(theme=theme, title="Heron watch")
    assert titles(search("heron")) == ["Heron watch"]
    Deliverable.objects.filter(pk=deliverable.pk).update(is_published=False)
    assert titles(search("heron")) == []
    assert titles(search("heron", staff_sources(contributor))) == ["Heron watch (draft)"]


@pytest.mark.parametrize(
    "query", ['"', "AND", "NEAR(x y)", "title:x", "a* OR -b", "()", "^", "'", "--"]
)
def test_what_looks_like_query_syntax_is_read_as_words(client, published_update, query):
    search(query)  # no error, whatever it finds
    assert client.get(reverse("api:search"), {"q": query}).status_code == 200


def test_every_source_is_indexed_on_its_own_table(administrator, contributor):
    for source in SOURCES + staff_sources(administrator) + staff_sources(contributor):
        model = source.rows().model
        assert source.index.table == model._meta.db_table
        columns = {f.column for f in model._meta.concrete_fields}
        assert set(source.index.columns) <= columns
    assert {s.index for s in SOURCES} == set(search_index.INDEXED)


class SchemaEditor:
    """What the migration's functions use of a schema editor."""

    connection = connection

    def execute(self, sql):
        with connection.cursor() as cursor:
            cursor.execute(sql)


def index_objects():
    if connection.vendor == "sqlite":
        sql = "SELECT name FROM sqlite_master WHERE name LIKE 'search_%'"
    else:
        sql = (
            "SELECT tablename FROM pg_tables WHERE tablename LIKE 'search_%' UNION "
            "SELECT tgname FROM pg_trigger WHERE tgname LIKE 'search_%' UNION "
            "SELECT proname FROM pg_proc WHERE proname LIKE 'search_%'"
        )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return {row[0] for row in cursor.fetchall()}


def test_the_migration_creates_the_index_and_its_reverse_drops_it(published_update):
    assert {i.name for i in search_index.INDEXED} <= index_objects()
    search_index.drop_documents(None, SchemaEditor())
    search_index.drop_papers(None, SchemaEditor())
    search_index.drop(None, SchemaEditor())
    assert index_objects() == set()
    search_index.create(None, SchemaEditor())
    search_index.create_papers(None, SchemaEditor())
    search_index.create_documents(None, SchemaEditor())
    assert {i.name for i in search_index.INDEXED} <= index_objects()
    # Made again from the rows already there.
    assert titles(search(published_update.text), "Update") != []


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's triggers")
def test_triggers_a_table_change_dropped_are_put_back_after_migrate(constabulary_deliverable):
    # Django's SQLite schema editor changes a table by copying it and dropping the old one,
    # which drops its triggers too.
    with connection.cursor() as cursor:
        for name in search_index.UPDATES.triggers():
            cursor.execute(f'DROP TRIGGER "{name}"')
    UpdateFactory(deliverable=constabulary_deliverable, text="Badger sett survey.")
    assert titles(search("badger")) == []
    assert search_index.repair(connection) == [search_index.UPDATES.table]
    assert len(titles(search("badger"), "Update")) == 1
    assert search_index.repair(connection) == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner")
def test_postgresql_answers_from_the_gin_index(published_update):
    allowed, params = Update.objects.values("pk").query.sql_with_params()
    found = search_index.best_matches_sql(
        connection.vendor, search_index.UPDATES, allowed, params, "progress"
    )
    assert found is not None
    sql, params = found
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, [*params, 20])
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "search_delivery_update_document" in plan


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5")
def test_sqlite_reads_the_newest_matches_and_stops_instead_of_ranking_them_all(
    published_update,
):
    """A phrase of two common words over 100,000 updates took 124 ms when FTS5 ranked every
    match (docs/PERFORMANCE.md, issue 14): the index is read in rowid order, with no sort of
    its own, so it stops after CANDIDATES rows; only those are ranked."""
    allowed, params = Update.objects.values("pk").query.sql_with_params()
    found = search_index.best_matches_sql(
        connection.vendor, search_index.UPDATES, allowed, params, '"next steps"'
    )
    assert found is not None
    sql, params = found
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, [*params, 20])
        plan = [row[3] for row in cursor.fetchall()]
    assert any(step.startswith("SCAN search_delivery_update VIRTUAL TABLE") for step in plan)
    # One sort only: the candidates' rank, outside the index scan.
    assert sum("TEMP B-TREE" in step for step in plan) == 1, plan


def test_many_matches_are_ranked_among_the_newest_allowed(monkeypatch, constabulary_deliverable):
    """Over CANDIDATES matches, the best of the newest allowed ones come first; a newer
    draft neither appears nor takes a candidate's place. The same on both databases."""
    monkeypatch.setattr(search_index, "CANDIDATES", 3)

    def update(text: str, published: bool = True) -> Any:
        return UpdateFactory(
            deliverable=constabulary_deliverable, text=text, is_published=published
        )

    best = update("Ferrets ferrets ferrets.")
    update("A note on ferrets and many other words besides these.")
    newest = [update(f"Ferrets seen {n}.") for n in range(3)]
    update("Ferrets ferrets ferrets ferrets in a draft.", published=False)
    found = [h.snippet for h in search("ferrets") if h.kind == "Update"]
    assert sorted(found) == sorted(u.text for u in newest)
    assert best.text not in found
