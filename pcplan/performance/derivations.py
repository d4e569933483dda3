"""How measures are derived from data.police.uk street-level crime: the category mapping.

data.police.uk publishes 14 "Crime type" categories. They only approximate the Home Office
offence groups behind the National Crime and Policing Measures (see docs/police-data.md for
the limits). No Django here.
"""

from __future__ import annotations

from dataclasses import dataclass

ANTI_SOCIAL_BEHAVIOUR = "Anti-social behaviour"

POLICE_UK_CRIME_TYPES: tuple[str, ...] = (
    "Anti-social behaviour",
    "Bicycle theft",
    "Burglary",
    "Criminal damage and arson",
    "Drugs",
    "Other crime",
    "Other theft",
    "Possession of weapons",
    "Public order",
    "Robbery",
    "Shoplifting",
    "Theft from the person",
    "Vehicle crime",
    "Violence and sexual offences",
)

# Neighbourhood crime (National Crime and Policing Measures): domestic burglary, personal
# robbery, theft from the person and vehicle offences. police.uk's "Burglary" includes
# non-domestic burglary and "Robbery" includes business robbery, so this over-counts.
NEIGHBOURHOOD_CRIME: tuple[str, ...] = (
    "Burglary",
    "Robbery",
    "Theft from the person",
    "Vehicle crime",
)


@dataclass(frozen=True)
class Derivation:
    key: str
    label: str
    crime_types: tuple[str, ...]


def _slug(text: str) -> str:
    return "-".join(text.lower().replace(",", "").split())


DERIVATIONS: dict[str, Derivation] = {
    "neighbourhood-crime": Derivation(
        "neighbourhood-crime",
        "Neighbourhood crime (burglary, robbery, theft from the person, vehicle crime)",
        NEIGHBOURHOOD_CRIME,
    ),
    "all-crime": Derivation(
        "all-crime",
        "All crime (every police.uk crime type except anti-social behaviour)",
        tuple(t for t in POLICE_UK_CRIME_TYPES if t != ANTI_SOCIAL_BEHAVIOUR),
    ),
    **{
        f"crime-type-{_slug(t)}": Derivation(f"crime-type-{_slug(t)}", t, (t,))
        for t in POLICE_UK_CRIME_TYPES
    },
}


def derivation_choices() -> list[tuple[str, str]]:
    return [(d.key, d.label) for d in DERIVATIONS.values()]
