"""`{% export_links "app:name-download" %}`: the list's CSV and Excel links, with the page's
filters (its query string, less the page number). See pcplan.core.exports."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse

register = template.Library()


@register.inclusion_tag("core/_export_links.html", takes_context=True)
def export_links(context: dict[str, Any], url_name: str, *args: Any) -> dict[str, Any]:
    request = context.get("request")
    query = request.GET.copy() if request is not None else None
    if query is not None:
        query.pop("page", None)
    suffix = f"?{query.urlencode()}" if query else ""
    return {
        "csv_url": reverse(url_name, args=[*args, "csv"]) + suffix,
        "xlsx_url": reverse(url_name, args=[*args, "xlsx"]) + suffix,
    }
