"""The compliance view and the public page of specified information say each item's frequency
and status in words, the status as a GOV.UK tag in its colour; read from Python, not from a
partial template rendered on every row (issue 17: 13,000 function calls for 30 rows)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from pcplan.transparency.deadlines import Compliance, Frequency
from pcplan.transparency.specified import FREQUENCY_LABELS, STATUS_COLOURS, specified_items

pytestmark = pytest.mark.django_db


def test_every_frequency_and_status_has_its_words_and_colour():
    assert set(FREQUENCY_LABELS) == set(Frequency)
    assert set(STATUS_COLOURS) == set(Compliance)


def test_the_compliance_view_shows_each_items_frequency_and_status(client, editor):
    client.force_login(editor)
    response = client.get(reverse("transparency:compliance"))
    page = response.content.decode()
    for frequency in {item.frequency for item in specified_items()}:
        assert str(FREQUENCY_LABELS[frequency]) in page
    # Nothing recorded yet: every item is missing, a grey tag.
    assert '<strong class="govuk-tag govuk-tag--grey">Missing</strong>' in page
    assert [t.name for t in response.templates].count("transparency/compliance.html") == 1
    assert len(response.templates) < len(specified_items())


def test_the_public_page_shows_each_items_frequency(client):
    page = client.get(reverse("transparency:specified-information")).content.decode()
    assert "Before each financial year" in page
    assert "Annually" in page
