"""Every meeting belongs to a body (issue 11: one meetings engine for every partnership and
board). The Panel becomes a body of the office, named as the office profile names it, and
every existing meeting, with its history, is the Panel's. Nothing else about a meeting changes.

The column is made required by the next migration: on PostgreSQL a table cannot be altered in
the transaction that filled its new foreign key (the key's checks are deferred to the end).
"""

from typing import Any

import django.db.models.deletion
from django.db import migrations, models
from django.utils import timezone

PANEL_KEY = "police-and-crime-panel"  # pcplan.partnerships.models.PANEL_KEY, as it was made
PANEL_WORDS = "Police and Crime Panel"  # the office profile's words when it names no Panel


def meetings_to_the_panel(apps: Any, schema_editor: Any) -> None:
    Office = apps.get_model("core", "Office")
    Body = apps.get_model("partnerships", "Body")
    HistoricalBody = apps.get_model("partnerships", "HistoricalBody")
    Meeting = apps.get_model("panel", "Meeting")
    HistoricalMeeting = apps.get_model("panel", "HistoricalMeeting")
    office = Office.objects.first()
    if office is None and not Meeting.objects.exists():
        return  # a new installation: the Panel's body is made with its first meeting
    body = Body.objects.filter(key=PANEL_KEY).first()
    if body is None:
        now = timezone.now()
        values = {
            "key": PANEL_KEY,
            "name": (office.panel_name if office is not None else "") or PANEL_WORDS,
            "kind": "scrutiny-panel",
            "meetings_public": True,
            "is_published": True,
            "published_at": now,
        }
        body = Body.objects.create(**values)
        HistoricalBody.objects.create(
            id=body.id,
            history_date=now,
            history_type="+",
            history_change_reason="Made for the Panel's meetings",
            **values,
        )
    Meeting.objects.filter(body=None).update(body=body)
    HistoricalMeeting.objects.filter(body=None).update(body=body)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0004_office_profile_help_texts"),
        ("panel", "0004_agenda_reports_on_default_storage"),
        ("partnerships", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="meeting",
            name="body",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="meetings",
                to="partnerships.body",
                verbose_name="body",
            ),
        ),
        migrations.AddField(
            model_name="historicalmeeting",
            name="body",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="partnerships.body",
                verbose_name="body",
            ),
        ),
        migrations.RunPython(meetings_to_the_panel, migrations.RunPython.noop),
    ]
