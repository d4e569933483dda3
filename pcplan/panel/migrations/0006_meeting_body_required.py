"""Every meeting now has a body (filled by 0005): the column becomes required."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("panel", "0005_meeting_body"),
    ]

    operations = [
        migrations.AlterField(
            model_name="meeting",
            name="body",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="meetings",
                to="partnerships.body",
                verbose_name="body",
            ),
        ),
    ]
