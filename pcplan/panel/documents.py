"""The Panel's own documents as PDF: the precept report and the agenda pack.

Pages are rendered from HTML through `pcplan.reports.pdf.html_to_pdf` (tagged PDF/UA-1, with
a title and a language) and put together with pypdf. The agenda pack is made in two passes:
every section is rendered and counted, the front sheet is rendered again with the real page
ranges, and the whole pack is numbered continuously. The structure trees of the sections are
joined into the pack's, so the pack stays a tagged document a screen reader can follow.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
)

from pcplan.core.dates import long_date
from pcplan.core.office import current_office
from pcplan.panel.models import AgendaItem, Meeting, Precept, page_range
from pcplan.panel.review import open_actions, open_recommendations
from pcplan.reports.pdf import html_to_pdf


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def _office_context(meeting: Meeting | None = None) -> dict[str, Any]:
    """The office, and the name a document prints for the body it is of: the Panel's name
    from the office profile, or another body's own (issue 11: every body's meetings)."""
    office = current_office()
    name = office.panel
    if meeting is not None and not meeting.body.is_panel:
        name = meeting.body.name
    return {"office": office, "panel_name": name}


def precept_report_pdf(the_precept: Precept) -> bytes:
    """'Recommendation following consideration of the report from the Police and Crime
    Commissioner on the precept', in the house format of seed 002, with page numbers."""
    context = {"precept": the_precept, **_office_context()}
    title = _("Report of the %(panel)s on the precept %(year)s") % {
        "panel": context["panel_name"],
        "year": the_precept.year_label,
    }
    return html_to_pdf(render_to_string("panel/pdf/precept_report.html", context), title=title)


@dataclass
class Section:
    item: AgendaItem
    pdf: bytes
    pages: int = 0


@dataclass
class AgendaPack:
    pdf: bytes
    ranges: dict[int, tuple[int, int]] = field(default_factory=dict)  # item number -> pages
    total_pages: int = 0


def minutes_pdf(meeting: Meeting, *, include_exempt: bool = False) -> bytes | None:
    """The minutes of `meeting`, or None when none have been written: an agenda pack must
    not carry an empty page in their place."""
    minutes = meeting.minute_items.prefetch_related("questions")
    if not include_exempt:
        minutes = minutes.filter(is_exempt=False)
    if not minutes.exists():
        return None
    context = {
        "meeting": meeting,
        "minute_items": minutes,
        "attendances": meeting.attendances.select_related(
            "member", "membership__organisation", "substitute_for"
        ),
        "others": meeting.others_present.all(),
        "declarations": meeting.declarations.readable(include_exempt=include_exempt),
        **_office_context(meeting),
    }
    title = _("Minutes of the %(panel)s, %(date)s") % {
        "panel": context["panel_name"],
        "date": long_date(meeting.date),
    }
    return html_to_pdf(render_to_string("panel/pdf/minutes.html", context), title=title)


def action_log_pdf(meeting: Meeting) -> bytes:
    return html_to_pdf(
        render_to_string(
            "panel/pdf/action_log.html",
            {
                "meeting": meeting,
                "actions": open_actions(meeting),
                "recommendations": open_recommendations(meeting),
                **_office_context(meeting),
            },
        ),
        title=_("Review of actions and recommendations"),
    )


def _sections(meeting: Meeting, *, include_exempt: bool) -> list[Section]:
    previous = meeting.previous()
    sections = []
    for item in meeting.agenda_items.all():
        if item.is_exempt and not include_exempt:
            continue
        if item.kind == AgendaItem.Kind.PREVIOUS_MINUTES and previous is not None:
            minutes = minutes_pdf(previous, include_exempt=include_exempt)
            if minutes is not None:
                sections.append(Section(item, minutes))
        elif item.kind == AgendaItem.Kind.ACTION_LOG:
            sections.append(Section(item, action_log_pdf(meeting)))
        elif item.has_report:
            sections.append(Section(item, item.report_bytes()))
    for section in sections:
        section.pages = page_count(section.pdf)
    # Exempt papers go at the back, so the public pack's page ranges match the members' pack.
    return sorted(sections, key=lambda s: s.item.is_exempt)


