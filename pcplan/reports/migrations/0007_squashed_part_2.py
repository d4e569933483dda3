"""Generated reports, after the Panel's agenda items they may be papers of.

pcplan.core.squashed_history says what every squashed migration replaces and how it runs.
"""

import django.db.models.deletion
import pcplan.reports.models
import simple_history.models
from django.conf import settings
from django.db import migrations, models

from pcplan.core.squashed_history import SquashedMigration


class Migration(SquashedMigration):

    dependencies = [
        ('core', '0008_squashed'),
        ('panel', '0015_squashed_part_2'),
        ('plans', '0005_squashed'),
        ('reports', '0006_squashed'),
    ]

    operations = [
        migrations.CreateModel(
            name='HistoricalGeneratedReport',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('is_published', models.BooleanField(default=False, verbose_name='published')),
                ('published_at', models.DateTimeField(blank=True, null=True, verbose_name='published at')),
                ('kind', models.CharField(choices=[('panel', 'Panel progress report'), ('board', 'Board quarterly report'), ('theme', 'Theme report')], default='panel', max_length=10)),
                ('format', models.CharField(choices=[('html', 'Web page (HTML)'), ('pdf', 'PDF'), ('docx', 'Word (DOCX)')], max_length=10)),
                ('as_of', models.DateField(verbose_name='report date')),
                ('since', models.DateField(verbose_name='previous report date')),
                ('panel_name', models.CharField(max_length=200)),
                ('agenda_item', models.CharField(blank=True, max_length=20, verbose_name='agenda item number')),
                ('meeting_date', models.DateField()),
                ('report_of', models.CharField(max_length=200, verbose_name='report of')),
                ('contact_officer', models.CharField(max_length=200)),
                ('contact_details', models.CharField(blank=True, max_length=300)),
                ('purpose', models.TextField()),
                ('recommendation', models.TextField()),
                ('terms_of_reference', models.TextField()),
                ('background_documents', models.TextField(blank=True)),
                ('file', models.TextField(max_length=300)),
                ('created_at', models.DateTimeField(blank=True, editable=False)),
                ('published_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='published by')),
                ('plan', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='plans.plan')),
                ('theme', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='plans.theme')),
                ('paper_for', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='panel.agendaitem', verbose_name='paper for agenda item')),
                ('created_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical generated report',
                'verbose_name_plural': 'historical generated reports',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
                'indexes': [],
                'constraints': [],
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='GeneratedReport',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('is_published', models.BooleanField(default=False, verbose_name='published')),
                ('published_at', models.DateTimeField(blank=True, null=True, verbose_name='published at')),
                ('published_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='published by')),
                ('plan', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='generated_reports', to='plans.plan')),
                ('kind', models.CharField(choices=[('panel', 'Panel progress report'), ('board', 'Board quarterly report'), ('theme', 'Theme report')], default='panel', max_length=10)),
                ('format', models.CharField(choices=[('html', 'Web page (HTML)'), ('pdf', 'PDF'), ('docx', 'Word (DOCX)')], max_length=10)),
                ('theme', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='generated_reports', to='plans.theme')),
                ('paper_for', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='generated_reports', to='panel.agendaitem', verbose_name='paper for agenda item')),
                ('as_of', models.DateField(verbose_name='report date')),
                ('since', models.DateField(verbose_name='previous report date')),
                ('panel_name', models.CharField(max_length=200)),
                ('agenda_item', models.CharField(blank=True, max_length=20, verbose_name='agenda item number')),
                ('meeting_date', models.DateField()),
                ('report_of', models.CharField(max_length=200, verbose_name='report of')),
                ('contact_officer', models.CharField(max_length=200)),
                ('contact_details', models.CharField(blank=True, max_length=300)),
                ('purpose', models.TextField()),
                ('recommendation', models.TextField()),
                ('terms_of_reference', models.TextField()),
                ('background_documents', models.TextField(blank=True)),
                ('file', models.FileField(max_length=300, upload_to=pcplan.reports.models.report_upload_to)),
                ('created_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
            ],
            options={
                'ordering': ['-created_at', '-id'],
                'indexes': [models.Index(fields=['is_published', 'as_of'], name='report_published_as_of')],
                'constraints': [],
            },
        ),
    ]
