"""What every page's frame needs: its <title> and the staff menu."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from pcplan.core import menu

register = template.Library()


@register.filter
def page_title(page: str, service: str) -> SafeString:
    """ "Page – Service", or "Service" alone when the page has no title of its own.

    `page` is a rendered title block (already escaped); title blocks span several lines when
    they hold conditions, so the whitespace is collapsed to read as one line.
    """
    words = " ".join(str(page).split())
    service_html = conditional_escape(service)
    if not words:
        return mark_safe(service_html)  # noqa: S308 - escaped above
    return mark_safe(f"{words} – {service_html}")  # noqa: S308 - both parts are escaped HTML


@register.inclusion_tag("core/_staff_menu.html", takes_context=True)
def staff_menu(context: template.Context) -> dict[str, Any]:
    request = context["request"]
    return {
        "groups": menu.grouped(menu.staff_menu(request.user, request.path)),
        "user": request.user,
        "csrf_token": context.get("csrf_token"),
    }