def _pack_title(meeting: Meeting) -> str:
    return _("Agenda pack, %(panel)s, %(date)s") % {
        "panel": _office_context(meeting)["panel_name"],
        "date": long_date(meeting.date),
    }


def _front_sheet(meeting: Meeting, ranges: dict[int, tuple[int, int]]) -> bytes:
    # Exempt items are listed for everyone, with their exemption; only their papers are
    # left out of the public pack (and so have no page range in it).
    rows = [
        (item, page_range(*ranges[item.number]) if item.number in ranges else "")
        for item in meeting.agenda_items.all()
    ]
    return html_to_pdf(
        render_to_string(
            "panel/pdf/front_sheet.html",
            {"meeting": meeting, "rows": rows, **_office_context(meeting)},
        ),
        title=_pack_title(meeting),
    )


def _page_numbers(total: int) -> PdfReader:
    """Pages carrying only their number, to lay over the pack's pages.

    The numbers are marked as pagination artifacts: as tagged content they would bring
    marked-content ids that clash with those of the page they are laid on.
    """
    html = render_to_string("panel/pdf/page_numbers.html", {"pages": range(total)})
    reader = PdfReader(io.BytesIO(html_to_pdf(html, title=_("Page numbers"))))
    for page in reader.pages:
        stream = DecodedStreamObject()
        contents = page.get_contents()
        if contents is None:
            continue
        stream.set_data(_MARKED.sub(rb"/Artifact BMC", contents.get_data()))
        page[NameObject("/Contents")] = stream
        if "/StructParents" in page:
            del page[NameObject("/StructParents")]
    return reader


_MARKED = re.compile(rb"/\w+\s*<<\s*/MCID\s+\d+\s*>>\s*BDC")


def agenda_pack(meeting: Meeting, *, include_exempt: bool = False) -> AgendaPack:
    sections = _sections(meeting, include_exempt=include_exempt)
    ranges: dict[int, tuple[int, int]] = {}
    front = _front_sheet(meeting, ranges)
    # Two passes, repeated only if filling in the ranges changed the front sheet's length.
    for _pass in range(3):
        front_pages = page_count(front)
        ranges = {}
        start = front_pages + 1
        for section in sections:
            ranges[section.item.number] = (start, start + section.pages - 1)
            start += section.pages
        front = _front_sheet(meeting, ranges)
        if page_count(front) == front_pages:
            break
    # The front sheet's catalogue (language, structure tree, title) becomes the pack's.
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(front)))
    _drop_outline(writer)
    tree = _StructureTree(writer)
    writer.add_outline_item(title=_("Agenda"), page_number=0)
    for section in sections:
        first = len(writer.pages)
        reader = PdfReader(io.BytesIO(section.pdf))
        writer.append(reader, import_outline=False)
        tree.join(reader, writer.pages[first:])
        writer.add_outline_item(
            title=f"{section.item.number}. {section.item.title}", page_number=first
        )
    numbers = _page_numbers(len(writer.pages))
    for page, overlay in zip(writer.pages, numbers.pages, strict=True):
        page.merge_page(overlay)
    writer.add_metadata({"/Title": _pack_title(meeting)})
    out = io.BytesIO()
    writer.write(out)
    return AgendaPack(pdf=out.getvalue(), ranges=ranges, total_pages=len(writer.pages))


def _drop_outline(writer: PdfWriter) -> None:
    # WeasyPrint's bookmarks for the front sheet are replaced by one per agenda item.
    root = writer.root_object
    if "/Outlines" in root:
        del root[NameObject("/Outlines")]


