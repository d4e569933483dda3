from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def sum_counts(counts: list[int]) -> int:
    return sum(counts)
