"""Office profiles for tests, written as `pcplan setup` files and loaded through it."""

from __future__ import annotations

from pcplan.core.models import Office
from pcplan.core.profile import setup_from_text

# The seeds' office, as the demo's profile has it, but with each CSP named by its district so
# that tests read as the dashboard's filter does ("Cambridge", "Peterborough").
SEEDS_OFFICE = """\
kind: pcc
name: Cambridgeshire Police and Crime Commissioner
holder_title: Police and Crime Commissioner
holder_short_title: Commissioner
office_abbreviation: OPCC
police_area: Cambridgeshire and Peterborough
board_name: Business Coordination Board
contact_officer: Jack Hudson, Head of Business Development, OPCC
contact_details: cambs-pcc@cambs.police.uk 0300 333 3456
forces:
  - {id: cambridgeshire, name: Cambridgeshire Constabulary}
  - {id: testshire, name: Testshire Police}
panel:
  name: Cambridgeshire Police and Crime Panel
  host_authority: Peterborough City Council
csps:
  - {name: Cambridge, districts: [Cambridge]}
  - {name: East Cambridgeshire, districts: [East Cambridgeshire]}
  - {name: Fenland, districts: [Fenland]}
  - {name: Huntingdonshire, districts: [Huntingdonshire]}
  - {name: Peterborough, districts: [Peterborough]}
  - {name: South Cambridgeshire, districts: [South Cambridgeshire]}
"""


def seeds_office() -> Office:
    setup_from_text(SEEDS_OFFICE, "seeds-office.yaml")
    return Office.objects.get()
