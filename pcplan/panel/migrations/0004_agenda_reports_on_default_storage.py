"""Agenda item reports move from a database column to files on the default storage.

The bytes of every stored report are written as a file (STORAGES["default"]: local files, or
an S3-compatible bucket when configured) before the column is dropped; going back reads the
files into the column again.
"""

from typing import Any

from django.core.files.base import ContentFile
from django.db import migrations, models

import pcplan.panel.models


def bytes_to_files(apps: Any, schema_editor: Any) -> None:
    AgendaItem = apps.get_model("panel", "AgendaItem")
    for item in AgendaItem.objects.exclude(report_pdf=None).iterator():
        data = bytes(item.report_pdf)
        if not data:
            continue
        item.report_file.save(item.report_filename or "report.pdf", ContentFile(data), save=False)
        item.save(update_fields=["report_file"])


def files_to_bytes(apps: Any, schema_editor: Any) -> None:
    AgendaItem = apps.get_model("panel", "AgendaItem")
    for item in AgendaItem.objects.exclude(report_file="").iterator():
        with item.report_file.open("rb") as report:
            item.report_pdf = report.read()
        item.save(update_fields=["report_pdf"])


class Migration(migrations.Migration):
    dependencies = [
        ("panel", "0003_deliverable_links_in_history"),
    ]

    operations = [
        migrations.AddField(
            model_name="agendaitem",
            name="report_file",
            field=models.FileField(
                blank=True,
                editable=False,
                max_length=300,
                upload_to=pcplan.panel.models.agenda_report_path,
            ),
        ),
        migrations.AddField(
            model_name="historicalagendaitem",
            name="report_file",
            field=models.TextField(blank=True, editable=False, max_length=300),
        ),
        migrations.RunPython(bytes_to_files, files_to_bytes),
        migrations.RemoveField(
            model_name="agendaitem",
            name="report_pdf",
        ),
    ]
