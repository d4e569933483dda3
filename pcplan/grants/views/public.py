"""The public grants register: published awards only, without signing in (grants.register)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext

from pcplan.core import exports
from pcplan.core.paging import paginate
from pcplan.grants import register

PAGE_SIZE = 50


def _filtered(request: HttpRequest) -> tuple[register.RegisterFilter, dict[str, object]]:
    form = register.RegisterFilter(request.GET or None)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    return form, filters


def register_page(request: HttpRequest) -> HttpResponse:
    form, filters = _filtered(request)
    awards = register.public_awards(filters)
    paged = paginate(request, awards, PAGE_SIZE)
    return render(
        request,
        "grants/register.html",
        {
            "form": form,
            **paged.context(),
            "totals": register.totals(awards),
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


def award_page(request: HttpRequest, reference: str) -> HttpResponse:
    """One published award, as the register shows it, linked to its published decision;
    an unpublished award is not found."""
    award = get_object_or_404(register.public_awards(), reference=reference)
    return render(request, "grants/public_award.html", {"award": award})


def register_download(request: HttpRequest, fmt: str) -> HttpResponseBase:
    """The register as CSV or Excel, with the page's filters: the awards the page lists."""
    _, filters = _filtered(request)
    return exports.download(
        request,
        fmt,
        register.COLUMNS,
        register.public_awards(filters),
        name="grants-register",
        sheet=gettext("Grants register"),
    )
