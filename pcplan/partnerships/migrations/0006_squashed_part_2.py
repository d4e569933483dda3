"""Partnerships, second part: the models that point at grant awards.

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
        ('grants', '0007_squashed_part_2'),
        ('partnerships', '0005_squashed'),
    ]

    operations = [
        migrations.CreateModel(
            name='HistoricalFundedPost',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('title', models.CharField(max_length=200, verbose_name='post')),
                ('funded_from', models.DateField(blank=True, null=True, verbose_name='funded from')),
                ('funded_until', models.DateField(verbose_name='funded until')),
                ('amount', models.DecimalField(blank=True, decimal_places=2, help_text='The whole award for the post; leave empty when not known.', max_digits=12, null=True, verbose_name='funding (£)')),
                ('notes', models.TextField(blank=True, verbose_name='notes')),
                ('body', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='partnerships.body')),
                ('host', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='core.organisation', verbose_name='hosted by')),
                ('award', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='grants.award', verbose_name='grant award')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical funded post',
                'verbose_name_plural': 'historical funded posts',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
                'indexes': [],
                'constraints': [],
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='FundedPost',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('body', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='funded_posts', to='partnerships.body')),
                ('title', models.CharField(max_length=200, verbose_name='post')),
                ('host', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='funded_posts', to='core.organisation', verbose_name='hosted by')),
                ('funded_from', models.DateField(blank=True, null=True, verbose_name='funded from')),
                ('funded_until', models.DateField(verbose_name='funded until')),
                ('amount', models.DecimalField(blank=True, decimal_places=2, help_text='The whole award for the post; leave empty when not known.', max_digits=12, null=True, verbose_name='funding (£)')),
                ('notes', models.TextField(blank=True, verbose_name='notes')),
                ('award', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='funded_posts', to='grants.award', verbose_name='grant award')),
            ],
            options={
                'ordering': ['body', 'funded_until', 'pk'],
                'constraints': [models.CheckConstraint(condition=models.Q(('funded_until__gte', models.F('funded_from'))), name='funded_post_ends_after_start')],
                'indexes': [],
            },
        ),
    ]
