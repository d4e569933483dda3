"""Long lists a page at a time, the filters kept in the page links (issue 17).

Every paginated list renders `core/_pagination.html` (the GOV.UK pagination pattern) with
what `paginate` returns: `{**paginate(request, rows).context()}` for a page's one list, or
`{% include "core/_pagination.html" with page=x.page query=x.query param=x.param %}` for a
second list on the same page under its own page number.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest

# Staff lists show this many rows to a page unless a list says otherwise.
PAGE_SIZE = 100


@dataclass(frozen=True)
class Paged:
    page: Page
    query: str  # the request's query string without this list's page number: its filters
    param: str

    def context(self) -> dict[str, Any]:
        return {"page": self.page, "query": self.query, "param": self.param}


def paginate(
    request: HttpRequest,
    rows: QuerySet[Any] | Sequence[Any],
    per_page: int = PAGE_SIZE,
    *,
    param: str = "page",
) -> Paged:
    """The page of `rows` the request asks for (the last for a number past the end)."""
    page = Paginator(rows, per_page).get_page(request.GET.get(param))
    query = request.GET.copy()
    query.pop(param, None)
    return Paged(page=page, query=query.urlencode(), param=param)
