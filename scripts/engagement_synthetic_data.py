"""Write the engagement demo's SYNTHETIC data files (deterministic: the same files every run).

The seeds give totals and top issues, not the responses or the output records themselves, so
the demo's rows are made up here to match them: the precept survey's 640 responses and the
Youth Listening Project's 1,574 (seed 002 item 6 §6.2, §8.2), the 2021 plan survey's top
issues (seed 000 §4.4: visibility first; seed 004 §7.4: bike theft in Cambridge), and the
output of March 2022 to February 2023 (item 6 §5.4: 40 press releases, 472 social media posts
across three channels, 116 responses and statements, 50 public engagement events and five
District Days). Nobody's words or details are in them.

    python scripts/engagement_synthetic_data.py            # the demo's files
    python scripts/engagement_synthetic_data.py --bench N  # N responses for the benchmark
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import sys
from pathlib import Path
from typing import TextIO

OUT = Path(__file__).resolve().parents[1] / "pcplan" / "engagement" / "demo_data"
HEADER = [
    "Response ID",
    "Submitted",
    "Which district do you live in?",
    "Which theme matters most to you?",
    "Top issues in your area (separate with ;)",
]
DISTRICTS = [
    "Cambridge",
    "East Cambridgeshire",
    "Fenland",
    "Huntingdonshire",
    "Peterborough",
    "South Cambridgeshire",
]
THEMES = [
    "Putting Communities First",
    "Crime Prevention",
    "Supporting Victims and Witnesses",
    "Ethical Policing",
    "Robust Enforcement",
    "",
]
# Issue weights per district: visibility everywhere (seed 000 §4.4), bike theft in Cambridge
# (seed 004 §7.4), rural crime and speeding in the rural districts, ASB, fly-tipping, drugs.
PLAN_ISSUES = {
    "Cambridge": {
        "Bike theft": 9,
        "Police visibility": 7,
        "Anti-social behaviour": 5,
        "Drugs": 4,
        "Burglary": 3,
        "Speeding": 1,
    },
    "East Cambridgeshire": {
        "Police visibility": 9,
        "Rural crime": 7,
        "Speeding": 6,
        "Burglary": 3,
        "Anti-social behaviour": 2,
        "Fly-tipping": 1,
    },
    "Fenland": {
        "Police visibility": 8,
        "Anti-social behaviour": 7,
        "Rural crime": 6,
        "Fly-tipping": 5,
        "Drugs": 3,
        "Speeding": 2,
    },
    "Huntingdonshire": {
        "Police visibility": 9,
        "Speeding": 6,
        "Rural crime": 5,
        "Burglary": 4,
        "Anti-social behaviour": 3,
        "Drugs": 1,
    },
    "Peterborough": {
        "Police visibility": 8,
        "Anti-social behaviour": 7,
        "Drugs": 6,
        "Fly-tipping": 4,
        "Violence": 3,
        "Burglary": 1,
    },
    "South Cambridgeshire": {
        "Police visibility": 9,
        "Speeding": 7,
        "Rural crime": 5,
        "Burglary": 4,
        "Bike theft": 2,
        "Fly-tipping": 1,
    },
}
YOUTH_ISSUES = {
    "Knife crime": 9,
    "Drug dealing": 7,
    "Gang violence": 5,
    "Feeling unsafe at night": 5,
    "Online harm": 3,
    "Bullying": 2,
}
PRECEPT_ISSUES = {
    "Police visibility": 9,
    "Neighbourhood policing": 7,
    "Response times": 5,
    "Anti-social behaviour": 4,
    "Value for money": 3,
    "Rural crime": 2,
}


def _pick(rng: random.Random, weights: dict[str, int], k: int) -> list[str]:
    chosen: list[str] = []
    names, values = list(weights), list(weights.values())
    while len(chosen) < k:
        issue = rng.choices(names, values)[0]
        if issue not in chosen:
            chosen.append(issue)
    return chosen


def survey(
    path: Path | None,
    count: int,
    start: dt.date,
    days: int,
    issues_for: dict[str, dict[str, int]],
    seed: int,
) -> None:
    """Write `count` responses to `path`, or to standard output when `path` is None."""
    if path is None:
        _write_survey(sys.stdout, count, start, days, issues_for, seed)
        return
    with path.open("w", newline="", encoding="utf-8") as handle:
        _write_survey(handle, count, start, days, issues_for, seed)


def _write_survey(
    handle: TextIO,
    count: int,
    start: dt.date,
    days: int,
    issues_for: dict[str, dict[str, int]],
    seed: int,
) -> None:
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not security
    writer = csv.writer(handle)
    writer.writerow(HEADER)
    for n in range(1, count + 1):
        district = DISTRICTS[n % len(DISTRICTS)] if n <= len(DISTRICTS) else rng.choice(DISTRICTS)
        weights = issues_for[district]
        day = start + dt.timedelta(days=rng.randrange(days))
        writer.writerow(
            [
                f"R{n:06d}",
                day.strftime("%d/%m/%Y"),
                district,
                rng.choice(THEMES),
                "; ".join(_pick(rng, weights, rng.randint(1, 3))),
            ]
        )


def output(path: Path) -> None:
    rng = random.Random(2023)  # noqa: S311
    start, days = dt.date(2022, 3, 1), 365
    themes = THEMES[:5]
    rows: list[list[str]] = []
    kinds = [
        ("press-release", 40, ["Press"]),
        ("social-post", 472, ["Facebook", "Instagram", "Twitter"]),
        ("statement", 116, ["Local media"]),
    ]
    for kind, count, channels in kinds:
        for n in range(count):
            day = start + dt.timedelta(days=rng.randrange(days))
            theme = rng.choice(themes)
            label = "Synthetic " + kind.replace("-", " ")
            rows.append(
                [day.isoformat(), kind, channels[n % len(channels)], f"{label} {n + 1}", theme]
            )
    rows.sort()
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Date", "Kind", "Channel", "Title", "Theme"])
        writer.writerows(rows)


def events(path: Path) -> None:
    """48 public engagement events besides the two named round tables (50 in all, §5.4)."""
    rng = random.Random(50)  # noqa: S311
    kinds = ["public-meeting"] * 6 + ["school-visit"] * 3 + ["round-table"]
    rows = []
    for n in range(48):
        day = dt.date(2022, 3, 1) + dt.timedelta(days=rng.randrange(365))
        kind = rng.choice(kinds)
        district = rng.choice(DISTRICTS)
        title = {
            "public-meeting": "Synthetic public engagement event",
            "school-visit": "Synthetic school visit",
            "round-table": "Synthetic round table for local councillors",
        }[kind]
        rows.append([day.isoformat(), kind, f"{title} {n + 1}", district, district])
    rows.sort()
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Date", "Kind", "Title", "Place", "Area"])
        writer.writerows(rows)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bench", type=int, default=0)
    args = parser.parse_args(argv)
    if args.bench:
        survey(None, args.bench, dt.date(2021, 6, 30), 31, PLAN_ISSUES, 7)
        return
    survey(
        OUT / "synthetic-plan-survey-2021.csv", 1000, dt.date(2021, 6, 30), 31, PLAN_ISSUES, 2021
    )
    survey(
        OUT / "synthetic-precept-survey-2023-24.csv",
        640,
        dt.date(2022, 12, 21),
        40,
        dict.fromkeys(DISTRICTS, PRECEPT_ISSUES),
        2022,
    )
    survey(
        OUT / "synthetic-youth-listening-project.csv",
        1574,
        dt.date(2022, 10, 3),
        120,
        dict.fromkeys(DISTRICTS, YOUTH_ISSUES),
        1574,
    )
    output(OUT / "synthetic-communications-output-2022-23.csv")
    events(OUT / "synthetic-events-2022-23.csv")


if __name__ == "__main__":
    main(sys.argv[1:])
