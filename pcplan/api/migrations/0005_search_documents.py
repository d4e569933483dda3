"""The other documents the public may download are searched by their text (issue 14 item 4):
indexes of the specified information's published documents, published reports and annual
reports (pcplan.api.search_index.DOCUMENTS), after the columns they read. Files stored before
have no words until `pcplan index-documents` reads them (docs/deployment.md)."""

from django.db import migrations

from pcplan.api import search_index


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0004_squashed"),
        # For an installation part-way through the old history, where the squash is left out.
        ("api", "0003_search_papers"),
        ("reports", "0008_document_text"),
        ("transparency", "0007_document_text"),
    ]

    operations = [
        migrations.RunPython(
            search_index.create_documents, search_index.drop_documents, elidable=False
        ),
    ]
