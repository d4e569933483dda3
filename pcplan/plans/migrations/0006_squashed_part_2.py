"""Plans, second part: the commitments and statutory elements, which point at deliverables and
measures (delivery and performance point at plans, so they come between).

pcplan.core.squashed_history says what every squashed migration replaces and how it runs.
"""

import django.db.models.deletion
import simple_history.models
from django.db import migrations, models

from pcplan.core.squashed_history import SquashedMigration


class Migration(SquashedMigration):

    dependencies = [
        ('delivery', '0007_squashed'),
        ('performance', '0008_squashed'),
        ('plans', '0005_squashed'),
    ]

    operations = [
        migrations.CreateModel(
            name='HistoricalCommitment_deliverables',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('commitment', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='plans.commitment')),
                ('deliverable', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='delivery.deliverable')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='plans.historicalcommitment')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
            ],
            options={
                'verbose_name': 'HistoricalCommitment_deliverables',
                'indexes': [],
                'constraints': [],
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalCommitment_measures',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('commitment', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='plans.commitment')),
                ('measure', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='performance.measure')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='plans.historicalcommitment')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
            ],
            options={
                'verbose_name': 'HistoricalCommitment_measures',
                'indexes': [],
                'constraints': [],
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='Commitment',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('plan', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='commitments', to='plans.plan')),
                ('theme', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='commitments', to='plans.theme')),
                ('kind', models.CharField(choices=[('key-objective', 'Key objective'), ('shared-outcome', 'Shared outcome'), ('pledge', 'Personal pledge')], max_length=20)),
                ('position', models.PositiveIntegerField(default=0)),
                ('text', models.TextField()),
                ('deliverables', models.ManyToManyField(blank=True, related_name='commitments', to='delivery.deliverable')),
                ('measures', models.ManyToManyField(blank=True, related_name='commitments', to='performance.measure')),
            ],
            options={
                'ordering': ['plan', 'kind', 'theme__position', 'position', 'id'],
                'constraints': [models.CheckConstraint(condition=models.Q(('kind', 'pledge'), ('theme__isnull', False), _connector='OR'), name='commitment_objective_or_outcome_has_a_theme')],
                'indexes': [],
            },
        ),
    ]
