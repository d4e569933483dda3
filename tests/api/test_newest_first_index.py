"""The API's list of updates, newest first, reads the updates in order through an index and
stops at the page's end, rather than sorting every published update for each page (issue 14,
Performance: "list endpoints at 10,000 deliverables and 100,000 updates"; 70 ms against 0.5 ms
for that query at that size, docs/PERFORMANCE.md)."""

from __future__ import annotations

import pytest
from django.db import connection

from pcplan.api import public

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="PostgreSQL's planner chooses by the table's statistics, which an empty test table "
    "does not have; benchmarks/page_throughput.py --api --bulk measures it at size",
)
def test_a_page_of_updates_is_read_in_order_not_sorted():
    sql, params = public.updates()[:50].query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = "\n".join(str(row[-1]) for row in cursor.fetchall())
    assert "update_newest_first" in plan, plan
    assert "TEMP B-TREE FOR ORDER BY" not in plan, plan
