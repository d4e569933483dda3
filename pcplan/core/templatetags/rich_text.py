"""`{{ text|markdown }}`: the one way templates show long texts people type."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString, mark_safe

from pcplan.core.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str | None) -> SafeString:
    # render_markdown escapes everything that is not Markdown (raw HTML is off).
    return mark_safe(render_markdown(str(text or "")))  # noqa: S308
