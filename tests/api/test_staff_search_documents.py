"""The staff search finds the documents the public may not read yet (issue 14: "results respect
publication and permissions"): draft reports and annual reports, exempt papers and the papers
of agendas not yet published, each for those who may read it on the staff pages (by the
reports', transparency's and Panel's own rules), marked and linked to its staff page. The
public search and the API never find them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pcplan.api.search import search, staff_sources
from pcplan.core.models import User
from pcplan.panel.models import AgendaItem, Meeting, MinuteItem
from pcplan.partnerships.models import BodyKind
from pcplan.reports.models import GeneratedReport
from pcplan.transparency.models import AnnualReport
from tests.api.conftest import a_docx, make_report
from tests.factories import BodyFactory, UserFactory

pytestmark = pytest.mark.django_db

WORD = "pangolin"
DOCUMENT_KINDS = ("Report", "Annual report", "Paper")


def paper(meeting: Meeting, number: int, words: str, **fields: object) -> AgendaItem:
    item = AgendaItem.objects.create(meeting=meeting, number=number, title=words, **fields)
    item.report_file.save("paper.pdf", ContentFile(b"%PDF-1.4 paper"), save=True)
    AgendaItem.objects.filter(pk=item.pk).update(report_text=f"{words}: {WORD} sightings.")
    return item


def draft_report(plan) -> GeneratedReport:
    report = make_report(plan, published=False, purpose="Progress.")
    GeneratedReport.objects.filter(pk=report.pk).update(document_text=f"Draft {WORD} report.")
    return report


def draft_annual_report(year: int = 2023) -> AnnualReport:
    annual = AnnualReport(financial_year=year, title=f"Annual report {year}", is_published=False)
    annual.read_document("annual.docx", a_docx(f"Draft {WORD} annual report."))
    annual.docx.save("annual.docx", ContentFile(b"stored"), save=True)
    return annual


@pytest.fixture
def drafts(plan):
    """A draft report, a draft annual report, an exempt paper and a paper of an agenda not yet
    published, all holding WORD; and one public paper holding it, which everyone finds."""
    held = Meeting.objects.create(
        date=dt.date(2023, 3, 15), venue="Town Hall", status=Meeting.Status.HELD
    )
    coming = Meeting.objects.create(
        date=dt.date(2030, 1, 1), venue="Town Hall", status=Meeting.Status.SCHEDULED
    )
    return {
        "report": draft_report(plan),
        "annual": draft_annual_report(),
        "exempt": paper(held, 2, "Exempt estates paper", is_exempt=True, exempt_paragraph=3),
        "unpublished": paper(coming, 1, "Unpublished agenda paper"),
        "public": paper(held, 1, "Public patrols paper"),
    }


def found(hits) -> dict[str, tuple[str, str]]:
    """Each document kind's hits, as title -> (kind, link)."""
    return {h.title: (h.kind, h.url) for h in hits if h.kind in DOCUMENT_KINDS}


def staff_meeting_item(item: AgendaItem) -> str:
    return reverse("panel:staff-meeting", args=[item.meeting_id]) + f"#item-{item.number}"


def test_an_administrator_finds_every_draft_document_marked_and_linked_to_its_staff_page(
    client, administrator, drafts
):
    client.force_login(administrator)
    page = client.get(reverse("api:staff-search"), {"q": WORD})
    assert page.status_code == 200
    report, annual = drafts["report"], drafts["annual"]
    exempt, unpublished, public = drafts["exempt"], drafts["unpublished"], drafts["public"]
    assert found(search(WORD, staff_sources(administrator))) == {
        f"{report} (draft)": ("Report", reverse("reports:report-detail", args=[report.pk])),
        "Annual report 2023 (draft)": (
            "Annual report",
            reverse("transparency:staff-annual-report", args=[annual.pk]),
        ),
        f"{exempt.meeting}: {exempt} (exempt)": ("Paper", staff_meeting_item(exempt)),
        f"{unpublished.meeting}: {unpublished} (not public)": (
            "Paper",
            staff_meeting_item(unpublished),
        ),
        f"{public.meeting}: {public}": (
            "Paper",
            reverse("panel:agenda-item-report", args=[public.meeting_id, public.number]),
        ),
    }
    body = page.content.decode()
    for title, (_kind, url) in found(search(WORD, staff_sources(administrator))).items():
        assert title in body
        assert f'href="{url}"' in body
        assert client.get(url).status_code == 200


def test_the_staff_meeting_page_has_the_item_a_search_links_to(client, administrator, drafts):
    client.force_login(administrator)
    exempt = drafts["exempt"]
    page = client.get(reverse("panel:staff-meeting", args=[exempt.meeting_id])).text
    assert f'id="item-{exempt.number}"' in page


