"""A funded post names the grant award that pays for it (issue 11 item 5); a funded post or a
local issue may be recorded before its CSP or start date is known (seed 002 item 7 §5.3-5.4
name neither the four areas nor the dates)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("grants", "0003_service_return_reminders"),
        ("partnerships", "0002_local_issues_and_funded_posts"),
    ]

    operations = [
        migrations.AddField(
            model_name="fundedpost",
            name="award",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="funded_posts",
                to="grants.award",
                verbose_name="grant award",
            ),
        ),
        migrations.AddField(
            model_name="historicalfundedpost",
            name="award",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="grants.award",
                verbose_name="grant award",
            ),
        ),
        migrations.AlterField(
            model_name="fundedpost",
            name="body",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="funded_posts",
                to="partnerships.body",
            ),
        ),
        migrations.AlterField(
            model_name="fundedpost",
            name="funded_from",
            field=models.DateField(blank=True, null=True, verbose_name="funded from"),
        ),
        migrations.AlterField(
            model_name="historicalfundedpost",
            name="funded_from",
            field=models.DateField(blank=True, null=True, verbose_name="funded from"),
        ),
        migrations.AlterField(
            model_name="localissue",
            name="body",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="local_issues",
                to="partnerships.body",
            ),
        ),
        migrations.AlterField(
            model_name="localissue",
            name="opened_on",
            field=models.DateField(blank=True, null=True, verbose_name="taken on"),
        ),
        migrations.AlterField(
            model_name="historicallocalissue",
            name="opened_on",
            field=models.DateField(blank=True, null=True, verbose_name="taken on"),
        ),
    ]
