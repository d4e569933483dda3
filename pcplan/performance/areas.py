"""Community Safety Partnership areas of Cambridgeshire and Peterborough, from LSOA names.

An LSOA name is its local authority district followed by a code ("Cambridge 007A",
"South Cambridgeshire 012C"). The district is the name without that last word. The six CSP
areas of the force area each match one district (seed 001/002: the six Community Safety
Partnerships). No Django here: plain functions, used by the importer and the dashboard.
"""

from __future__ import annotations

CSP_AREAS: tuple[str, ...] = (
    "Cambridge",
    "East Cambridgeshire",
    "Fenland",
    "Huntingdonshire",
    "Peterborough",
    "South Cambridgeshire",
)


def district_of(lsoa_name: str | None) -> str:
    """ "Cambridge 007A" -> "Cambridge"; blank or unusual names give ""."""
    if not lsoa_name:
        return ""
    head, _, code = lsoa_name.strip().rpartition(" ")
    if not head or len(code) != 4 or not code[:3].isdigit():
        return ""
    return head


# The same rule in DuckDB SQL, so the importer computes it without pulling rows into Python.
DISTRICT_SQL = "coalesce(regexp_extract(\"LSOA name\", '^(.+) [0-9]{3}[A-Z]$', 1), '')"
