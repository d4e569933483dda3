"""What every page's frame needs: its <title> and the staff menu."""

from __future__ import annotations

from typing import Any

from django import template
from django.http import HttpRequest
from django.template.base import FilterExpression
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from pcplan.core import fragments, menu

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


class KeepNode(template.Node):
    def __init__(
        self, nodelist: template.NodeList, name: str, vary: list[FilterExpression]
    ) -> None:
        self.nodelist = nodelist
        self.name = name
        self.vary = vary

    def render(self, context: template.Context) -> str:
        request: HttpRequest | None = context.get("request")
        if request is None or not fragments.keepable(request):
            return self.nodelist.render(context)
        key = fragments.key(request, self.name, [v.resolve(context) for v in self.vary])

        # The forms' token (the csrf context processor's, one per page): read only where a
        # part has forms, as the page's own forms would.
        def token() -> str:
            value = context.get("csrf_token")
            return str(value) if value is not None else ""

        html = fragments.get(key, request, token)
        if html is None:
            html = self.nodelist.render(context)
            fragments.put(key, html, token)
        return mark_safe(html)  # noqa: S308 - rendered by this template, escaped as it rendered


@register.tag("keep")
def keep(parser: template.base.Parser, token: template.base.Token) -> KeepNode:
    """`{% keep "name" [vary ...] %}…{% endkeep %}`: a staff page's part rendered once and kept
    until any record changes, per user, address, language and day (`pcplan.core.fragments`).
    Give as `vary` anything else the part shows that is not a record: none is needed for what
    the database holds."""
    bits = token.split_contents()
    if len(bits) < 2:  # noqa: PLR2004 - the tag and its name
        raise template.TemplateSyntaxError(gettext('"keep" needs a name: {% keep "name" %}'))
    nodelist = parser.parse(("endkeep",))
    parser.delete_first_token()
    name = bits[1].strip("\"'")
    return KeepNode(nodelist, name, [parser.compile_filter(bit) for bit in bits[2:]])
