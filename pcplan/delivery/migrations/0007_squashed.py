"""Deliverables, updates and their dependencies: delivery 0001-0006 squashed.

Left out: delivery 0004's data fix (updates published before proposals existed were marked
accepted). A new database has no updates.

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
        ('plans', '0005_squashed'),
    ]

    operations = [
        migrations.CreateModel(
            name='HistoricalDeliverable',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('is_published', models.BooleanField(default=False, verbose_name='published')),
                ('published_at', models.DateTimeField(blank=True, null=True, verbose_name='published at')),
                ('key', models.SlugField(max_length=80, verbose_name='slug')),
                ('title', models.CharField(max_length=300)),
                ('purpose', models.TextField(blank=True)),
                ('status', models.CharField(choices=[('not-started', 'Not started'), ('in-progress', 'In progress'), ('completed', 'Completed'), ('on-hold', 'On hold'), ('rescheduled', 'Rescheduled'), ('business-as-usual', 'Business as usual')], default='not-started', max_length=30)),
                ('target_start', models.DateField(blank=True, null=True)),
                ('target_end', models.DateField(blank=True, null=True)),
                ('added_on', models.DateField(help_text='When it was added to the Delivery Plan.')),
                ('completed_on', models.DateField(blank=True, null=True)),
                ('risk', models.CharField(blank=True, choices=[('low', 'Low'), ('medium', 'Medium'), ('high', 'High')], max_length=10, verbose_name='risk')),
                ('published_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='published by')),
                ('theme', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='plans.theme')),
                ('lead', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='core.organisation')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical deliverable',
                'verbose_name_plural': 'historical deliverables',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
                'indexes': [],
                'constraints': [],
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalDeliverable_depends_on',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('from_deliverable', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='delivery.deliverable')),
                ('to_deliverable', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='delivery.deliverable')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='delivery.historicaldeliverable')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
            ],
            options={
                'verbose_name': 'HistoricalDeliverable_depends_on',
                'indexes': [],
                'constraints': [],
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalDeliverable_partners',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('deliverable', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='delivery.deliverable')),
                ('organisation', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='core.organisation')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='delivery.historicaldeliverable')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
            ],
            options={
                'verbose_name': 'HistoricalDeliverable_partners',
                'indexes': [],
                'constraints': [],
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='Deliverable',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('is_published', models.BooleanField(default=False, verbose_name='published')),
                ('published_at', models.DateTimeField(blank=True, null=True, verbose_name='published at')),
                ('published_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='published by')),
                ('theme', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='deliverables', to='plans.theme')),
                ('key', models.SlugField(max_length=80, verbose_name='slug')),
                ('title', models.CharField(max_length=300)),
                ('purpose', models.TextField(blank=True)),
                ('lead', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='led_deliverables', to='core.organisation')),
                ('status', models.CharField(choices=[('not-started', 'Not started'), ('in-progress', 'In progress'), ('completed', 'Completed'), ('on-hold', 'On hold'), ('rescheduled', 'Rescheduled'), ('business-as-usual', 'Business as usual')], default='not-started', max_length=30)),
                ('target_start', models.DateField(blank=True, null=True)),
                ('target_end', models.DateField(blank=True, null=True)),
                ('added_on', models.DateField(help_text='When it was added to the Delivery Plan.')),
                ('completed_on', models.DateField(blank=True, null=True)),
                ('risk', models.CharField(blank=True, choices=[('low', 'Low'), ('medium', 'Medium'), ('high', 'High')], max_length=10, verbose_name='risk')),
                ('partners', models.ManyToManyField(blank=True, related_name='partnered_deliverables', to='core.organisation')),
                ('depends_on', models.ManyToManyField(blank=True, related_name='dependents', to='delivery.deliverable', verbose_name='depends on')),
            ],
            options={
                'ordering': ['theme__position', 'id'],
                'indexes': [models.Index(fields=['status', 'target_end'], name='deliverable_status_target')],
                'constraints': [models.UniqueConstraint(fields=('theme', 'key'), name='deliverable_key_unique_in_theme'), models.CheckConstraint(condition=models.Q(models.Q(('target_end__isnull', True), ('target_start__isnull', True)), ('target_start__lte', models.F('target_end')), _connector='OR'), name='deliverable_target_start_before_end')],
            },
        ),
        migrations.CreateModel(
            name='HistoricalUpdate',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('is_published', models.BooleanField(default=False, verbose_name='published')),
                ('published_at', models.DateTimeField(blank=True, null=True, verbose_name='published at')),
                ('date', models.DateField(help_text='The date the update speaks for.')),
                ('text', models.TextField()),
                ('created_at', models.DateTimeField(blank=True, editable=False)),
                ('proposed_status', models.CharField(blank=True, choices=[('not-started', 'Not started'), ('in-progress', 'In progress'), ('completed', 'Completed'), ('on-hold', 'On hold'), ('rescheduled', 'Rescheduled'), ('business-as-usual', 'Business as usual')], max_length=30, verbose_name='proposed status')),
                ('proposed_target_start', models.DateField(blank=True, null=True)),
                ('proposed_target_end', models.DateField(blank=True, null=True)),
                ('proposal_reason', models.TextField(blank=True, verbose_name='reason for the proposed change')),
                ('review', models.CharField(choices=[('awaiting', 'Awaiting decision'), ('accepted', 'Accepted'), ('returned', 'Returned')], default='awaiting', max_length=20)),
                ('decided_at', models.DateTimeField(blank=True, null=True)),
                ('decision_comment', models.TextField(blank=True, verbose_name="editor's comment")),
                ('published_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='published by')),
                ('deliverable', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='delivery.deliverable')),
                ('author', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('author_organisation', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='core.organisation')),
                ('decided_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical update',
                'verbose_name_plural': 'historical updates',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
                'indexes': [],
                'constraints': [],
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='Update',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('is_published', models.BooleanField(default=False, verbose_name='published')),
                ('published_at', models.DateTimeField(blank=True, null=True, verbose_name='published at')),
                ('published_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='published by')),
                ('deliverable', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='updates', to='delivery.deliverable')),
                ('date', models.DateField(help_text='The date the update speaks for.')),
                ('text', models.TextField()),
                ('author', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='delivery_updates', to=settings.AUTH_USER_MODEL)),
                ('author_organisation', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.organisation')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('proposed_status', models.CharField(blank=True, choices=[('not-started', 'Not started'), ('in-progress', 'In progress'), ('completed', 'Completed'), ('on-hold', 'On hold'), ('rescheduled', 'Rescheduled'), ('business-as-usual', 'Business as usual')], max_length=30, verbose_name='proposed status')),
                ('proposed_target_start', models.DateField(blank=True, null=True)),
                ('proposed_target_end', models.DateField(blank=True, null=True)),
                ('proposal_reason', models.TextField(blank=True, verbose_name='reason for the proposed change')),
                ('review', models.CharField(choices=[('awaiting', 'Awaiting decision'), ('accepted', 'Accepted'), ('returned', 'Returned')], default='awaiting', max_length=20)),
                ('decided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('decided_at', models.DateTimeField(blank=True, null=True)),
                ('decision_comment', models.TextField(blank=True, verbose_name="editor's comment")),
            ],
            options={
                'ordering': ['-date', '-id'],
                'indexes': [models.Index(fields=['deliverable', 'is_published', 'date'], name='update_latest')],
                'constraints': [],
            },
        ),
        migrations.CreateModel(
            name='HistoricalTask',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('position', models.PositiveIntegerField(default=0)),
                ('title', models.CharField(max_length=300)),
                ('done', models.BooleanField(default=False)),
                ('deliverable', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='delivery.deliverable')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical task',
                'verbose_name_plural': 'historical tasks',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
                'indexes': [],
                'constraints': [],
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='Task',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('deliverable', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='tasks', to='delivery.deliverable')),
                ('position', models.PositiveIntegerField(default=0)),
                ('title', models.CharField(max_length=300)),
                ('done', models.BooleanField(default=False)),
            ],
            options={
                'ordering': ['deliverable', 'position', 'id'],
                'indexes': [],
                'constraints': [],
            },
        ),
    ]
