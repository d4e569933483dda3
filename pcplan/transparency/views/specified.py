"""Specified information: one public page in a prominent place, the staff compliance view, and
recording a publication (a link or an uploaded document)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pcplan.core import fragments
from pcplan.core.forms import GovukDateField
from pcplan.core.http import edit_form, posted, staff_user
from pcplan.transparency import services
from pcplan.transparency.models import Decision, Inspection, SpecifiedPublication
from pcplan.transparency.specified import item_by_key, item_rows, status_counts
from pcplan.transparency.views.access import keepers_only

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
LATEST_SHOWN = 5


class PublicationForm(forms.ModelForm[SpecifiedPublication]):
    published_on = GovukDateField(
        label=gettext_lazy("Date published"), help_text=gettext_lazy("For example, 31 3 2023")
    )
    url = forms.URLField(label=gettext_lazy("Link"), required=False, assume_scheme="https")

    class Meta:
        model = SpecifiedPublication
        fields = ["title", "published_on", "url", "document"]

    def clean_document(self) -> object:
        document = self.cleaned_data.get("document")
        if document and getattr(document, "size", 0) > MAX_DOCUMENT_BYTES:
            raise forms.ValidationError(_("The document must be smaller than 20 MB"))
        return document


def specified_information(request: HttpRequest) -> HttpResponse:
    """Public: every item with where to find it and when it was last published; live records
    are public ones only (published decisions; HMICFRS reports, which HMICFRS publishes)."""
    today = timezone.localdate()
    return render(
        request,
        "transparency/specified_information.html",
        {
            "rows": item_rows(today),
            "decisions": Decision.objects.public().newest_first()[:LATEST_SHOWN],
            "inspections": Inspection.objects.public(today)[:LATEST_SHOWN],
        },
    )


def publication_document(request: HttpRequest, pk: int) -> FileResponse:
    publication = get_object_or_404(SpecifiedPublication, pk=pk)
    if not publication.document:
        raise Http404(_("This publication has no document"))
    return FileResponse(publication.document.open("rb"), as_attachment=False)


@keepers_only
def compliance(request: HttpRequest) -> HttpResponse:
    def body() -> dict[str, Any]:
        rows = item_rows(timezone.localdate())
        return {"rows": rows, "counts": status_counts(rows)}

    # Issue 17: the table is kept until anything changes (pcplan.core.fragments).
    return fragments.render_kept(request, "transparency/compliance.html", {}, body)


@keepers_only
def publication_new(request: HttpRequest, key: str) -> HttpResponse:
    item = item_by_key(key)
    if item is None:
        raise Http404(_("No such item of specified information"))
    publication = SpecifiedPublication(item_key=item.key)
    data = posted(request)
    form = PublicationForm(data, request.FILES if data is not None else None, instance=publication)
    user = staff_user(request)
    return edit_form(
        request,
        form,
        lambda: services.record_publication(user, form.save(commit=False)),
        context={
            "title": _("Record a publication"),
            "caption": f"{item.citation}: {item.title}",
            "back_url": reverse("transparency:compliance"),
        },
        template="transparency/publication_form.html",
        success_url=reverse("transparency:compliance"),
        success_message=_("Publication recorded"),
    )
