"""Plans, their themes and priorities: plans 0001-0004 squashed (the models that point at
deliverables and measures are in 0006).

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
            name='HistoricalPlan',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('key', models.SlugField(max_length=80, verbose_name='slug')),
                ('title', models.CharField(max_length=200)),
                ('area', models.CharField(help_text='The police area, as the plan names it.', max_length=200)),
                ('commissioner', models.CharField(blank=True, max_length=200)),
                ('summary', models.TextField(blank=True)),
                ('elected_on', models.DateField(blank=True, help_text='The date the Commissioner was elected; the plan must be issued by 31 March of that financial year.', null=True)),
                ('starts_on', models.DateField(blank=True, null=True)),
                ('ends_on', models.DateField(blank=True, null=True)),
                ('status', models.CharField(choices=[('drafting', 'Drafting'), ('consultation', 'Consultation'), ('board-approved', 'Board approval'), ('sent-to-panel', 'Sent to Panel'), ('panel-report-received', 'Panel report received'), ('response-published', "Commissioner's response published"), ('issued', 'Issued'), ('varied', 'Varied'), ('superseded', 'Superseded')], default='drafting', max_length=30)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical plan',
                'verbose_name_plural': 'historical plans',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
                'indexes': [],
                'constraints': [],
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='Plan',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('key', models.SlugField(max_length=80, unique=True, verbose_name='slug')),
                ('title', models.CharField(max_length=200)),
                ('area', models.CharField(help_text='The police area, as the plan names it.', max_length=200)),
                ('commissioner', models.CharField(blank=True, max_length=200)),
                ('summary', models.TextField(blank=True)),
                ('elected_on', models.DateField(blank=True, help_text='The date the Commissioner was elected; the plan must be issued by 31 March of that financial year.', null=True)),
                ('starts_on', models.DateField(blank=True, null=True)),
                ('ends_on', models.DateField(blank=True, null=True)),
                ('status', models.CharField(choices=[('drafting', 'Drafting'), ('consultation', 'Consultation'), ('board-approved', 'Board approval'), ('sent-to-panel', 'Sent to Panel'), ('panel-report-received', 'Panel report received'), ('response-published', "Commissioner's response published"), ('issued', 'Issued'), ('varied', 'Varied'), ('superseded', 'Superseded')], default='drafting', max_length=30)),
            ],
            options={
                'ordering': ['-starts_on', 'title'],
                'indexes': [],
                'constraints': [],
            },
        ),
        migrations.CreateModel(
            name='HistoricalPlanStatusChange',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('status', models.CharField(choices=[('drafting', 'Drafting'), ('consultation', 'Consultation'), ('board-approved', 'Board approval'), ('sent-to-panel', 'Sent to Panel'), ('panel-report-received', 'Panel report received'), ('response-published', "Commissioner's response published"), ('issued', 'Issued'), ('varied', 'Varied'), ('superseded', 'Superseded')], max_length=30)),
                ('date', models.DateField()),
                ('note', models.TextField(blank=True)),
                ('recorded_at', models.DateTimeField(blank=True, editable=False)),
                ('plan', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='plans.plan')),
                ('recorded_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical plan status change',
                'verbose_name_plural': 'historical plan status changes',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
                'indexes': [],
                'constraints': [],
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='PlanStatusChange',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('plan', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='status_changes', to='plans.plan')),
                ('status', models.CharField(choices=[('drafting', 'Drafting'), ('consultation', 'Consultation'), ('board-approved', 'Board approval'), ('sent-to-panel', 'Sent to Panel'), ('panel-report-received', 'Panel report received'), ('response-published', "Commissioner's response published"), ('issued', 'Issued'), ('varied', 'Varied'), ('superseded', 'Superseded')], max_length=30)),
                ('date', models.DateField()),
                ('note', models.TextField(blank=True)),
                ('recorded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to=settings.AUTH_USER_MODEL)),
                ('recorded_at', models.DateTimeField(auto_now_add=True)),
            ],
            options={
                'ordering': ['date', 'id'],
                'indexes': [],
                'constraints': [],
            },
        ),
        migrations.CreateModel(
            name='HistoricalTheme',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('key', models.SlugField(max_length=80, verbose_name='slug')),
                ('position', models.PositiveIntegerField(default=0)),
                ('title', models.CharField(max_length=200)),
                ('aim', models.TextField(blank=True, verbose_name='What we will do')),
                ('plan', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='plans.plan')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical theme',
                'verbose_name_plural': 'historical themes',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
                'indexes': [],
                'constraints': [],
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='Theme',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('plan', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='themes', to='plans.plan')),
                ('key', models.SlugField(max_length=80, verbose_name='slug')),
                ('position', models.PositiveIntegerField(default=0)),
                ('title', models.CharField(max_length=200)),
                ('aim', models.TextField(blank=True, verbose_name='What we will do')),
            ],
            options={
                'ordering': ['plan', 'position', 'id'],
                'constraints': [models.UniqueConstraint(fields=('plan', 'key'), name='theme_key_unique_in_plan')],
                'indexes': [],
            },
        ),
        migrations.CreateModel(
            name='HistoricalPriority',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('position', models.PositiveIntegerField(default=0)),
                ('text', models.TextField()),
                ('theme', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='plans.theme')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical priority',
                'verbose_name_plural': 'historical priorities',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
                'indexes': [],
                'constraints': [],
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='Priority',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('theme', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='priorities', to='plans.theme')),
                ('position', models.PositiveIntegerField(default=0)),
                ('text', models.TextField()),
            ],
            options={
                'verbose_name_plural': 'priorities',
                'ordering': ['theme', 'position', 'id'],
                'indexes': [],
                'constraints': [],
            },
        ),
        migrations.CreateModel(
            name='HistoricalPlanStatutoryElement',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('element', models.CharField(choices=[('objectives', "The Commissioner's police and crime objectives for the area"), ('policing', 'The policing of the area which the Chief Constable is to provide'), ('resources', 'The financial and other resources the Commissioner is to provide to the Chief Constable'), ('reporting', 'The means by which the Chief Constable will report to the Commissioner on policing'), ('performance-measures', "The means by which the Chief Constable's performance will be measured"), ('services', 'The services the Commissioner is to provide or arrange to reduce crime and disorder or help victims or witnesses'), ('grants', 'Any grants the Commissioner is to make, and their conditions')], max_length=30)),
                ('text', models.TextField(help_text='How the plan sets this out, with a reference.')),
                ('plan', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='plans.plan')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical plan statutory element',
                'verbose_name_plural': 'historical plan statutory elements',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
                'indexes': [],
                'constraints': [],
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='PlanStatutoryElement',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('plan', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='statutory_elements', to='plans.plan')),
                ('element', models.CharField(choices=[('objectives', "The Commissioner's police and crime objectives for the area"), ('policing', 'The policing of the area which the Chief Constable is to provide'), ('resources', 'The financial and other resources the Commissioner is to provide to the Chief Constable'), ('reporting', 'The means by which the Chief Constable will report to the Commissioner on policing'), ('performance-measures', "The means by which the Chief Constable's performance will be measured"), ('services', 'The services the Commissioner is to provide or arrange to reduce crime and disorder or help victims or witnesses'), ('grants', 'Any grants the Commissioner is to make, and their conditions')], max_length=30)),
                ('text', models.TextField(help_text='How the plan sets this out, with a reference.')),
            ],
            options={
                'ordering': ['plan', 'id'],
                'constraints': [models.UniqueConstraint(fields=('plan', 'element'), name='statutory_element_once_per_plan')],
                'indexes': [],
            },
        ),
        migrations.CreateModel(
            name='HistoricalCommitment',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('kind', models.CharField(choices=[('key-objective', 'Key objective'), ('shared-outcome', 'Shared outcome'), ('pledge', 'Personal pledge')], max_length=20)),
                ('position', models.PositiveIntegerField(default=0)),
                ('text', models.TextField()),
                ('plan', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='plans.plan')),
                ('theme', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='plans.theme')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical commitment',
                'verbose_name_plural': 'historical commitments',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
                'indexes': [],
                'constraints': [],
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
    ]
