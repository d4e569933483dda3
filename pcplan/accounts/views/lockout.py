"""The page a locked-out sign-in gets (django-axes' AXES_LOCKOUT_CALLABLE)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def locked_out(
    request: HttpRequest, response: HttpResponse | None = None, credentials: Any = None
) -> HttpResponse:
    context = {
        "limit": settings.AXES_FAILURE_LIMIT,
        "minutes": round(float(settings.AXES_COOLOFF_TIME or 0) * 60),
    }
    return render(request, "accounts/locked_out.html", context, status=429)
