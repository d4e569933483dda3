"""The users, the office profile, background jobs and versions: core 0001-0007, squashed.

No data was carried: the old migrations changed only the schema.

pcplan.core.squashed_history says what every squashed migration replaces and how it runs.
"""

import django.contrib.auth.models
import django.contrib.auth.validators
import django.db.models.deletion
import django.utils.timezone
import simple_history.models
import uuid
from django.conf import settings
from django.db import migrations, models

from pcplan.core.squashed_history import SquashedMigration


class Migration(SquashedMigration):

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
    ]

    operations = [
        migrations.CreateModel(
            name='HistoricalOrganisation',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('key', models.SlugField(max_length=80)),
                ('name', models.CharField(max_length=200)),
                ('kind', models.CharField(choices=[('opcc', 'Office of the Police and Crime Commissioner'), ('police', 'Police force'), ('csp', 'Community Safety Partnership'), ('local-authority', 'Local authority'), ('government', 'Government department'), ('criminal-justice', 'Criminal justice agency'), ('probation', 'Probation'), ('prison', 'Prison'), ('health', 'Health'), ('combined-authority', 'Combined authority'), ('voluntary', 'Voluntary sector'), ('other', 'Other')], default='other', max_length=30)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical organisation',
                'verbose_name_plural': 'historical organisations',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
                'indexes': [],
                'constraints': [],
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='Organisation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.SlugField(max_length=80, unique=True)),
                ('name', models.CharField(max_length=200)),
                ('kind', models.CharField(choices=[('opcc', 'Office of the Police and Crime Commissioner'), ('police', 'Police force'), ('csp', 'Community Safety Partnership'), ('local-authority', 'Local authority'), ('government', 'Government department'), ('criminal-justice', 'Criminal justice agency'), ('probation', 'Probation'), ('prison', 'Prison'), ('health', 'Health'), ('combined-authority', 'Combined authority'), ('voluntary', 'Voluntary sector'), ('other', 'Other')], default='other', max_length=30)),
            ],
            options={
                'ordering': ['name'],
                'indexes': [],
                'constraints': [],
            },
        ),
        migrations.CreateModel(
            name='HistoricalUser',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('is_superuser', models.BooleanField(default=False, help_text='Designates that this user has all permissions without explicitly assigning them.', verbose_name='superuser status')),
                ('username', models.CharField(db_index=True, error_messages={'unique': 'A user with that username already exists.'}, help_text='Required. 150 characters or fewer. Letters, digits and @/./+/-/_ only.', max_length=150, validators=[django.contrib.auth.validators.UnicodeUsernameValidator()], verbose_name='username')),
                ('first_name', models.CharField(blank=True, max_length=150, verbose_name='first name')),
                ('last_name', models.CharField(blank=True, max_length=150, verbose_name='last name')),
                ('email', models.EmailField(blank=True, max_length=254, verbose_name='email address')),
                ('is_staff', models.BooleanField(default=False, help_text='Designates whether the user can log into this admin site.', verbose_name='staff status')),
                ('is_active', models.BooleanField(default=True, help_text='Designates whether this user should be treated as active. Unselect this instead of deleting accounts.', verbose_name='active')),
                ('date_joined', models.DateTimeField(default=django.utils.timezone.now, verbose_name='date joined')),
                ('role', models.CharField(choices=[('administrator', 'Administrator'), ('opcc-editor', 'OPCC editor'), ('contributor', 'Contributor'), ('panel-member', 'Panel member'), ('panel-secretariat', 'Panel secretariat')], default='contributor', max_length=20)),
                ('organisation', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='core.organisation')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical user',
                'verbose_name_plural': 'historical users',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
                'indexes': [],
                'constraints': [],
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='User',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('password', models.CharField(max_length=128, verbose_name='password')),
                ('last_login', models.DateTimeField(blank=True, null=True, verbose_name='last login')),
                ('is_superuser', models.BooleanField(default=False, help_text='Designates that this user has all permissions without explicitly assigning them.', verbose_name='superuser status')),
                ('username', models.CharField(error_messages={'unique': 'A user with that username already exists.'}, help_text='Required. 150 characters or fewer. Letters, digits and @/./+/-/_ only.', max_length=150, unique=True, validators=[django.contrib.auth.validators.UnicodeUsernameValidator()], verbose_name='username')),
                ('first_name', models.CharField(blank=True, max_length=150, verbose_name='first name')),
                ('last_name', models.CharField(blank=True, max_length=150, verbose_name='last name')),
                ('email', models.EmailField(blank=True, max_length=254, verbose_name='email address')),
                ('is_staff', models.BooleanField(default=False, help_text='Designates whether the user can log into this admin site.', verbose_name='staff status')),
                ('is_active', models.BooleanField(default=True, help_text='Designates whether this user should be treated as active. Unselect this instead of deleting accounts.', verbose_name='active')),
                ('date_joined', models.DateTimeField(default=django.utils.timezone.now, verbose_name='date joined')),
                ('role', models.CharField(choices=[('administrator', 'Administrator'), ('opcc-editor', 'OPCC editor'), ('contributor', 'Contributor'), ('panel-member', 'Panel member'), ('panel-secretariat', 'Panel secretariat')], default='contributor', max_length=20)),
                ('organisation', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='people', to='core.organisation')),
                ('groups', models.ManyToManyField(blank=True, help_text='The groups this user belongs to. A user will get all permissions granted to each of their groups.', related_name='user_set', related_query_name='user', to='auth.group', verbose_name='groups')),
                ('user_permissions', models.ManyToManyField(blank=True, help_text='Specific permissions for this user.', related_name='user_set', related_query_name='user', to='auth.permission', verbose_name='user permissions')),
            ],
            options={
                'verbose_name': 'user',
                'verbose_name_plural': 'users',
                'abstract': False,
                'indexes': [],
                'constraints': [],
            },
            managers=[
                ('objects', django.contrib.auth.models.UserManager()),
            ],
        ),
        migrations.CreateModel(
            name='HistoricalOffice',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('kind', models.CharField(choices=[('pcc', 'Police and Crime Commissioner'), ('pfcc', 'Police, Fire and Crime Commissioner'), ('mayor', 'Mayor, with a Deputy Mayor for Policing and Crime'), ('board', 'Policing and Crime Board, with a Policing and Crime Lead')], default='pcc', max_length=10, verbose_name='kind of body')),
                ('name', models.CharField(blank=True, help_text='As documents print it, e.g. "Police and Crime Commissioner for" and the area.', max_length=200, verbose_name='name of the body')),
                ('holder_title', models.CharField(blank=True, help_text='e.g. "Police and Crime Commissioner", "Mayor", "Policing and Crime Lead".', max_length=120, verbose_name="office holder's title")),
                ('holder_short_title', models.CharField(blank=True, help_text='How documents refer to the office holder after first use, e.g. "Commissioner".', max_length=60, verbose_name="office holder's short title")),
                ('holder_name', models.CharField(blank=True, max_length=200, verbose_name="office holder's name")),
                ('office_name', models.CharField(blank=True, help_text='e.g. "Office of the Police and Crime Commissioner".', max_length=200, verbose_name='name of the office')),
                ('office_abbreviation', models.CharField(blank=True, help_text='e.g. "OPCC".', max_length=20, verbose_name='abbreviation of the office')),
                ('police_area', models.CharField(blank=True, help_text='The area the force or forces police, as documents name it.', max_length=200, verbose_name='police area')),
                ('panel_name', models.CharField(blank=True, help_text='As the Panel\'s papers print it: the area\'s name, then "Police and Crime Panel".', max_length=200, verbose_name='name of the Panel')),
                ('panel_host_authority', models.CharField(blank=True, max_length=200, verbose_name="Panel's host authority")),
                ('panel_contact', models.TextField(blank=True, help_text="Name, email and telephone of the Panel's secretariat, as papers print it.", verbose_name='Panel secretariat contact')),
                ('contact_officer', models.CharField(blank=True, help_text='Name and role, as report headers print it.', max_length=200, verbose_name='default contact officer')),
                ('contact_details', models.CharField(blank=True, help_text='Email and telephone.', max_length=200, verbose_name='default contact details')),
                ('board_name', models.CharField(blank=True, help_text='The board that receives quarterly reports, e.g. "Business Coordination Board".', max_length=200, verbose_name="name of the office's board")),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical office profile',
                'verbose_name_plural': 'historical office profiles',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
                'indexes': [],
                'constraints': [],
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='Office',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('kind', models.CharField(choices=[('pcc', 'Police and Crime Commissioner'), ('pfcc', 'Police, Fire and Crime Commissioner'), ('mayor', 'Mayor, with a Deputy Mayor for Policing and Crime'), ('board', 'Policing and Crime Board, with a Policing and Crime Lead')], default='pcc', max_length=10, verbose_name='kind of body')),
                ('name', models.CharField(blank=True, help_text='As documents print it, e.g. "Police and Crime Commissioner for" and the area.', max_length=200, verbose_name='name of the body')),
                ('holder_title', models.CharField(blank=True, help_text='e.g. "Police and Crime Commissioner", "Mayor", "Policing and Crime Lead".', max_length=120, verbose_name="office holder's title")),
                ('holder_short_title', models.CharField(blank=True, help_text='How documents refer to the office holder after first use, e.g. "Commissioner".', max_length=60, verbose_name="office holder's short title")),
                ('holder_name', models.CharField(blank=True, max_length=200, verbose_name="office holder's name")),
                ('office_name', models.CharField(blank=True, help_text='e.g. "Office of the Police and Crime Commissioner".', max_length=200, verbose_name='name of the office')),
                ('office_abbreviation', models.CharField(blank=True, help_text='e.g. "OPCC".', max_length=20, verbose_name='abbreviation of the office')),
                ('police_area', models.CharField(blank=True, help_text='The area the force or forces police, as documents name it.', max_length=200, verbose_name='police area')),
                ('panel_name', models.CharField(blank=True, help_text='As the Panel\'s papers print it: the area\'s name, then "Police and Crime Panel".', max_length=200, verbose_name='name of the Panel')),
                ('panel_host_authority', models.CharField(blank=True, max_length=200, verbose_name="Panel's host authority")),
                ('panel_contact', models.TextField(blank=True, help_text="Name, email and telephone of the Panel's secretariat, as papers print it.", verbose_name='Panel secretariat contact')),
                ('contact_officer', models.CharField(blank=True, help_text='Name and role, as report headers print it.', max_length=200, verbose_name='default contact officer')),
                ('contact_details', models.CharField(blank=True, help_text='Email and telephone.', max_length=200, verbose_name='default contact details')),
                ('board_name', models.CharField(blank=True, help_text='The board that receives quarterly reports, e.g. "Business Coordination Board".', max_length=200, verbose_name="name of the office's board")),
            ],
            options={
                'verbose_name': 'office profile',
                'indexes': [],
                'constraints': [],
            },
        ),
        migrations.CreateModel(
            name='HistoricalForce',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('police_uk_id', models.SlugField(max_length=60, verbose_name='data.police.uk force id')),
                ('name', models.CharField(max_length=200, verbose_name='name')),
                ('position', models.PositiveSmallIntegerField(default=0)),
                ('office', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='core.office')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical force',
                'verbose_name_plural': 'historical forces',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
                'indexes': [],
                'constraints': [],
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='Force',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('office', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='forces', to='core.office')),
                ('police_uk_id', models.SlugField(max_length=60, unique=True, verbose_name='data.police.uk force id')),
                ('name', models.CharField(max_length=200, verbose_name='name')),
                ('position', models.PositiveSmallIntegerField(default=0)),
            ],
            options={
                'ordering': ['position', 'name'],
                'indexes': [],
                'constraints': [],
            },
        ),
        migrations.CreateModel(
            name='HistoricalCommunitySafetyPartnership',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('name', models.CharField(max_length=200, verbose_name='name')),
                ('position', models.PositiveSmallIntegerField(default=0)),
                ('office', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='core.office')),
                ('organisation', models.ForeignKey(blank=True, db_constraint=False, help_text='The partnership as a lead or partner organisation of deliverables.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='core.organisation')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical community safety partnership',
                'verbose_name_plural': 'historical community safety partnerships',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
                'indexes': [],
                'constraints': [],
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='CommunitySafetyPartnership',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('office', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='csps', to='core.office')),
                ('name', models.CharField(max_length=200, verbose_name='name')),
                ('organisation', models.ForeignKey(blank=True, help_text='The partnership as a lead or partner organisation of deliverables.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.organisation')),
                ('position', models.PositiveSmallIntegerField(default=0)),
            ],
            options={
                'ordering': ['position', 'name'],
                'constraints': [models.UniqueConstraint(fields=('office', 'name'), name='csp_name_unique')],
                'indexes': [],
            },
        ),
        migrations.CreateModel(
            name='HistoricalDistrict',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('name', models.CharField(db_index=True, max_length=120, verbose_name='name')),
                ('csp', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='core.communitysafetypartnership')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical district',
                'verbose_name_plural': 'historical districts',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
                'indexes': [],
                'constraints': [],
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='District',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('csp', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='districts', to='core.communitysafetypartnership')),
                ('name', models.CharField(max_length=120, unique=True, verbose_name='name')),
            ],
            options={
                'ordering': ['name'],
                'indexes': [],
                'constraints': [],
            },
        ),
        migrations.CreateModel(
            name='PublicVersion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('changed_at', models.DateTimeField(auto_now_add=True)),
            ],
            options={
                'verbose_name': 'public pages version',
                'indexes': [],
                'constraints': [],
            },
        ),
        migrations.CreateModel(
            name='BackgroundJob',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('title', models.CharField(max_length=200)),
                ('started_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='background_jobs', to=settings.AUTH_USER_MODEL)),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('started_at', models.DateTimeField(blank=True, null=True)),
                ('finished_at', models.DateTimeField(blank=True, null=True)),
                ('status', models.CharField(choices=[('queued', 'Waiting to start'), ('running', 'Running'), ('done', 'Done'), ('failed', 'Not done')], default='queued', max_length=10)),
                ('progress', models.CharField(blank=True, max_length=200)),
                ('outcome', models.TextField(blank=True)),
                ('problems', models.JSONField(blank=True, default=list)),
                ('next_url', models.CharField(blank=True, max_length=300)),
                ('next_label', models.CharField(blank=True, max_length=100)),
                ('upload', models.CharField(blank=True, max_length=300)),
                ('upload_name', models.CharField(blank=True, max_length=200)),
                ('task_id', models.CharField(blank=True, max_length=64)),
                ('worker', models.CharField(blank=True, max_length=200)),
                ('heartbeat_at', models.DateTimeField(blank=True, null=True)),
                ('interrupted', models.BooleanField(default=False)),
            ],
            options={
                'ordering': ['-created_at'],
                'indexes': [],
                'constraints': [],
            },
        ),
    ]
