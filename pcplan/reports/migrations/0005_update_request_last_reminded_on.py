"""Update requests record the day of the last reminder, as grant returns do (issue 10: one
shared reminder rule, core.reminders). The time of day was never used; the day, in the
office's time zone, is kept."""

import datetime as dt

from django.db import migrations
from django.utils import timezone

import pcplan.core.reminders


def keep_the_day(apps, schema_editor):
    for name in ("UpdateRequest", "HistoricalUpdateRequest"):
        model = apps.get_model("reports", name)
        for row in model.objects.exclude(last_reminded_at=None):
            model.objects.filter(pk=row.pk).update(
                last_reminded_on=timezone.localdate(row.last_reminded_at)
            )


def back_to_the_start_of_the_day(apps, schema_editor):
    for name in ("UpdateRequest", "HistoricalUpdateRequest"):
        model = apps.get_model("reports", name)
        for row in model.objects.exclude(last_reminded_on=None):
            model.objects.filter(pk=row.pk).update(
                last_reminded_at=timezone.make_aware(
                    dt.datetime.combine(row.last_reminded_on, dt.time())
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0004_generated_report_theme_and_agenda_paper"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalupdaterequest",
            name="last_reminded_on",
            field=pcplan.core.reminders.LastRemindedField(
                blank=True, editable=False, null=True, verbose_name="last reminded"
            ),
        ),
        migrations.AddField(
            model_name="updaterequest",
            name="last_reminded_on",
            field=pcplan.core.reminders.LastRemindedField(
                blank=True, editable=False, null=True, verbose_name="last reminded"
            ),
        ),
        migrations.RunPython(keep_the_day, back_to_the_start_of_the_day),
        migrations.RemoveField(
            model_name="historicalupdaterequest",
            name="last_reminded_at",
        ),
        migrations.RemoveField(
            model_name="updaterequest",
            name="last_reminded_at",
        ),
    ]
