"""The public footer pages (GOV.UK patterns), filled from the office profile."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def privacy(request: HttpRequest) -> HttpResponse:
    context = {
        "sign_in_days": settings.PCPLAN_SIGN_IN_RECORD_DAYS,
        "idle_minutes": settings.SESSION_COOKIE_AGE // 60,
    }
    return render(request, "accounts/privacy.html", context)


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/accessibility.html")


def cookies(request: HttpRequest) -> HttpResponse:
    context = {
        "idle_minutes": settings.SESSION_COOKIE_AGE // 60,
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "csrf_cookie": settings.CSRF_COOKIE_NAME,
    }
    return render(request, "accounts/cookies.html", context)


def report_a_problem(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/report_a_problem.html")
