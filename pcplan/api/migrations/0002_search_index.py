"""The full-text index of search: SQLite FTS5 tables kept in step by triggers, or PostgreSQL
GIN indexes, on the plans, deliverables, updates, meetings, agenda items and minutes tables
(pcplan.api.search_index says which columns). One migration here rather than one in each of
those apps: the index belongs to search, and a search change touches no other app's history.
"""

from django.db import migrations

from pcplan.api import search_index


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0001_initial"),
        ("plans", "0003_key_objectives_shared_outcomes_pledges"),
        ("delivery", "0005_dependencies_and_risk"),
        ("panel", "0008_meeting_versions"),
    ]

    operations = [
        migrations.RunPython(search_index.create, search_index.drop, elidable=False),
    ]
