"""The six National Crime and Policing Measures (seed 002, agenda item 9, footnote 1).

"Police and Crime Commissioners are required to provide a statement on the contribution of
their force to achieving improvements against the national policing priorities. These were
introduced in early 2021 and use a baseline of year ending June 2019."

Baseline values are left blank: an editor enters the force's figure. Plain data and one
function taking the model class, so that the data migration (with its historical model) and
the demo (with the real one) load the same thing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

BASELINE = "Year ending June 2019"
BASELINE_START = dt.date(2018, 7, 1)
BASELINE_END = dt.date(2019, 6, 30)

NATIONAL_MEASURES = [
    (
        "reduce-murder-and-other-homicide",
        "Reduce murder and other homicide",
        "Homicides recorded by the force. data.police.uk has no separate homicide category, "
        "so this measure is entered by hand or uploaded.",
        "homicides",
        "manual",
        "",
    ),
    (
        "reduce-serious-violence",
        "Reduce serious violence",
        "Serious violence (for example, violence with injury and offences involving knives or "
        "sharp instruments). data.police.uk's 'Violence and sexual offences' is far wider, so "
        "this measure is entered by hand or uploaded.",
        "offences",
        "manual",
        "",
    ),
    (
        "disrupt-drugs-supply-and-county-lines",
        "Disrupt drugs supply and county lines",
        "Drug supply disruption: county lines closed, drug seizures and related activity, "
        "entered by hand or uploaded.",
        "disruptions",
        "manual",
        "",
    ),
    (
        "reduce-neighbourhood-crime",
        "Reduce neighbourhood crime",
        "Burglary, robbery, theft from the person and vehicle crime, derived from "
        "data.police.uk street-level crime (an approximation of the Home Office definition: "
        "see the police data notes).",
        "crimes",
        "police-data",
        "neighbourhood-crime",
    ),
    (
        "improve-victim-satisfaction",
        "Improve satisfaction among victims, with a particular focus on victims of domestic abuse",
        "Percentage of victims satisfied with the service they received, from the force's "
        "victim surveys.",
        "%",
        "manual",
        "",
    ),
    (
        "tackle-cyber-crime",
        "Tackle cyber crime",
        "Cyber crime and fraud measures reported by the force, entered by hand or uploaded.",
        "offences",
        "manual",
        "",
    ),
]


HIGHER_IS_BETTER = {"improve-victim-satisfaction", "disrupt-drugs-supply-and-county-lines"}


def ensure_national_measures(measure_model: Any) -> None:
    """Create or refresh the six national measures; values an editor set are kept."""
    for position, (key, name, description, unit, source, derivation) in enumerate(
        NATIONAL_MEASURES, start=1
    ):
        measure_model.objects.update_or_create(
            key=key,
            defaults={
                "position": position,
                "name": name,
                "description": description,
                "unit": unit,
                "direction": "higher" if key in HIGHER_IS_BETTER else "lower",
                "baseline_label": BASELINE,
                "baseline_start": BASELINE_START,
                "baseline_end": BASELINE_END,
                "is_summed": unit != "%",
                "is_national": True,
                "is_published": True,
                "source": source,
                "derivation": derivation,
            },
        )
