"""Read a form back from a page as the browser would submit it, to post it as users do."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from typing import Any


class _FormReader(HTMLParser):
    def __init__(self, action: str | None) -> None:
        super().__init__()
        self.action = action
        self.in_form = False
        self.done = False
        self.data: dict[str, list[str]] = {}
        self.select: str | None = None
        self.select_multiple = False
        self.first_option: str | None = None
        self.textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if (
            tag == "form"
            and not self.done
            and (self.action is None or a.get("action", "") == self.action)
        ):
            self.in_form = True
        if not self.in_form or "disabled" in a:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text")
            if kind in {"checkbox", "radio"} and "checked" not in a:
                return
            if kind in {"submit", "button", "image", "file"}:
                return
            self.data.setdefault(name, []).append(
                a.get("value", "on" if kind in {"checkbox", "radio"} else "")
            )
        elif tag == "select" and name:
            self.select, self.select_multiple, self.first_option = name, "multiple" in a, None
            self.data.setdefault(name, [])
        elif tag == "option" and self.select:
            if self.first_option is None:
                self.first_option = a.get("value", "")
            if "selected" in a:
                self.data[self.select].append(a.get("value", ""))
        elif tag == "textarea" and name:
            self.textarea = name
            self.data[name] = [""]

    def handle_data(self, data: str) -> None:
        if self.textarea:
            self.data[self.textarea][0] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self.in_form:
            self.in_form, self.done = False, True
        elif tag == "select" and self.select:
            # A browser sends a single select's first option when none is marked selected.
            if not self.data[self.select] and not self.select_multiple and self.first_option:
                self.data[self.select].append(self.first_option)
            self.select = None
        elif tag == "textarea":
            self.textarea = None


def served_form(html: str, action: str | None = None) -> dict[str, Any]:
    """The first form of the page (or the one posting to `action`), filled as it was served.

    Values are strings, or lists where a field was sent more than once (checkboxes).
    """
    reader = _FormReader(action)
    reader.feed(html)
    return {k: v[0] if len(v) == 1 else v for k, v in reader.data.items()}


def post_as_served(client: Any, url: str, changes: dict[str, Any]) -> Any:
    """GET the page, then POST its form back as served, with the user's `changes`."""
    page = client.get(url)
    assert page.status_code == 200, url
    data = served_form(page.content.decode(), action="")
    data.pop("csrfmiddlewaretoken", None)
    data.update(changes)
    return client.post(url, data)


def date_fields(name: str, day: dt.date) -> dict[str, str]:
    """A GOV.UK date input's three boxes, filled with `day`."""
    return {
        f"{name}_day": str(day.day),
        f"{name}_month": str(day.month),
        f"{name}_year": str(day.year),
    }
