from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from pcplan.core.office import current_office


def site(request: HttpRequest) -> dict[str, Any]:
    return {"site_name": settings.PCPLAN_SITE_NAME}


def office(request: HttpRequest) -> dict[str, Any]:
    """The office profile as `office` in every template (read on first use, once per request)."""
    return {"office": SimpleLazyObject(current_office)}
