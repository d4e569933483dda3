"""Long texts people type (update text, a deliverable's purpose, a plan's summary) as safe HTML.

Partners write updates as they write emails: "- " lists, *emphasis*, links. markdown-it-py
(MIT, maintained by the Executable Books project, already installed as a dependency of rich)
renders that CommonMark with raw HTML turned off, so `<script>` is shown as text, and refuses
`javascript:`, `vbscript:`, `file:` and `data:` links. Headings, images, tables and code
blocks are turned off: a heading in an update would break the page's outline, a remote image
would let a writer track readers, and four spaces of indent are a typing habit, not code.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token

# GOV.UK Frontend classes for what the text may contain.
CLASSES = {
    "paragraph_open": "govuk-body",
    "bullet_list_open": "govuk-list govuk-list--bullet",
    "ordered_list_open": "govuk-list govuk-list--number",
    "blockquote_open": "govuk-inset-text",
    "hr": "govuk-section-break govuk-section-break--m govuk-section-break--visible",
    "link_open": "govuk-link",
}

_parser = (
    MarkdownIt("js-default", {"breaks": True, "maxNesting": 20})
    .disable(["heading", "lheading", "image", "table", "code", "fence", "html_block"])
    .disable(["html_inline"])
)


def _style(tokens: list[Token]) -> None:
    for token in tokens:
        css = CLASSES.get(token.type)
        if css:
            token.attrSet("class", css)
        if token.type == "link_open":
            # Links in text anyone can write are not the office's endorsement.
            token.attrSet("rel", "nofollow noopener")
        if token.children:
            _style(token.children)


def render_markdown(text: str) -> str:
    """HTML for `text`; every character of it that is not Markdown is escaped."""
    env: dict[str, object] = {}
    tokens = _parser.parse(text or "", env)
    _style(tokens)
    return _parser.renderer.render(tokens, _parser.options, env)
