"""Preload the six National Crime and Policing Measures (pcplan.performance.national)."""

from django.db import migrations

from pcplan.performance.national import NATIONAL_MEASURES, ensure_national_measures


def add_national_measures(apps, schema_editor):
    ensure_national_measures(apps.get_model("performance", "Measure"))


def remove_national_measures(apps, schema_editor):
    Measure = apps.get_model("performance", "Measure")
    Measure.objects.filter(key__in=[m[0] for m in NATIONAL_MEASURES]).delete()


class Migration(migrations.Migration):
    dependencies = [("performance", "0001_initial")]

    operations = [migrations.RunPython(add_national_measures, remove_national_measures)]