class _StructureTree:
    """The pack's structure tree, to which each appended document's tree is joined.

    A tagged page says, by /StructParents, which entry of the tree's /ParentTree holds the
    structure elements of its marked content; appended pages keep their content and MCIDs,
    so their keys are moved past the pack's own and their elements hung under the pack's
    document element. A document without a tree (an untagged uploaded report) joins as
    pages only.
    """

    def __init__(self, writer: PdfWriter) -> None:
        self.writer = writer
        root = writer.root_object
        self.root = cast(Any, root["/StructTreeRoot"].get_object())
        parent_tree = cast(Any, self.root["/ParentTree"].get_object())
        self.nums: Any = parent_tree.setdefault(NameObject("/Nums"), ArrayObject())
        kids = cast(Any, self.root["/K"].get_object())
        first = kids[0] if isinstance(kids, ArrayObject) else kids
        self.document: Any = first.get_object()
        self.next_key = max((int(k) for k in self.nums[::2]), default=-1) + 1
        if "/ParentTreeNextKey" in self.root:
            self.next_key = max(self.next_key, int(self.root["/ParentTreeNextKey"]))

    def join(self, reader: PdfReader, pages: Sequence[Any]) -> None:
        source: Any = reader.root_object.get("/StructTreeRoot")
        if source is None:
            for page in pages:
                _forget_structure(page)
            return
        source = source.get_object()
        part = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/StructElem"),
                NameObject("/S"): NameObject("/Part"),
                NameObject("/P"): self.document.indirect_reference,
            }
        )
        part_ref = self.writer._add_object(part)
        # The appended document's own Document element gives way to the Part; its children
        # are cloned without their /P (which would drag the old tree's root along).
        children = ArrayObject()
        for kid in _kids(source):
            element = kid.get_object()
            inner = _kids(element) if element.get("/S") == "/Document" else [kid]
            for child in inner:
                copy = child.clone(self.writer, ignore_fields=("/P",))
                _reparent(copy, part_ref)
                children.append(copy)
        part[NameObject("/K")] = children
        own_kids = self.document.get("/K")
        if not isinstance(own_kids, ArrayObject):
            own_kids = ArrayObject([] if own_kids is None else [own_kids])
            self.document[NameObject("/K")] = own_kids
        own_kids.append(part_ref)

        offset = self.next_key
        entries = _number_tree_entries(source["/ParentTree"].get_object())
        for key, value in entries:
            self.nums.append(NumberObject(key + offset))
            self.nums.append(value.clone(self.writer, ignore_fields=("/P",)))
        # pypdf leaves /StructParents behind when it copies a page; it is put back, moved.
        for original, page in zip(reader.pages, pages, strict=True):
            key = cast(Any, original.get("/StructParents"))
            if key is not None:
                page[NameObject("/StructParents")] = NumberObject(int(key) + offset)
            for annot in page.get("/Annots", []) or []:
                annot = annot.get_object()
                if "/StructParent" in annot:
                    annot[NameObject("/StructParent")] = NumberObject(
                        int(annot["/StructParent"]) + offset
                    )
        self.next_key = offset + max((k for k, _v in entries), default=-1) + 1
        self.root[NameObject("/ParentTreeNextKey")] = NumberObject(self.next_key)
        role_map = source.get("/RoleMap")
        if role_map is not None:
            mine = self.root.setdefault(NameObject("/RoleMap"), DictionaryObject())
            for name, role in role_map.get_object().items():
                mine.setdefault(name, role)


def _kids(element: Any) -> list[Any]:
    kids = element.get("/K")
    if kids is None:
        return []
    kids = kids.get_object()
    return list(kids) if isinstance(kids, ArrayObject) else [kids]


def _reparent(node: Any, parent: Any) -> None:
    """Give every structure element under `node` its /P back, pointing at its new parent."""
    element = node.get_object()
    if not isinstance(element, DictionaryObject) or "/S" not in element:
        return  # marked-content and object references have no parent entry
    element[NameObject("/P")] = parent
    me = node if not isinstance(node, DictionaryObject) else parent
    for kid in _kids(element):
        _reparent(kid, me)


def _number_tree_entries(node: Any) -> list[tuple[int, Any]]:
    entries: list[tuple[int, Any]] = []
    nums = node.get("/Nums")
    if nums is not None:
        nums = nums.get_object()
        entries.extend((int(nums[i]), nums[i + 1]) for i in range(0, len(nums), 2))
    for kid in node.get("/Kids", []) or []:
        entries.extend(_number_tree_entries(kid.get_object()))
    return entries


def _forget_structure(page: Any) -> None:
    # Keys into a tree that was not brought along would point at the pack's own elements.
    if "/StructParents" in page:
        del page[NameObject("/StructParents")]
