"""The statement on the national crime and policing measures (para 7A): staff generate, edit
and publish it; the public reads the latest published one."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pcplan.core.concurrency import VersionedForm
from pcplan.core.http import edit_form, posted, staff_user
from pcplan.core.publishing import set_published
from pcplan.transparency import measures_statement
from pcplan.transparency.models import MeasureEntry, MeasuresStatement
from pcplan.transparency.views.access import keepers_only


class EntryForm(VersionedForm, forms.ModelForm[MeasureEntry]):
    class Meta:
        model = MeasureEntry
        fields = ["applies_locally", "why", "contribution"]


@keepers_only
def staff_statements(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "transparency/staff_statements.html",
        {"statements": MeasuresStatement.objects.prefetch_related("entries")},
    )


@require_POST
@keepers_only
def statement_generate(request: HttpRequest) -> HttpResponse:
    statement = measures_statement.generate_statement(staff_user(request), timezone.localdate())
    messages.success(request, _("Statement generated from the latest figures"))
    return redirect("transparency:staff-statement", pk=statement.pk)


@keepers_only
def staff_statement(request: HttpRequest, pk: int) -> HttpResponse:
    statement = get_object_or_404(MeasuresStatement, pk=pk)
    return render(
        request,
        "transparency/staff_statement.html",
        {"statement": statement, "entries": statement.entries.all()},
    )


@keepers_only
def entry_edit(request: HttpRequest, pk: int) -> HttpResponse:
    entry = get_object_or_404(MeasureEntry.objects.select_related("statement"), pk=pk)
    form = EntryForm(posted(request), instance=entry)
    user = staff_user(request)
    back = reverse("transparency:staff-statement", args=[entry.statement_id])
    return edit_form(
        request,
        form,
        lambda: measures_statement.save_entry(
            user, form.save(commit=False), version=form.served_version
        ),
        context={"title": entry.measure_name, "caption": _("National measure"), "back_url": back},
        success_url=back,
        success_message=_("Saved"),
    )


@require_POST
@keepers_only
def statement_publish(request: HttpRequest, pk: int) -> HttpResponse:
    statement = get_object_or_404(MeasuresStatement, pk=pk)
    publish = request.POST.get("publish") == "yes"
    set_published(staff_user(request), statement, publish)
    messages.success(request, _("Statement published") if publish else _("Statement withdrawn"))
    return redirect("transparency:staff-statement", pk=statement.pk)


def public_statement(request: HttpRequest) -> HttpResponse:
    statement = MeasuresStatement.objects.public().first()
    return render(
        request,
        "transparency/national_measures_statement.html",
        {"statement": statement, "entries": statement.entries.all() if statement else []},
    )