@pytest.mark.parametrize(
    ("role", "finds"),
    [
        # Reports and annual reports are kept by the OPCC (reports.permissions,
        # transparency.permissions); exempt papers are the Panel's (panel.permissions).
        (User.Role.OPCC_EDITOR, {"Report", "Annual report"}),
        (User.Role.PANEL_MEMBER, {"exempt", "unpublished"}),
        (User.Role.PANEL_SECRETARIAT, {"exempt", "unpublished"}),
        (User.Role.CONTRIBUTOR, set()),
    ],
)
def test_each_finds_only_the_drafts_their_staff_pages_show_them(client, opcc, drafts, role, finds):
    user = UserFactory(role=role, organisation=opcc)
    hits = search(WORD, staff_sources(user))
    kinds = {h.kind for h in hits if h.title.endswith("(draft)")}
    papers = {
        name
        for name in ("exempt", "unpublished")
        if any(drafts[name].title in h.title for h in hits)
    }
    assert kinds | papers == finds
    # Everyone signed in finds the public paper, at its public address.
    assert any(drafts["public"].title in h.title for h in hits)
    client.force_login(user)
    body = client.get(reverse("api:staff-search"), {"q": WORD}).text
    assert ("Exempt estates paper" in body) == ("exempt" in finds)
    assert ("Annual report 2023" in body) == ("Annual report" in finds)


def test_a_signed_in_user_who_may_not_see_exempt_papers_does_not_find_one(
    client, editor, contributor, drafts
):
    for user in (editor, contributor):
        hits = search(WORD, staff_sources(user))
        assert [h for h in hits if "Exempt estates paper" in h.title] == []
        client.force_login(user)
        body = client.get(reverse("api:staff-search"), {"q": WORD}).text
        assert "Exempt estates paper" not in body
        assert "Unpublished agenda paper" not in body


def test_a_private_bodys_paper_is_found_by_those_who_run_its_meetings_only(
    editor, panel_member, contributor
):
    group = BodyFactory(key="delivery-group", kind=BodyKind.DELIVERY_GROUP, meetings_public=False)
    meeting = Meeting.objects.create(
        body=group, date=dt.date(2023, 3, 1), status=Meeting.Status.HELD
    )
    item = paper(meeting, 1, "Private group paper")
    hits = search(WORD, staff_sources(editor))
    assert [(h.title, h.url) for h in hits] == [
        (f"{meeting}: {item} (not public)", staff_meeting_item(item))
    ]
    assert search(WORD, staff_sources(panel_member)) == []
    assert search(WORD, staff_sources(contributor)) == []
    assert search(WORD) == []


def test_the_public_search_and_the_api_find_no_draft_document(client, administrator, drafts):
    public_only = {f"{drafts['public'].meeting}: {drafts['public']}"}
    assert set(found(search(WORD))) == public_only
    for signed_in in (False, True):
        if signed_in:
            client.force_login(administrator)
        api = client.get(reverse("api:api-search"), {"q": WORD}).json()["results"]
        assert {r["title"] for r in api} == public_only
        page = client.get(reverse("api:search"), {"q": WORD}).text
        for words in ("Draft", "Exempt estates", "Unpublished agenda", "Annual report 2023"):
            assert words not in page


def test_a_published_document_still_links_to_the_public_file_for_those_without_staff_pages(
    contributor, plan
):
    report = make_report(plan, published=True, purpose=f"Published {WORD} report.")
    hits = search(WORD, staff_sources(contributor))
    assert [(h.kind, h.url) for h in hits] == [
        ("Report", reverse("reports:public-download", args=[report.pk]))
    ]


def staff_search_queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("api:staff-search"), {"q": WORD}).status_code == 200
    return len(captured)


def test_the_staff_search_reads_the_same_number_of_queries_for_more_hits(
    client, administrator, plan, drafts, built_staff_bodies
):
    client.force_login(administrator)
    staff_search_queries(client)  # what is read once per process (the office profile)
    few = staff_search_queries(client)
    held = drafts["exempt"].meeting
    for n in range(3, 8):
        draft_report(plan)
        draft_annual_report(2010 + n)
        paper(held, n, f"Exempt paper {n}", is_exempt=True, exempt_paragraph=1)
    BodyFactory(key="another-group", kind=BodyKind.DELIVERY_GROUP, meetings_public=False)
    many = staff_search_queries(client)
    hits = search(WORD, staff_sources(administrator))
    assert len([h for h in hits if h.kind in DOCUMENT_KINDS]) == 5 + 15
    assert many == few


@pytest.fixture
def exempt_business():
    """An exempt agenda item's note and an exempt minute of a held meeting whose minutes are
    published, both holding WORD: the public reads neither."""
    held = Meeting.objects.create(
        date=dt.date(2023, 5, 10),
        venue="Town Hall",
        status=Meeting.Status.HELD,
        minutes_published=True,
    )
    item = AgendaItem.objects.create(
        meeting=held,
        number=4,
        title="Estates disposal",
        note=f"Exempt note on the {WORD} site.",
        is_exempt=True,
        exempt_paragraph=3,
    )
    minute = MinuteItem.objects.create(
        meeting=held,
        number=777,
        title="Estates disposal",
        text=f"Exempt {WORD} minute.",
        is_exempt=True,
    )
    return item, minute


def test_exempt_notes_and_minutes_are_found_by_those_who_may_read_them_only(
    administrator, editor, contributor, exempt_business
):
    item, minute = exempt_business
    staff_page = reverse("panel:staff-meeting", args=[item.meeting_id])
    hits = {(h.kind, h.title, h.url) for h in search(WORD, staff_sources(administrator))}
    assert hits == {
        ("Agenda item", f"{item.meeting}: {item} (exempt)", f"{staff_page}#item-{item.number}"),
        ("Minute", f"{minute.meeting}: {minute} (exempt)", staff_page),
    }
    for user in (editor, contributor):
        assert search(WORD, staff_sources(user)) == []
    assert search(WORD) == []
