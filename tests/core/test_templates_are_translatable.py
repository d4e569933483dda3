"""Every word a template shows is marked for translation.

Django's template Lexer splits each template into text, `{{ variable }}`, `{% tag %}` and
`{# comment #}` tokens. Text inside `{% blocktranslate %}…{% endblocktranslate %}` and
`{% comment %}…{% endcomment %}` is skipped; variables and other tags stand in as a marker with
no letters. What remains is HTML: the words between its tags, and its user-facing attributes
(`aria-label`, `alt`, `title`, `placeholder`), must have no letters left.

Every template of pcplan is checked, so a new page cannot ship untranslated words.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.template.base import Lexer, TokenType

TEMPLATES = Path(__file__).resolve().parents[2] / "pcplan" / "templates"


MARKER = "\x00"
SKIPPED_BLOCKS = {"blocktranslate": "endblocktranslate", "blocktrans": "endblocktrans"}
SKIPPED_BLOCKS |= {"comment": "endcomment"}
USER_FACING_ATTRIBUTES = re.compile(
    r"""\b(?:aria-label|alt|title|placeholder)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE
)
LETTERS = re.compile(r"[^\W\d_]+")


def checked_templates() -> list[Path]:
    return sorted(TEMPLATES.rglob("*.html"))


def untranslated_text(source: str) -> list[str]:
    """The pieces of `source` a user would read that no translate tag covers."""
    html: list[str] = []
    closing: str | None = None
    for token in Lexer(source).tokenize():
        if closing is not None:
            if token.token_type == TokenType.BLOCK and token.split_contents()[0] == closing:
                closing = None
            continue
        if token.token_type == TokenType.TEXT:
            html.append(token.contents)
            continue
        if token.token_type == TokenType.BLOCK:
            closing = SKIPPED_BLOCKS.get(token.split_contents()[0])
        html.append(MARKER)
    text = "".join(html)
    text = re.sub(r"<(script|style)\b.*?</\1\s*>", MARKER, text, flags=re.DOTALL | re.IGNORECASE)
    text = re.sub(r"<!--.*?-->", MARKER, text, flags=re.DOTALL)
    text = re.sub(r"&#?\w+;", MARKER, text)
    found: list[str] = []
    for tag in re.findall(r"<[^>]*>", text):
        for double, single in USER_FACING_ATTRIBUTES.findall(tag):
            found.extend(LETTERS.findall(double or single))
    words = re.sub(r"<[^>]*>", MARKER, text)
    found.extend(" ".join(piece.split()) for piece in words.split(MARKER) if LETTERS.search(piece))
    return found


@pytest.mark.parametrize("path", checked_templates(), ids=lambda p: str(p.relative_to(TEMPLATES)))
def test_template_shows_only_translated_text(path: Path) -> None:
    assert untranslated_text(path.read_text(encoding="utf-8")) == []


def test_the_check_finds_text_and_attributes_outside_translate_tags() -> None:
    source = (
        '{% load i18n %}<p class="govuk-body">Sign in</p>'
        '<nav aria-label="Menu">{% translate "Menu" %}</nav>'
        "{% blocktranslate %}{{ n }} updates{% endblocktranslate %}"
        "{% comment %}notes{% endcomment %}{{ plan.title }} staff"
    )
    assert untranslated_text(source) == ["Menu", "Sign in", "staff"]
