"""Update text and other long texts show as safe Markdown on public and staff pages."""

from __future__ import annotations

import pytest
from django.urls import reverse

from pcplan.core.markdown import render_markdown
from pcplan.plans.lifecycle import PlanStatus
from tests.factories import UpdateFactory

LIST_UPDATE = "Work this quarter:\n- needs assessment done\n- strategy drafted\n\nNext: *consult*."


def test_hyphen_lines_become_a_govuk_bullet_list():
    html = render_markdown(LIST_UPDATE)
    assert '<ul class="govuk-list govuk-list--bullet">' in html
    assert "<li>needs assessment done</li>" in html
    assert "- needs" not in html
    assert "<em>consult</em>" in html


def test_single_line_breaks_are_kept_as_typed():
    assert render_markdown("Line one\nline two") == (
        '<p class="govuk-body">Line one<br>\nline two</p>\n'
    )


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        '<a href="javascript:alert(1)">click</a>',
        "<iframe src='https://example.org'></iframe>",
    ],
)
def test_raw_html_is_shown_as_text_never_as_markup(hostile):
    html = render_markdown(f"Before\n\n{hostile}\n\nand inline {hostile} too")
    assert "<script" not in html
    assert "<img" not in html
    assert "<iframe" not in html
    assert '<a href="javascript' not in html
    assert "&lt;" in html


@pytest.mark.parametrize(
    "link",
    [
        "[click](javascript:alert(1))",
        "[click](JAVASCRIPT:alert(1))",
        "[click](vbscript:msgbox(1))",
        "[click](data:text/html;base64,PHNjcmlwdD4=)",
        "<javascript:alert(1)>",
    ],
)
def test_script_links_are_refused(link):
    html = render_markdown(link)
    assert "href" not in html


def test_a_web_link_is_a_govuk_link_that_does_not_endorse():
    html = render_markdown("[the strategy](https://example.org/strategy)")
    assert (
        '<a href="https://example.org/strategy" class="govuk-link" rel="nofollow noopener">'
        "the strategy</a>"
    ) in html


def test_headings_and_images_do_not_break_the_page():
    html = render_markdown("# Big\n\n![pixel](https://example.org/track.gif)")
    assert "<h1" not in html and "<img" not in html


def test_huge_and_deeply_nested_texts_render_escaped():
    items = render_markdown("- <b>item</b>\n" * 20_000)
    assert items.count("<li>&lt;b&gt;item&lt;/b&gt;</li>") == 20_000
    nested = render_markdown("> " * 5_000 + "<script>deep</script>")
    assert "<script" not in nested
    brackets = render_markdown("[" * 50_000 + "<script>")
    assert "<script" not in brackets and brackets.count("[") == 50_000


def test_the_public_deliverable_page_shows_the_update_as_a_list(client, db, published_update):
    deliverable = published_update.deliverable
    deliverable.purpose = "Reduce harm:\n- <script>alert(1)</script>\n- in every district"
    deliverable.save()
    plan = deliverable.theme.plan
    plan.status = PlanStatus.ISSUED
    plan.save()
    UpdateFactory(deliverable=deliverable, text=LIST_UPDATE)
    page = client.get(reverse("public:deliverable", args=[plan.key, deliverable.pk])).text
    assert "<li>needs assessment done</li>" in page
    assert "<li>in every district</li>" in page
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    # The plan page is a summary (issue 18); the theme page shows the latest update.
    theme_url = reverse("public:theme", args=[plan.key, deliverable.theme.key])
    assert "<li>needs assessment done</li>" in client.get(theme_url).text


def test_the_staff_deliverable_page_shows_draft_update_text_as_markdown(
    client_for, editor, constabulary_deliverable
):
    UpdateFactory(
        deliverable=constabulary_deliverable,
        text="- first\n- [bad](javascript:alert(1))",
        is_published=False,
    )
    url = reverse("delivery:deliverable-detail", args=[constabulary_deliverable.pk])
    page = client_for(editor).get(url).text
    assert "<li>first</li>" in page
    assert 'href="javascript' not in page
