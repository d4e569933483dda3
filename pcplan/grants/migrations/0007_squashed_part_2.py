"""Grants, second part: the models that point at the decision register's decisions.

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
        ('grants', '0006_squashed'),
        ('transparency', '0006_squashed_part_2'),
    ]

    operations = [
        migrations.CreateModel(
            name='HistoricalAward',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('is_published', models.BooleanField(default=False, verbose_name='published')),
                ('published_at', models.DateTimeField(blank=True, null=True, verbose_name='published at')),
                ('reference', models.SlugField(max_length=80, verbose_name='reference')),
                ('purpose', models.TextField(verbose_name='purpose')),
                ('amount', models.DecimalField(blank=True, decimal_places=2, help_text='Empty when the source does not say.', max_digits=14, null=True, verbose_name='amount')),
                ('amount_note', models.CharField(blank=True, max_length=300, verbose_name='note on the amount')),
                ('conditions', models.TextField(blank=True, verbose_name='conditions')),
                ('payment_schedule', models.TextField(blank=True, verbose_name='payment schedule')),
                ('starts_on', models.DateField(blank=True, null=True, verbose_name='starts')),
                ('ends_on', models.DateField(blank=True, null=True, verbose_name='ends')),
                ('decision_date', models.DateField(blank=True, null=True, verbose_name='decision date')),
                ('reasons', models.TextField(blank=True, verbose_name='reasons')),
                ('budget_override_reason', models.TextField(blank=True, verbose_name="reason for exceeding the fund's budget")),
                ('source_note', models.CharField(blank=True, max_length=300, verbose_name='where this record comes from')),
                ('published_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='published by')),
                ('fund', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='grants.fund')),
                ('application', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='grants.application')),
                ('recipient', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='core.organisation', verbose_name='recipient')),
                ('area', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='core.communitysafetypartnership', verbose_name='area (Community Safety Partnership)')),
                ('decision', models.ForeignKey(blank=True, db_constraint=False, help_text='The decision record in the decision register: its number, date and maker. One decision may make several awards.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='transparency.decision', verbose_name='decision')),
                ('decided_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical award',
                'verbose_name_plural': 'historical awards',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
                'indexes': [],
                'constraints': [],
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='Award',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('is_published', models.BooleanField(default=False, verbose_name='published')),
                ('published_at', models.DateTimeField(blank=True, null=True, verbose_name='published at')),
                ('published_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='published by')),
                ('reference', models.SlugField(max_length=80, unique=True, verbose_name='reference')),
                ('fund', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='awards', to='grants.fund')),
                ('application', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='award', to='grants.application')),
                ('recipient', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='grant_awards', to='core.organisation', verbose_name='recipient')),
                ('area', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='core.communitysafetypartnership', verbose_name='area (Community Safety Partnership)')),
                ('purpose', models.TextField(verbose_name='purpose')),
                ('amount', models.DecimalField(blank=True, decimal_places=2, help_text='Empty when the source does not say.', max_digits=14, null=True, verbose_name='amount')),
                ('amount_note', models.CharField(blank=True, max_length=300, verbose_name='note on the amount')),
                ('conditions', models.TextField(blank=True, verbose_name='conditions')),
                ('payment_schedule', models.TextField(blank=True, verbose_name='payment schedule')),
                ('starts_on', models.DateField(blank=True, null=True, verbose_name='starts')),
                ('ends_on', models.DateField(blank=True, null=True, verbose_name='ends')),
                ('decision', models.ForeignKey(blank=True, help_text='The decision record in the decision register: its number, date and maker. One decision may make several awards.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='grant_awards', to='transparency.decision', verbose_name='decision')),
                ('decision_date', models.DateField(blank=True, null=True, verbose_name='decision date')),
                ('decided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('reasons', models.TextField(blank=True, verbose_name='reasons')),
                ('budget_override_reason', models.TextField(blank=True, verbose_name="reason for exceeding the fund's budget")),
                ('source_note', models.CharField(blank=True, max_length=300, verbose_name='where this record comes from')),
            ],
            options={
                'ordering': ['-decision_date', 'reference'],
                'indexes': [models.Index(fields=['-decision_date', 'reference'], name='award_register')],
                'constraints': [models.CheckConstraint(condition=models.Q(('amount__isnull', True), ('amount__gte', 0), _connector='OR'), name='award_amount_not_negative')],
            },
        ),
        migrations.CreateModel(
            name='HistoricalVariation',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('kind', models.CharField(choices=[('variation', 'Variation'), ('clawback', 'Clawback')], max_length=10, verbose_name='kind')),
                ('date', models.DateField(verbose_name='date')),
                ('previous_amount', models.DecimalField(blank=True, decimal_places=2, max_digits=14, null=True, verbose_name='amount before')),
                ('new_amount', models.DecimalField(blank=True, decimal_places=2, max_digits=14, null=True, verbose_name='amount after')),
                ('reason', models.TextField(verbose_name='reason')),
                ('award', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='grants.award')),
                ('recorded_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('decision', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='transparency.decision', verbose_name='decision')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical variation',
                'verbose_name_plural': 'historical variations',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
                'indexes': [],
                'constraints': [],
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='Variation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('award', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='variations', to='grants.award')),
                ('kind', models.CharField(choices=[('variation', 'Variation'), ('clawback', 'Clawback')], max_length=10, verbose_name='kind')),
                ('date', models.DateField(verbose_name='date')),
                ('previous_amount', models.DecimalField(blank=True, decimal_places=2, max_digits=14, null=True, verbose_name='amount before')),
                ('new_amount', models.DecimalField(blank=True, decimal_places=2, max_digits=14, null=True, verbose_name='amount after')),
                ('reason', models.TextField(verbose_name='reason')),
                ('recorded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('decision', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='grant_variations', to='transparency.decision', verbose_name='decision')),
            ],
            options={
                'ordering': ['date', 'id'],
                'indexes': [],
                'constraints': [],
            },
        ),
        migrations.CreateModel(
            name='HistoricalMonitoringReturn',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('due_on', models.DateField(verbose_name='due')),
                ('received_on', models.DateField(blank=True, null=True, verbose_name='received')),
                ('spend_to_date', models.DecimalField(blank=True, decimal_places=2, max_digits=14, null=True, verbose_name='spend to date')),
                ('outputs', models.TextField(blank=True, verbose_name='outputs')),
                ('outcomes', models.TextField(blank=True, verbose_name='outcomes against those sought')),
                ('last_reminded_on', pcplan.core.reminders.LastRemindedField(blank=True, editable=False, null=True, verbose_name='last reminded')),
                ('award', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='grants.award')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical monitoring return',
                'verbose_name_plural': 'historical monitoring returns',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
                'indexes': [],
                'constraints': [],
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='MonitoringReturn',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('award', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='returns', to='grants.award')),
                ('due_on', models.DateField(verbose_name='due')),
                ('received_on', models.DateField(blank=True, null=True, verbose_name='received')),
                ('spend_to_date', models.DecimalField(blank=True, decimal_places=2, max_digits=14, null=True, verbose_name='spend to date')),
                ('outputs', models.TextField(blank=True, verbose_name='outputs')),
                ('outcomes', models.TextField(blank=True, verbose_name='outcomes against those sought')),
                ('last_reminded_on', pcplan.core.reminders.LastRemindedField(blank=True, editable=False, null=True, verbose_name='last reminded')),
            ],
            options={
                'ordering': ['due_on', 'id'],
                'indexes': [models.Index(fields=['received_on', 'due_on'], name='return_overdue')],
                'constraints': [],
            },
        ),
    ]
