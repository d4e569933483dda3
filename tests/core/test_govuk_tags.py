"""The GOV.UK tag (a deliverable's status, a RAG rating) shown on every row of a staff list is
written by its template tag directly, not by rendering a template for each row (issue 17)."""

from __future__ import annotations

from django.template import engines
from django.test.signals import template_rendered

from pcplan.delivery.rules import Rag


def render(source: str, **context: object) -> tuple[str, list[str]]:
    rendered: list[str] = []

    def seen(sender: object, template: object, **kwargs: object) -> None:
        rendered.append(str(getattr(template, "name", None)))

    template_rendered.connect(seen)
    try:
        html = engines["django"].from_string("{% load govuk %}" + source).render(context)
    finally:
        template_rendered.disconnect(seen)
    return html, rendered


def test_a_status_tag_is_the_govuk_tag_in_its_status_colour():
    html, _ = render("{% status_tag value label %}", value="completed", label="Completed")
    assert html == '<strong class="govuk-tag govuk-tag--green pcplan-status">Completed</strong>'


def test_an_unknown_status_is_grey_and_its_label_is_escaped():
    html, _ = render("{% status_tag value label %}", value="x", label="<b>x</b>")
    assert html == (
        '<strong class="govuk-tag govuk-tag--grey pcplan-status">&lt;b&gt;x&lt;/b&gt;</strong>'
    )


def test_a_rag_tag_says_the_rating_in_words():
    html, _ = render("{% rag_tag rag %}", rag=Rag.AMBER)
    assert html == '<strong class="govuk-tag govuk-tag--orange pcplan-status">RAG: Amber</strong>'


def test_a_list_of_tags_renders_no_template_per_row():
    _, rendered = render(
        "{% for v in values %}{% status_tag v v %}{% rag_tag 'red' %}{% judgement_tag v v %}"
        "{% endfor %}",
        values=["completed"] * 20,
    )
    assert rendered == ["None"]  # the list's own template (made from a string) only


def test_a_judgement_tag_is_coloured_by_the_judgement_and_grey_when_not_known():
    colours = {
        judgement: render("{% judgement_tag j 'Label' %}", j=judgement)[0]
        for judgement in ("better", "worse", "no-change", "not-known")
    }
    assert colours == {
        judgement: f'<strong class="govuk-tag govuk-tag--{colour}">Label</strong>'
        for judgement, colour in (
            ("better", "green"),
            ("worse", "red"),
            ("no-change", "blue"),
            ("not-known", "grey"),
        )
    }
