"""Who may do what with the Panel's business (one place for each rule).

The Panel secretariat (and administrators) keep meetings, minutes, the forward plan,
recommendations and public questions. OPCC editors may also put a generated report on a
Panel agenda item whose agenda is not yet published; another body's papers go on by those who
run its meetings. Panel members read everything, exempt papers
included. The public reads published, non-exempt content only, and never signs in: it is
`None` here.

Views check these once on the way in (`pcplan.panel.views.access`) and hand templates the
answers as flags; services use the same functions.
"""

from __future__ import annotations

from django.db.models import Q

from pcplan.core.models import User
from pcplan.partnerships.models import PANEL_KEY, Body
from pcplan.partnerships.permissions import can_keep_partnerships
from pcplan.plans.permissions import can_edit_plan

RUN_PANEL = frozenset({User.Role.PANEL_SECRETARIAT, User.Role.ADMINISTRATOR})
SEE_EXEMPT = RUN_PANEL | {User.Role.PANEL_MEMBER}


def can_run_panel(user: User | None) -> bool:
    return user is not None and user.is_active and user.role in RUN_PANEL


def can_see_exempt(user: User | None) -> bool:
    return user is not None and user.is_active and user.role in SEE_EXEMPT


def can_read_panel_staff_pages(user: User | None) -> bool:
    return can_see_exempt(user)


# --- every body's meetings (issue 11: one meetings engine) -----------------------------------
# The Panel's meetings are run by its secretariat; every other body's by those who keep the
# partnerships (pcplan.partnerships.permissions). A body that meets in public shows its
# meetings to everyone; a private body's meetings only to those who run them.


def can_run_meetings_of(user: User | None, body: Body) -> bool:
    if body.is_panel:
        return can_run_panel(user)
    return user is not None and can_keep_partnerships(user)


def can_see_exempt_of(user: User | None, body: Body) -> bool:
    """Exempt papers and private minutes: the Panel's for its members too."""
    if body.is_panel:
        return can_see_exempt(user)
    return can_run_meetings_of(user, body)


def bodies_seen_in_full(user: User | None) -> Q:
    """`can_see_exempt_of` for every body at once, as a filter on bodies (the staff search asks
    it of hundreds): the Panel when `can_see_exempt`, every other body when the user runs its
    meetings. tests/panel/test_bodies_seen_in_full.py checks the two agree for every role."""
    seen = Q(pk__in=[])
    if can_see_exempt(user):
        seen |= Q(key=PANEL_KEY)
    if user is not None and can_keep_partnerships(user):
        seen |= ~Q(key=PANEL_KEY)
    return seen


def can_read_meetings_of(user: User | None, body: Body) -> bool:
    return body.meetings_are_public or can_see_exempt_of(user, body)


def can_attach_paper(user: User | None, body: Body) -> bool:
    """Who may put a paper on an agenda item of `body`'s meeting: those who run its meetings,
    and, for the Panel, the OPCC editors who write the reports it receives too (an editor's
    generated report becomes its agenda item's paper in one step, issue 18)."""
    if body.is_panel:
        return can_run_panel(user) or (user is not None and can_edit_plan(user))
    return can_run_meetings_of(user, body)
