"""Update rounds and requests: reports 0001-0005 squashed (generated reports, which point at
agenda items, are in 0007).

Left out: reports 0005's data fix (the day of the last reminder kept from its time). A new
database has no update requests.

pcplan.core.squashed_history says what every squashed migration replaces and how it runs.
"""

import django.db.models.deletion
import pcplan.core.reminders
import simple_history.models
from django.conf import settings
from django.db import migrations, models

from pcplan.core.squashed_history import SquashedMigration


class Migration(SquashedMigration):

    dependencies = [
        ('core', '0008_squashed'),
        ('plans', '0005_squashed'),
    ]

    operations = [
        migrations.CreateModel(
            name='HistoricalUpdateRound',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('due_on', models.DateField(verbose_name='updates due by')),
                ('message', models.TextField(blank=True)),
                ('requested_at', models.DateTimeField()),
                ('plan', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='plans.plan')),
                ('requested_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical update round',
                'verbose_name_plural': 'historical update rounds',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
                'indexes': [],
                'constraints': [],
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='UpdateRound',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('plan', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='update_rounds', to='plans.plan')),
                ('due_on', models.DateField(verbose_name='updates due by')),
                ('message', models.TextField(blank=True)),
                ('requested_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('requested_at', models.DateTimeField()),
            ],
            options={
                'ordering': ['-requested_at', '-id'],
                'indexes': [],
                'constraints': [],
            },
        ),
        migrations.CreateModel(
            name='HistoricalUpdateRequest',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('last_reminded_on', pcplan.core.reminders.LastRemindedField(blank=True, editable=False, null=True, verbose_name='last reminded')),
                ('round', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='reports.updateround')),
                ('organisation', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='core.organisation')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical update request',
                'verbose_name_plural': 'historical update requests',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
                'indexes': [],
                'constraints': [],
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='UpdateRequest',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('round', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='requests', to='reports.updateround')),
                ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='update_requests', to='core.organisation')),
                ('last_reminded_on', pcplan.core.reminders.LastRemindedField(blank=True, editable=False, null=True, verbose_name='last reminded')),
            ],
            options={
                'ordering': ['round', 'organisation__name'],
                'constraints': [models.UniqueConstraint(fields=('round', 'organisation'), name='update_request_once_per_organisation')],
                'indexes': [],
            },
        ),
    ]
