"""The Panel's members: panel 0001-0013 squashed (the meetings, which belong to a body of
partnerships, are in 0015).

pcplan.core.squashed_history says what every squashed migration replaces and how it runs.
"""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

from pcplan.core.squashed_history import SquashedMigration


class Migration(SquashedMigration):

    dependencies = [
        ('core', '0008_squashed'),
    ]

    operations = [
        migrations.CreateModel(
            name='HistoricalPanelMember',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('name', models.CharField(max_length=120)),
                ('kind', models.CharField(choices=[('councillor', 'Councillor'), ('independent', 'Independent co-opted member'), ('substitute', 'Substitute councillor')], max_length=20)),
                ('authority', models.CharField(blank=True, max_length=120)),
                ('office', models.CharField(choices=[('member', 'Member'), ('chair', 'Chair'), ('vice-chair', 'Vice-Chair')], default='member', max_length=20)),
                ('start_date', models.DateField()),
                ('end_date', models.DateField(blank=True, null=True)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical panel member',
                'verbose_name_plural': 'historical panel members',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
                'indexes': [],
                'constraints': [],
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='PanelMember',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('name', models.CharField(max_length=120)),
                ('kind', models.CharField(choices=[('councillor', 'Councillor'), ('independent', 'Independent co-opted member'), ('substitute', 'Substitute councillor')], max_length=20)),
                ('authority', models.CharField(blank=True, max_length=120)),
                ('office', models.CharField(choices=[('member', 'Member'), ('chair', 'Chair'), ('vice-chair', 'Vice-Chair')], default='member', max_length=20)),
                ('start_date', models.DateField()),
                ('end_date', models.DateField(blank=True, null=True)),
            ],
            options={
                'ordering': ['kind', 'name'],
                'indexes': [],
                'constraints': [],
            },
        ),
    ]
