"""Each body numbers its own minutes, and a body's attendance is taken from its memberships
(issue 11: one meetings engine).

A minute carries its meeting's body, and the database keeps (body, number) unique in place of
one number across all meetings. Existing minutes, and their history, take their meeting's body,
so the Panel's numbers are unchanged. Attendance names a Panel member (the Panel) or a
membership of the body on the day (every other body), one of the two.

On PostgreSQL the new foreign key's checks are deferred to the end of the transaction, and a
table with pending checks cannot be altered: the checks are run at once after filling the
column (SET CONSTRAINTS ... IMMEDIATE), so that the column can be made required here.
"""

from typing import Any

import django.db.models.deletion
from django.db import migrations, models

PANEL_KEY = "police-and-crime-panel"  # pcplan.partnerships.models.PANEL_KEY


def minutes_take_their_meetings_body(apps: Any, schema_editor: Any) -> None:
    Meeting = apps.get_model("panel", "Meeting")
    MinuteItem = apps.get_model("panel", "MinuteItem")
    HistoricalMinuteItem = apps.get_model("panel", "HistoricalMinuteItem")
    Body = apps.get_model("partnerships", "Body")
    bodies = dict(Meeting.objects.values_list("pk", "body_id"))
    for body_id in set(bodies.values()):
        meetings = [pk for pk, body in bodies.items() if body == body_id]
        MinuteItem.objects.filter(meeting_id__in=meetings).update(body_id=body_id)
        HistoricalMinuteItem.objects.filter(meeting_id__in=meetings).update(body_id=body_id)
    # History of minutes whose meeting is gone: before this migration every number was in
    # the Panel's one sequence, so they stay the Panel's and are never reused.
    panel = Body.objects.filter(key=PANEL_KEY).values_list("pk", flat=True).first()
    if panel is not None:
        HistoricalMinuteItem.objects.filter(body_id=None).update(body_id=panel)
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        schema_editor.execute("SET CONSTRAINTS ALL DEFERRED")


class Migration(migrations.Migration):
    dependencies = [
        ("panel", "0009_forward_plan_item_report"),
        ("partnerships", "0002_local_issues_and_funded_posts"),
    ]

    operations = [
        migrations.AddField(
            model_name="minuteitem",
            name="body",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="partnerships.body",
                verbose_name="body",
            ),
        ),
        migrations.AddField(
            model_name="historicalminuteitem",
            name="body",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="partnerships.body",
                verbose_name="body",
            ),
        ),
        migrations.RunPython(minutes_take_their_meetings_body, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="minuteitem",
            name="body",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="partnerships.body",
                verbose_name="body",
            ),
        ),
        migrations.AlterField(
            model_name="minuteitem",
            name="number",
            field=models.PositiveIntegerField(),
        ),
        migrations.AlterField(
            model_name="historicalminuteitem",
            name="number",
            field=models.PositiveIntegerField(),
        ),
        migrations.AddConstraint(
            model_name="minuteitem",
            constraint=models.UniqueConstraint(
                fields=("body", "number"), name="panel_minute_number_per_body"
            ),
        ),
        migrations.AlterField(
            model_name="attendance",
            name="member",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="attendances",
                to="panel.panelmember",
            ),
        ),
        migrations.AddField(
            model_name="attendance",
            name="membership",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="attendances",
                to="partnerships.membership",
                verbose_name="membership",
            ),
        ),
        migrations.AddField(
            model_name="historicalattendance",
            name="membership",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="partnerships.membership",
                verbose_name="membership",
            ),
        ),
        migrations.AddConstraint(
            model_name="attendance",
            constraint=models.UniqueConstraint(
                fields=("meeting", "membership"), name="panel_attendance_membership_uniq"
            ),
        ),
        migrations.AddConstraint(
            model_name="attendance",
            constraint=models.CheckConstraint(
                condition=models.Q(("member__isnull", False), ("membership__isnull", True))
                | models.Q(("member__isnull", True), ("membership__isnull", False)),
                name="panel_attendance_one_person",
            ),
        ),
    ]
