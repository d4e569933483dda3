"""Local authority districts from data.police.uk LSOA names.

An LSOA name is its local authority district followed by a code ("Bedford 007A",
"Central Bedfordshire 012C"). The district is the name without that last word. Which
Community Safety Partnership covers which districts is the office's profile
(`pcplan.core.office.csp_areas`), not code. No Django here: plain functions, used by the
importer and the dashboard.
"""

from __future__ import annotations


def district_of(lsoa_name: str | None) -> str:
    """ "Bedford 007A" -> "Bedford"; blank or unusual names give ""."""
    if not lsoa_name:
        return ""
    head, _, code = lsoa_name.strip().rpartition(" ")
    if not head or len(code) != 4 or not code[:3].isdigit():
        return ""
    return head


# The same rule in DuckDB SQL, so the importer computes it without pulling rows into Python.
DISTRICT_SQL = "coalesce(regexp_extract(\"LSOA name\", '^(.+) [0-9]{3}[A-Z]$', 1), '')"
