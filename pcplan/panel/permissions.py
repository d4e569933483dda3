"""Who may do what with the Panel's business (one place for each rule).

The Panel secretariat (and administrators) keep meetings, minutes, the forward plan,
recommendations and public questions. Panel members read everything, exempt papers included.
The public reads published, non-exempt content only, and never signs in.
"""

from __future__ import annotations

from typing import Any

from pcplan.core.models import User


def _user(user: Any) -> User | None:
    return user if isinstance(user, User) and user.is_active else None


def can_run_panel(user: Any) -> bool:
    u = _user(user)
    return u is not None and u.role in {User.Role.PANEL_SECRETARIAT, User.Role.ADMINISTRATOR}


def can_see_exempt(user: Any) -> bool:
    u = _user(user)
    return u is not None and u.role in {
        User.Role.PANEL_SECRETARIAT,
        User.Role.ADMINISTRATOR,
        User.Role.PANEL_MEMBER,
    }


def can_read_panel_staff_pages(user: Any) -> bool:
    return can_see_exempt(user)
