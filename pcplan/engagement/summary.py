"""Engagement figures read from the records: survey counts, concern counts, output counts.

Each reads the database once or twice and hands the counting to `rules`, so the staff pages,
the public pages and the Panel report give the same numbers.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _

from pcplan.engagement import rules
from pcplan.engagement.models import CommsOutput, Concern, Consultation, Event
from pcplan.plans.models import Theme


@dataclass
class SurveyResults:
    total: int
    by_area: list[tuple[str, int]]
    by_theme: list[tuple[str, int]]
    top_issues: dict[str, list[tuple[str, int]]]


def _area_label(area: str) -> str:
    return area or _("Area not given")


def survey_results(consultation: Consultation, top: int = 5) -> SurveyResults:
    """Counted by the database: one row per distinct (area, issues) answer and how many
    responses gave it (hundreds, however many responses there are), and one per theme; then
    added up by `rules`."""
    responses = consultation.responses.order_by()
    answers = responses.values_list("area", "issues").annotate(n=Count("id"))
    by_answer = Counter({(area, tuple(issues)): n for area, issues, n in answers})
    by_area: Counter[str] = Counter()
    for (area, _issues), n in by_answer.items():
        by_area[area] += n
    by_theme_id = dict(responses.values_list("theme_id").annotate(n=Count("id")))
    titles = dict(Theme.objects.filter(pk__in=by_theme_id).values_list("id", "title"))
    by_theme: Counter[str] = Counter()
    for theme_id, n in by_theme_id.items():
        by_theme[titles.get(theme_id, "")] += n
    top_issues = rules.top_issues_of_answers(by_answer, top)
    return SurveyResults(
        total=by_area.total(),
        by_area=[(_area_label(a), n) for a, n in rules.ranked(by_area, len(by_area))],
        by_theme=[(t or _("No theme named"), n) for t, n in rules.ranked(by_theme, len(by_theme))],
        top_issues={_area_label(a): issues for a, issues in top_issues.items()},
    )


@dataclass
class ConcernCounts:
    total: int
    by_area: list[tuple[str, int]]
    by_topic: list[tuple[str, int]]
    by_outcome: list[tuple[str, int]]


def _labelled(
    queryset: QuerySet[Concern], field: str, labels: dict[str, str]
) -> list[tuple[str, int]]:
    counter: Counter[str] = Counter()
    for row in queryset.values(field).annotate(n=Count("id")):
        counter[labels.get(row[field], row[field]) or _("Area not given")] += row["n"]
    return rules.ranked(counter, len(counter))


def concern_counts(queryset: QuerySet[Concern] | None = None) -> ConcernCounts:
    """Counts only: by area, topic and outcome (what the public may see of the case log)."""
    concerns = queryset if queryset is not None else Concern.objects.all()
    return ConcernCounts(
        total=concerns.count(),
        by_area=_labelled(concerns, "area", {}),
        by_topic=_labelled(concerns, "topic", {k: str(v) for k, v in Concern.Topic.choices}),
        by_outcome=_labelled(concerns, "outcome", {k: str(v) for k, v in Concern.Outcome.choices}),
    )


@dataclass
class OutputFigures:
    start: dt.date
    end: dt.date
    by_kind: list[tuple[str, int]]
    by_channel: list[tuple[str, int]]
    by_theme: list[tuple[str, int]]
    events: int
    district_days: int
    district_day_places: list[str]


def output_figures(start: dt.date, end: dt.date) -> OutputFigures:
    """The communications output of a period, as the Panel report states it (seed 002 item 6
    §5.4: press releases, social posts, responses and statements, events, District Days),
    counted from the records."""
    output = CommsOutput.objects.between(start, end)
    kinds = dict(CommsOutput.Kind.choices)
    by_kind = Counter(
        {str(kinds[r["kind"]]): r["n"] for r in output.values("kind").annotate(n=Count("id"))}
    )
    by_channel = Counter(
        {
            r["channel"] or _("No channel"): r["n"]
            for r in output.values("channel").annotate(n=Count("id"))
        }
    )
    by_theme = Counter(
        {
            r["theme__title"] or _("No theme"): r["n"]
            for r in output.values("theme__title").annotate(n=Count("id"))
        }
    )
    events = Event.objects.filter(date__gte=start, date__lte=end)
    district_days = events.filter(kind=Event.Kind.DISTRICT_DAY).order_by("date")
    return OutputFigures(
        start=start,
        end=end,
        by_kind=[(k, by_kind[k]) for k in (str(v) for v in kinds.values()) if by_kind[k]],
        by_channel=rules.ranked(by_channel, len(by_channel)),
        by_theme=rules.ranked(by_theme, len(by_theme)),
        events=events.exclude(kind=Event.Kind.DISTRICT_DAY).count(),
        district_days=district_days.count(),
        district_day_places=list(district_days.values_list("place", flat=True)),
    )
