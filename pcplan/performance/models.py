"""Measures, their observations, and monthly aggregates of data.police.uk open data."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from pcplan.core.concurrency import Versioned
from pcplan.core.dates import long_date, short_month_year
from pcplan.delivery.models import Deliverable
from pcplan.performance import rules
from pcplan.performance.derivations import derivation_choices
from pcplan.performance.limits import VALUE_DECIMAL_PLACES, VALUE_MAX_DIGITS
from pcplan.plans.models import Theme


class MeasureQuerySet(models.QuerySet["Measure"]):
    def public(self) -> MeasureQuerySet:
        """What the public dashboard shows: national measures and published local ones."""
        return self.filter(models.Q(is_national=True) | models.Q(is_published=True))


class Measure(Versioned):
    """How part of the plan is measured (PRSRA 2011 s.7; seed 002 item 9 footnote 1)."""

    class Direction(models.TextChoices):
        HIGHER_IS_BETTER = rules.Direction.HIGHER_IS_BETTER.value, "Higher is better"
        LOWER_IS_BETTER = rules.Direction.LOWER_IS_BETTER.value, "Lower is better"

    class Source(models.TextChoices):
        MANUAL = "manual", "Entered by hand"
        UPLOAD = "upload", "Uploaded as CSV or Excel"
        POLICE_DATA = "police-data", "Derived from data.police.uk"

    key = models.SlugField("slug", max_length=80, unique=True)
    position = models.PositiveIntegerField(default=0)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    unit = models.CharField(max_length=60, help_text="For example: crimes, %, officers.")
    direction = models.CharField(
        "direction of improvement", max_length=10, choices=Direction.choices
    )
    baseline_label = models.CharField(
        "baseline period",
        max_length=100,
        blank=True,
        help_text="For example: year ending June 2019",
    )
    baseline_start = models.DateField(
        null=True, blank=True, help_text="The first day of the baseline period."
    )
    baseline_end = models.DateField(
        null=True, blank=True, help_text="The last day of the baseline period."
    )
    baseline_value = models.DecimalField(
        max_digits=VALUE_MAX_DIGITS, decimal_places=VALUE_DECIMAL_PLACES, null=True, blank=True
    )
    is_summed = models.BooleanField(
        "values add up over time",
        default=True,
        help_text="Counts (crimes, arrests) add up, so pcplan shows 12-month rolling totals; "
        "rates and percentages do not.",
    )
    target_value = models.DecimalField(
        max_digits=VALUE_MAX_DIGITS, decimal_places=VALUE_DECIMAL_PLACES, null=True, blank=True
    )
    target_note = models.CharField(max_length=200, blank=True)
    is_national = models.BooleanField(
        "national measure",
        default=False,
        help_text="One of the six National Crime and Policing Measures.",
    )
    is_published = models.BooleanField(default=False, help_text="Shown on the public dashboard.")
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.MANUAL)
    derivation = models.CharField(
        "police data derivation",
        max_length=80,
        blank=True,
        choices=derivation_choices(),
        help_text="For measures derived from data.police.uk: which crime types are counted.",
    )
    themes = models.ManyToManyField(Theme, blank=True, related_name="measures")
    deliverables = models.ManyToManyField(Deliverable, blank=True, related_name="measures")

    history = HistoricalRecords(m2m_fields=[themes, deliverables])
    objects = MeasureQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_public(self) -> bool:
        return self.is_national or self.is_published

    @property
    def is_derived(self) -> bool:
        return self.source == self.Source.POLICE_DATA and bool(self.derivation)


class Observation(models.Model):
    """A value of a measure for one month, quarter or year, for the force or one CSP area."""

    class Granularity(models.TextChoices):
        MONTH = "month", "Month"
        QUARTER = "quarter", "Quarter"
        YEAR = "year", "Year"

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="observations")
    granularity = models.CharField(max_length=10, choices=Granularity.choices)
    period_start = models.DateField(help_text="The first day of the month, quarter or year.")
    value = models.DecimalField(max_digits=VALUE_MAX_DIGITS, decimal_places=VALUE_DECIMAL_PLACES)
    area = models.CharField(
        max_length=200,
        blank=True,
        help_text="The Community Safety Partnership, as the office profile names it; blank for "
        "the whole force area.",
    )
    note = models.CharField(max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["measure", "period_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "granularity", "period_start", "area"],
                name="observation_once_per_period_and_area",
            )
        ]

    def __str__(self) -> str:
        return f"{self.measure}: {self.value} ({short_month_year(self.period_start)})"


# The aggregates below are written in bulk by `pcplan import-police-data`, replaced a whole
# (force, month, kind) at a time. They carry no row history: ImportRun records who loaded what.


class PoliceMonthlyCrime(models.Model):
    """Street-level crimes of one month: force × LSOA × crime type × last outcome."""

    force = models.CharField(
        max_length=60, help_text="The force's data.police.uk id, as its file names spell it."
    )
    month = models.DateField()
    lsoa_code = models.CharField(max_length=12, blank=True)
    lsoa_name = models.CharField(max_length=100, blank=True)
    district = models.CharField(max_length=80, blank=True)
    crime_type = models.CharField(max_length=60)
    last_outcome_category = models.CharField(max_length=120, blank=True)
    count = models.PositiveIntegerField()

    class Meta:
        indexes = [
            # The dashboard sums counts by month and crime type for a force, or for one of
            # its districts (CSP areas). One index only: millions of rows are bulk-inserted.
            models.Index(fields=["force", "district", "month"], name="policecrime_force_area"),
        ]

    def __str__(self) -> str:
        return f"{self.force} {self.month:%Y-%m} {self.crime_type}: {self.count}"


class PoliceMonthlyOutcome(models.Model):
    """Outcomes recorded in one month (outcomes files): force × LSOA × outcome type."""

    force = models.CharField(max_length=60)
    month = models.DateField()
    lsoa_code = models.CharField(max_length=12, blank=True)
    lsoa_name = models.CharField(max_length=100, blank=True)
    district = models.CharField(max_length=80, blank=True)
    outcome_type = models.CharField(max_length=120)
    count = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["force", "month"], name="policeoutcome_force_month")]

    def __str__(self) -> str:
        return f"{self.force} {self.month:%Y-%m} {self.outcome_type}: {self.count}"


class PoliceMonthlyStopSearch(models.Model):
    """Stop and search of one month: force × district × object of search × outcome × whether
    the outcome was linked to the object of search × officer-defined and self-defined
    ethnicity. No coordinates, gender or age are kept."""

    force = models.CharField(max_length=60)
    month = models.DateField()
    district = models.CharField(
        max_length=80,
        blank=True,
        help_text="The local authority district of the nearest street-crime map point of the "
        "force, in the files imported with it or kept from earlier imports; blank when the "
        "search has no location or none is near.",
    )
    object_of_search = models.CharField(max_length=120, blank=True)
    outcome = models.CharField(max_length=120, blank=True)
    # "True", "False" or "" (not recorded), as the published files spell it.
    outcome_linked = models.CharField(
        "outcome linked to object of search", max_length=10, blank=True
    )
    officer_defined_ethnicity = models.CharField(max_length=60, blank=True)
    self_defined_ethnicity = models.CharField(max_length=200, blank=True)
    count = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["force", "month"], name="policestop_force_month")]

    def __str__(self) -> str:
        return f"{self.force} {self.month:%Y-%m} {self.object_of_search}: {self.count}"


class PoliceMapPoint(models.Model):
    """A published street-crime map point of a force with the district of its LSOA, kept
    between imports: stop and search files carry only coordinates, and a search imported
    later without street files is placed at the nearest of its force's kept points. Written
    by `pcplan import-police-data` for every street file, only the points not yet kept; never
    shown on a page. data.police.uk publishes these anonymised points with every crime."""

    force = models.CharField(max_length=60)
    latitude = models.FloatField()
    longitude = models.FloatField()
    district = models.CharField(max_length=80)

    class Meta:
        indexes = [models.Index(fields=["force"], name="policemappoint_force")]

    def __str__(self) -> str:
        return f"{self.force} {self.latitude},{self.longitude}: {self.district}"


class ImportRun(models.Model):
    """One run of `pcplan import-police-data`: who, when, which files, how much."""

    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField(auto_now_add=True)
    files = models.JSONField(default=list)
    file_count = models.PositiveIntegerField(default=0)
    rows = models.PositiveBigIntegerField(default=0)
    aggregate_rows = models.PositiveBigIntegerField(default=0)
    months = models.JSONField(default=list)
    forces = models.JSONField(default=list)
    rows_dated_in_other_month = models.PositiveIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        started = long_date(self.started_at, padded=True)
        return f"Police data import of {started} {self.started_at:%H:%M}"


class PublishedFigure(models.Model):
    """A figure of a measure published elsewhere (for example the Home Office's for the year
    ending June 2019), with where it comes from; one of them may be the measure's baseline."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="figures")
    area = models.CharField(
        max_length=200, blank=True, help_text="The CSP area; blank for the whole force area."
    )
    period_label = models.CharField("period", max_length=100, help_text="Year ending June 2019")
    period_start = models.DateField()
    period_end = models.DateField()
    value = models.DecimalField(max_digits=VALUE_MAX_DIGITS, decimal_places=VALUE_DECIMAL_PLACES)
    is_baseline = models.BooleanField("this is the baseline", default=False)
    source = models.CharField(
        max_length=300, help_text="Who published it and where: the table or report."
    )
    source_url = models.URLField("source address", max_length=500, blank=True)
    source_date = models.DateField("date published")
    note = models.CharField(max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["measure", "area", "-period_end"]
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "area", "period_start", "period_end"],
                name="published_figure_once_per_period_and_area",
            )
        ]

    def __str__(self) -> str:
        return f"{self.measure}: {self.value} ({self.period_label})"


