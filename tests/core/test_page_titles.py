"""Every page's <title> reads "Page – Service", and the service alone when a page has none."""

from __future__ import annotations

import re

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse


def title_of(html: str) -> str:
    match = re.search(r"<title>(.*?)</title>", html, re.S)
    assert match, "the page has no <title>"
    return match.group(1)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("public:home", "Police and Crime Plans – pcplan"),
        ("public:help", "Help – pcplan"),
        ("core:login", "Sign in – pcplan"),
        ("panel:meetings", "Police and Crime Panel meetings – pcplan"),
    ],
)
def test_public_pages_title_is_the_page_then_the_service(client, db, url, expected):
    response = client.get(reverse(url))
    assert response.status_code == 200
    assert title_of(response.text) == expected


def test_the_staff_home_title_is_the_page_then_the_service(client_for, editor):
    response = client_for(editor).get(reverse("core:staff-home"))
    assert title_of(response.text) == "Your work – pcplan"


def test_a_multi_line_title_block_reads_as_one_line(client_for, editor, plan):
    response = client_for(editor).get(reverse("delivery:deliverable-list", args=[plan.key]))
    assert title_of(response.text) == f"Delivery Plan – {plan.title} – pcplan"


def test_a_page_without_a_title_is_titled_with_the_service_alone(db):
    page = Template('{% extends "base.html" %}{% block content %}Hello{% endblock %}')
    request = RequestFactory().get("/")
    html = page.render(Context({"site_name": "pcplan", "request": request}))
    assert title_of(html) == "pcplan"


def test_a_title_is_escaped_once(client_for, editor, plan):
    plan.title = "Plan <b> & Co"
    plan.save()
    response = client_for(editor).get(reverse("plans:plan-detail", args=[plan.key]))
    assert title_of(response.text) == "Plan &lt;b&gt; &amp; Co – pcplan"
