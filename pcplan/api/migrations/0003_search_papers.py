"""Agenda papers are searched by their text (issue 14 item 4): an index of
AgendaItem.report_text beside the agenda items' own (pcplan.api.search_index.PAPERS)."""

from django.db import migrations

from pcplan.api import search_index


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0002_search_index"),
        ("panel", "0012_paper_text"),
    ]

    operations = [
        migrations.RunPython(
            search_index.create_papers, search_index.drop_papers, elidable=False
        ),
    ]
