from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('performance', '0005_measure_versions'),
    ]

    operations = [
        migrations.AddField(
            model_name='policemonthlystopsearch',
            name='district',
            field=models.CharField(blank=True, default='', help_text='The local authority district of the nearest street-crime map point of the force in the files imported with it; blank when the search has no location or none is near.', max_length=80),
            preserve_default=False,
        ),
    ]