class AreaPopulationQuerySet(models.QuerySet["AreaPopulation"]):
    def residents_of(self, areas: Iterable[str]) -> dict[str, AreaPopulation]:
        """All residents (no group) of each of `areas` that has them, by area."""
        return {p.area: p for p in self.filter(area__in=list(areas), group="")}


class AreaPopulation(models.Model):
    """Residents of a force area or CSP area, in total or of one ethnic group, with its source:
    for rates per 1,000 residents and stop and search disproportionality. Kept here, not in the
    office profile, until the profile has a population field."""

    area = models.CharField(
        max_length=200,
        help_text="The CSP area as the profile names it, or the force's data.police.uk id.",
    )
    group = models.CharField(
        max_length=60,
        blank=True,
        help_text="Blank for all residents; otherwise an officer-defined ethnicity as "
        "data.police.uk spells it (Asian, Black, Mixed, Other, White).",
    )
    population = models.PositiveIntegerField()
    source = models.CharField(max_length=300)
    year = models.PositiveIntegerField()

    history = HistoricalRecords()
    objects = AreaPopulationQuerySet.as_manager()

    class Meta:
        ordering = ["area", "group"]
        constraints = [
            models.UniqueConstraint(fields=["area", "group"], name="population_once_per_group")
        ]

    def __str__(self) -> str:
        return f"{self.area} {self.group or 'all'}: {self.population}"
