"""Police data and measures: performance 0001-0007 squashed, with the six National Crime and
Policing Measures that performance 0002 preloaded (RunPython, carried over).

pcplan.core.squashed_history says what every squashed migration replaces and how it runs.
"""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

from pcplan.core.squashed_history import SquashedMigration
from pcplan.performance.national import NATIONAL_MEASURES, ensure_national_measures


def add_national_measures(apps, schema_editor):
    ensure_national_measures(apps.get_model("performance", "Measure"))


def remove_national_measures(apps, schema_editor):
    Measure = apps.get_model("performance", "Measure")
    Measure.objects.filter(key__in=[m[0] for m in NATIONAL_MEASURES]).delete()


class Migration(SquashedMigration):

    dependencies = [
        ('core', '0008_squashed'),
        ('delivery', '0007_squashed'),
        ('plans', '0005_squashed'),
    ]

    operations = [
        migrations.CreateModel(
            name='HistoricalMeasure',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('key', models.SlugField(max_length=80, verbose_name='slug')),
                ('position', models.PositiveIntegerField(default=0)),
                ('name', models.CharField(max_length=200)),
                ('description', models.TextField(blank=True)),
                ('unit', models.CharField(help_text='For example: crimes, %, officers.', max_length=60)),
                ('direction', models.CharField(choices=[('higher', 'Higher is better'), ('lower', 'Lower is better')], max_length=10, verbose_name='direction of improvement')),
                ('baseline_label', models.CharField(blank=True, help_text='For example: year ending June 2019', max_length=100, verbose_name='baseline period')),
                ('baseline_start', models.DateField(blank=True, help_text='The first day of the baseline period.', null=True)),
                ('baseline_end', models.DateField(blank=True, help_text='The last day of the baseline period.', null=True)),
                ('baseline_value', models.DecimalField(blank=True, decimal_places=2, max_digits=14, null=True)),
                ('is_summed', models.BooleanField(default=True, help_text='Counts (crimes, arrests) add up, so pcplan shows 12-month rolling totals; rates and percentages do not.', verbose_name='values add up over time')),
                ('target_value', models.DecimalField(blank=True, decimal_places=2, max_digits=14, null=True)),
                ('target_note', models.CharField(blank=True, max_length=200)),
                ('is_national', models.BooleanField(default=False, help_text='One of the six National Crime and Policing Measures.', verbose_name='national measure')),
                ('is_published', models.BooleanField(default=False, help_text='Shown on the public dashboard.')),
                ('source', models.CharField(choices=[('manual', 'Entered by hand'), ('upload', 'Uploaded as CSV or Excel'), ('police-data', 'Derived from data.police.uk')], default='manual', max_length=20)),
                ('derivation', models.CharField(blank=True, choices=[('neighbourhood-crime', 'Neighbourhood crime (burglary, robbery, theft from the person, vehicle crime)'), ('all-crime', 'All crime (every police.uk crime type except anti-social behaviour)'), ('crime-type-anti-social-behaviour', 'Anti-social behaviour'), ('crime-type-bicycle-theft', 'Bicycle theft'), ('crime-type-burglary', 'Burglary'), ('crime-type-criminal-damage-and-arson', 'Criminal damage and arson'), ('crime-type-drugs', 'Drugs'), ('crime-type-other-crime', 'Other crime'), ('crime-type-other-theft', 'Other theft'), ('crime-type-possession-of-weapons', 'Possession of weapons'), ('crime-type-public-order', 'Public order'), ('crime-type-robbery', 'Robbery'), ('crime-type-shoplifting', 'Shoplifting'), ('crime-type-theft-from-the-person', 'Theft from the person'), ('crime-type-vehicle-crime', 'Vehicle crime'), ('crime-type-violence-and-sexual-offences', 'Violence and sexual offences')], help_text='For measures derived from data.police.uk: which crime types are counted.', max_length=80, verbose_name='police data derivation')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical measure',
                'verbose_name_plural': 'historical measures',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
                'indexes': [],
                'constraints': [],
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalMeasure_themes',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('measure', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='performance.measure')),
                ('theme', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='plans.theme')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='performance.historicalmeasure')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
            ],
            options={
                'verbose_name': 'HistoricalMeasure_themes',
                'indexes': [],
                'constraints': [],
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalMeasure_deliverables',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('measure', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='performance.measure')),
                ('deliverable', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='delivery.deliverable')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='performance.historicalmeasure')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
            ],
            options={
                'verbose_name': 'HistoricalMeasure_deliverables',
                'indexes': [],
                'constraints': [],
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='Measure',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('key', models.SlugField(max_length=80, unique=True, verbose_name='slug')),
                ('position', models.PositiveIntegerField(default=0)),
                ('name', models.CharField(max_length=200)),
                ('description', models.TextField(blank=True)),
                ('unit', models.CharField(help_text='For example: crimes, %, officers.', max_length=60)),
                ('direction', models.CharField(choices=[('higher', 'Higher is better'), ('lower', 'Lower is better')], max_length=10, verbose_name='direction of improvement')),
                ('baseline_label', models.CharField(blank=True, help_text='For example: year ending June 2019', max_length=100, verbose_name='baseline period')),
                ('baseline_start', models.DateField(blank=True, help_text='The first day of the baseline period.', null=True)),
                ('baseline_end', models.DateField(blank=True, help_text='The last day of the baseline period.', null=True)),
                ('baseline_value', models.DecimalField(blank=True, decimal_places=2, max_digits=14, null=True)),
                ('is_summed', models.BooleanField(default=True, help_text='Counts (crimes, arrests) add up, so pcplan shows 12-month rolling totals; rates and percentages do not.', verbose_name='values add up over time')),
                ('target_value', models.DecimalField(blank=True, decimal_places=2, max_digits=14, null=True)),
                ('target_note', models.CharField(blank=True, max_length=200)),
                ('is_national', models.BooleanField(default=False, help_text='One of the six National Crime and Policing Measures.', verbose_name='national measure')),
                ('is_published', models.BooleanField(default=False, help_text='Shown on the public dashboard.')),
                ('source', models.CharField(choices=[('manual', 'Entered by hand'), ('upload', 'Uploaded as CSV or Excel'), ('police-data', 'Derived from data.police.uk')], default='manual', max_length=20)),
                ('derivation', models.CharField(blank=True, choices=[('neighbourhood-crime', 'Neighbourhood crime (burglary, robbery, theft from the person, vehicle crime)'), ('all-crime', 'All crime (every police.uk crime type except anti-social behaviour)'), ('crime-type-anti-social-behaviour', 'Anti-social behaviour'), ('crime-type-bicycle-theft', 'Bicycle theft'), ('crime-type-burglary', 'Burglary'), ('crime-type-criminal-damage-and-arson', 'Criminal damage and arson'), ('crime-type-drugs', 'Drugs'), ('crime-type-other-crime', 'Other crime'), ('crime-type-other-theft', 'Other theft'), ('crime-type-possession-of-weapons', 'Possession of weapons'), ('crime-type-public-order', 'Public order'), ('crime-type-robbery', 'Robbery'), ('crime-type-shoplifting', 'Shoplifting'), ('crime-type-theft-from-the-person', 'Theft from the person'), ('crime-type-vehicle-crime', 'Vehicle crime'), ('crime-type-violence-and-sexual-offences', 'Violence and sexual offences')], help_text='For measures derived from data.police.uk: which crime types are counted.', max_length=80, verbose_name='police data derivation')),
                ('themes', models.ManyToManyField(blank=True, related_name='measures', to='plans.theme')),
                ('deliverables', models.ManyToManyField(blank=True, related_name='measures', to='delivery.deliverable')),
            ],
            options={
                'ordering': ['position', 'name'],
                'indexes': [],
                'constraints': [],
            },
        ),
        migrations.CreateModel(
            name='HistoricalObservation',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('granularity', models.CharField(choices=[('month', 'Month'), ('quarter', 'Quarter'), ('year', 'Year')], max_length=10)),
                ('period_start', models.DateField(help_text='The first day of the month, quarter or year.')),
                ('value', models.DecimalField(decimal_places=2, max_digits=14)),
                ('area', models.CharField(blank=True, help_text='The Community Safety Partnership, as the office profile names it; blank for the whole force area.', max_length=200)),
                ('note', models.CharField(blank=True, max_length=200)),
                ('recorded_at', models.DateTimeField(blank=True, editable=False)),
                ('measure', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='performance.measure')),
                ('recorded_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical observation',
                'verbose_name_plural': 'historical observations',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
                'indexes': [],
                'constraints': [],
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='Observation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('measure', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='observations', to='performance.measure')),
                ('granularity', models.CharField(choices=[('month', 'Month'), ('quarter', 'Quarter'), ('year', 'Year')], max_length=10)),
                ('period_start', models.DateField(help_text='The first day of the month, quarter or year.')),
                ('value', models.DecimalField(decimal_places=2, max_digits=14)),
                ('area', models.CharField(blank=True, help_text='The Community Safety Partnership, as the office profile names it; blank for the whole force area.', max_length=200)),
                ('note', models.CharField(blank=True, max_length=200)),
                ('recorded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('recorded_at', models.DateTimeField(auto_now=True)),
            ],
            options={
                'ordering': ['measure', 'period_start'],
                'constraints': [models.UniqueConstraint(fields=('measure', 'granularity', 'period_start', 'area'), name='observation_once_per_period_and_area')],
                'indexes': [],
            },
        ),
        migrations.CreateModel(
            name='PoliceMonthlyCrime',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('force', models.CharField(help_text="The force's data.police.uk id, as its file names spell it.", max_length=60)),
                ('month', models.DateField()),
                ('lsoa_code', models.CharField(blank=True, max_length=12)),
                ('lsoa_name', models.CharField(blank=True, max_length=100)),
                ('district', models.CharField(blank=True, max_length=80)),
                ('crime_type', models.CharField(max_length=60)),
                ('last_outcome_category', models.CharField(blank=True, max_length=120)),
                ('count', models.PositiveIntegerField()),
            ],
            options={
                'indexes': [models.Index(fields=['force', 'district', 'month'], name='policecrime_force_area')],
                'constraints': [],
            },
        ),
        migrations.CreateModel(
            name='PoliceMonthlyOutcome',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('force', models.CharField(max_length=60)),
                ('month', models.DateField()),
                ('lsoa_code', models.CharField(blank=True, max_length=12)),
                ('lsoa_name', models.CharField(blank=True, max_length=100)),
                ('district', models.CharField(blank=True, max_length=80)),
                ('outcome_type', models.CharField(max_length=120)),
                ('count', models.PositiveIntegerField()),
            ],
            options={
                'indexes': [models.Index(fields=['force', 'month'], name='policeoutcome_force_month')],
                'constraints': [],
            },
        ),
        migrations.CreateModel(
            name='PoliceMonthlyStopSearch',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('force', models.CharField(max_length=60)),
                ('month', models.DateField()),
                ('district', models.CharField(blank=True, help_text='The local authority district of the nearest street-crime map point of the force, in the files imported with it or kept from earlier imports; blank when the search has no location or none is near.', max_length=80)),
                ('object_of_search', models.CharField(blank=True, max_length=120)),
                ('outcome', models.CharField(blank=True, max_length=120)),
                ('outcome_linked', models.CharField(blank=True, max_length=10, verbose_name='outcome linked to object of search')),
                ('officer_defined_ethnicity', models.CharField(blank=True, max_length=60)),
                ('self_defined_ethnicity', models.CharField(blank=True, max_length=200)),
                ('count', models.PositiveIntegerField()),
            ],
            options={
                'indexes': [models.Index(fields=['force', 'month'], name='policestop_force_month')],
                'constraints': [],
            },
        ),
        migrations.CreateModel(
            name='PoliceMapPoint',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('force', models.CharField(max_length=60)),
                ('latitude', models.FloatField()),
                ('longitude', models.FloatField()),
                ('district', models.CharField(max_length=80)),
            ],
            options={
                'indexes': [models.Index(fields=['force'], name='policemappoint_force')],
                'constraints': [],
            },
        ),
        migrations.CreateModel(
            name='HistoricalImportRun',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('started_at', models.DateTimeField(blank=True, editable=False)),
                ('files', models.JSONField(default=list)),
                ('file_count', models.PositiveIntegerField(default=0)),
                ('rows', models.PositiveBigIntegerField(default=0)),
                ('aggregate_rows', models.PositiveBigIntegerField(default=0)),
                ('months', models.JSONField(default=list)),
                ('forces', models.JSONField(default=list)),
                ('rows_dated_in_other_month', models.PositiveIntegerField(default=0)),
                ('imported_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical import run',
                'verbose_name_plural': 'historical import runs',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
                'indexes': [],
                'constraints': [],
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='ImportRun',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('imported_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('started_at', models.DateTimeField(auto_now_add=True)),
                ('files', models.JSONField(default=list)),
                ('file_count', models.PositiveIntegerField(default=0)),
                ('rows', models.PositiveBigIntegerField(default=0)),
                ('aggregate_rows', models.PositiveBigIntegerField(default=0)),
                ('months', models.JSONField(default=list)),
                ('forces', models.JSONField(default=list)),
                ('rows_dated_in_other_month', models.PositiveIntegerField(default=0)),
            ],
            options={
                'ordering': ['-started_at'],
                'indexes': [],
                'constraints': [],
            },
        ),
        migrations.CreateModel(
            name='HistoricalPublishedFigure',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('area', models.CharField(blank=True, help_text='The CSP area; blank for the whole force area.', max_length=200)),
                ('period_label', models.CharField(help_text='Year ending June 2019', max_length=100, verbose_name='period')),
                ('period_start', models.DateField()),
                ('period_end', models.DateField()),
                ('value', models.DecimalField(decimal_places=2, max_digits=14)),
                ('is_baseline', models.BooleanField(default=False, verbose_name='this is the baseline')),
                ('source', models.CharField(help_text='Who published it and where: the table or report.', max_length=300)),
                ('source_url', models.URLField(blank=True, max_length=500, verbose_name='source address')),
                ('source_date', models.DateField(verbose_name='date published')),
                ('note', models.CharField(blank=True, max_length=300)),
                ('recorded_at', models.DateTimeField(blank=True, editable=False)),
                ('measure', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='performance.measure')),
                ('recorded_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical published figure',
                'verbose_name_plural': 'historical published figures',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
                'indexes': [],
                'constraints': [],
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='PublishedFigure',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('measure', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='figures', to='performance.measure')),
                ('area', models.CharField(blank=True, help_text='The CSP area; blank for the whole force area.', max_length=200)),
                ('period_label', models.CharField(help_text='Year ending June 2019', max_length=100, verbose_name='period')),
                ('period_start', models.DateField()),
                ('period_end', models.DateField()),
                ('value', models.DecimalField(decimal_places=2, max_digits=14)),
                ('is_baseline', models.BooleanField(default=False, verbose_name='this is the baseline')),
                ('source', models.CharField(help_text='Who published it and where: the table or report.', max_length=300)),
                ('source_url', models.URLField(blank=True, max_length=500, verbose_name='source address')),
                ('source_date', models.DateField(verbose_name='date published')),
                ('note', models.CharField(blank=True, max_length=300)),
                ('recorded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('recorded_at', models.DateTimeField(auto_now=True)),
            ],
            options={
                'ordering': ['measure', 'area', '-period_end'],
                'constraints': [models.UniqueConstraint(fields=('measure', 'area', 'period_start', 'period_end'), name='published_figure_once_per_period_and_area')],
                'indexes': [],
            },
        ),
        migrations.CreateModel(
            name='HistoricalAreaPopulation',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('area', models.CharField(help_text="The CSP area as the profile names it, or the force's data.police.uk id.", max_length=200)),
                ('group', models.CharField(blank=True, help_text='Blank for all residents; otherwise an officer-defined ethnicity as data.police.uk spells it (Asian, Black, Mixed, Other, White).', max_length=60)),
                ('population', models.PositiveIntegerField()),
                ('source', models.CharField(max_length=300)),
                ('year', models.PositiveIntegerField()),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical area population',
                'verbose_name_plural': 'historical area populations',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
                'indexes': [],
                'constraints': [],
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='AreaPopulation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('area', models.CharField(help_text="The CSP area as the profile names it, or the force's data.police.uk id.", max_length=200)),
                ('group', models.CharField(blank=True, help_text='Blank for all residents; otherwise an officer-defined ethnicity as data.police.uk spells it (Asian, Black, Mixed, Other, White).', max_length=60)),
                ('population', models.PositiveIntegerField()),
                ('source', models.CharField(max_length=300)),
                ('year', models.PositiveIntegerField()),
            ],
            options={
                'ordering': ['area', 'group'],
                'constraints': [models.UniqueConstraint(fields=('area', 'group'), name='population_once_per_group')],
                'indexes': [],
            },
        ),
        migrations.RunPython(add_national_measures, remove_national_measures),
    ]
