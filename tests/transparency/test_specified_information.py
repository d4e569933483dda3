"""Specified information (issue 13 item 2; SI 2011/3050 as amended): one public page listing
every item with its frequency and last publication, filled from live records or recorded
publications; the staff compliance view scores each item present, due soon, overdue or missing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from pcplan.transparency import services
from pcplan.transparency.deadlines import Compliance
from pcplan.transparency.models import SpecifiedPublication
from pcplan.transparency.specified import item_rows, specified_items
from tests.htmlforms import served_form
from tests.transparency.conftest import SECRET

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def publish(editor, key, days_ago, url="https://example.org/doc"):
    return services.record_publication(
        editor,
        SpecifiedPublication(
            item_key=key,
            title=key,
            url=url,
            published_on=timezone.localdate() - dt.timedelta(days=days_ago),
        ),
    )


def test_the_item_list_covers_the_order_as_amended_each_with_its_citation():
    items = specified_items()
    paragraphs = {i.paragraph for i in items}
    assert {"1(e)", "3(g)", "4(a)", "5", "6", "7", "7A", "7B", "7C(a)(i)", "8"} <= paragraphs
    assert all(i.citation.startswith("SI 2011/3050 Schedule para ") for i in items)
    assert len({i.key for i in items}) == len(items)


def test_a_bad_item_file_is_refused_naming_its_line(tmp_path):
    bad = tmp_path / "items.yaml"
    bad.write_text("items:\n- {key: x, paragraph: '1', title: X, frequency: weekly}\n")
    with pytest.raises(ImproperlyConfigured, match=r"items.yaml:2: items\[0\]\.frequency"):
        specified_items.__wrapped__(bad)


def test_the_compliance_view_scores_present_due_soon_overdue_and_missing(client_for, editor):
    publish(editor, "budget", days_ago=30)  # annually: present
    publish(editor, "spending-over-500", days_ago=20)  # monthly: due within 14 days
    publish(editor, "staff-numbers", days_ago=400)  # annually: overdue
    statuses = {r.item.key: r.status for r in item_rows(timezone.localdate())}
    assert statuses["budget"] == Compliance.PRESENT
    assert statuses["spending-over-500"] == Compliance.DUE_SOON
    assert statuses["staff-numbers"] == Compliance.OVERDUE
    assert statuses["property"] == Compliance.MISSING
    html = client_for(editor).get(reverse("transparency:compliance")).content.decode()
    for label in ["Present: 1", "Due soon: 1", "Overdue: 1"]:
        assert label in html


def test_a_published_decision_fills_the_decisions_item_live(editor, published_decision):
    row = next(r for r in item_rows(timezone.localdate()) if r.item.key == "decisions")
    assert row.live
    assert row.last_published_on == published_decision.published_at.date()
    assert row.status == Compliance.PRESENT


def test_the_public_page_lists_every_item_and_nothing_unpublished_or_exempt(
    client, editor, published_decision, draft_decision
):
    publish(editor, "budget", days_ago=3, url="https://example.org/budget-2023-24")
    response = client.get(reverse("transparency:specified-information"))
    html = response.content.decode()
    assert response.status_code == 200
    for item in specified_items():
        assert f'id="{item.key}"' in html
    assert "https://example.org/budget-2023-24" in html
    assert "Disposal of the old police station" in html
    assert "DRAFT-DECISION" not in html
    assert SECRET not in html and "SECRET" not in html


def test_an_editor_records_a_publication_with_an_uploaded_document(client_for, editor, client):
    signed_in = client_for(editor)
    url = reverse("transparency:publication-new", args=["property"])
    data = served_form(signed_in.get(url).content.decode(), action="")
    data.update(
        {
            "title": "Property, rights and liabilities 2023",
            "published_on_day": "31",
            "published_on_month": "3",
            "published_on_year": "2023",
            "document": SimpleUploadedFile("property.pdf", b"%PDF-1.4 property list"),
        }
    )
    response = signed_in.post(url, data)
    assert response.status_code == 302
    publication = SpecifiedPublication.objects.get(item_key="property")
    publication.refresh_from_db()
    assert publication.published_on == dt.date(2023, 3, 31)
    assert publication.recorded_by == editor
    signed_in.logout()
    document = client.get(reverse("transparency:publication-document", args=[publication.pk]))
    assert document.status_code == 200
    assert b"".join(document.streaming_content) == b"%PDF-1.4 property list"


def test_a_publication_needs_a_link_or_a_document(client_for, editor):
    client = client_for(editor)
    url = reverse("transparency:publication-new", args=["property"])
    data = served_form(client.get(url).content.decode(), action="")
    data.update(
        {
            "title": "Property",
            "published_on_day": "31",
            "published_on_month": "3",
            "published_on_year": "2023",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 400
    assert "Give a link or upload the document" in response.content.decode()
    assert not SpecifiedPublication.objects.exists()


def test_an_unknown_item_is_not_found(client_for, editor):
    response = client_for(editor).get(reverse("transparency:publication-new", args=["nothing"]))
    assert response.status_code == 404


def test_only_the_office_keeps_the_compliance_view(client_for, panel_member, contributor):
    assert client_for(panel_member).get(reverse("transparency:compliance")).status_code == 403
    assert client_for(contributor).get(reverse("transparency:compliance")).status_code == 403
