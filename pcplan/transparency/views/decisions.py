"""The decisions register: staff pages to record and publish, the public register."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from pcplan.core import exports
from pcplan.core.history import history_page
from pcplan.core.http import edit_form, posted, staff_user
from pcplan.core.paging import paginate
from pcplan.core.publishing import set_published
from pcplan.transparency import services
from pcplan.transparency.forms import DecisionForm
from pcplan.transparency.history import decision_history
from pcplan.transparency.models import Decision
from pcplan.transparency.views.access import (
    flags,
    get_decision_for_user,
    get_public_decision,
    keepers_only,
    readers_only,
)

PAGE_SIZE = 50


@readers_only
def staff_decisions(request: HttpRequest) -> HttpResponse:
    paged = paginate(request, Decision.objects.newest_first(), PAGE_SIZE)
    return render(
        request, "transparency/staff_decisions.html", {**paged.context(), **flags(request)}
    )


@readers_only
def staff_decision(request: HttpRequest, pk: int) -> HttpResponse:
    decision = get_decision_for_user(request, pk)
    return render(
        request,
        "transparency/staff_decision.html",
        {
            "decision": decision,
            **history_page(request, decision_history(decision)),
            **flags(request),
        },
    )


@keepers_only
def decision_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    decision = get_decision_for_user(request, pk) if pk else Decision()
    form = DecisionForm(posted(request), instance=decision)
    user = staff_user(request)

    def save() -> None:
        services.save_decision(user, form.save(commit=False), version=form.served_version)

    return edit_form(
        request,
        form,
        save,
        context={
            "title": _("Edit decision") if pk else _("Record a decision"),
            "back_url": reverse("transparency:staff-decisions"),
        },
        success_url=lambda: reverse("transparency:staff-decision", args=[form.instance.pk]),
        success_message=_("Decision saved"),
    )


def decision_new(request: HttpRequest) -> HttpResponse:
    return decision_edit(request, None)


@require_POST
@keepers_only
def decision_publish(request: HttpRequest, pk: int) -> HttpResponse:
    decision = get_decision_for_user(request, pk)
    publish = request.POST.get("publish") == "yes"
    set_published(staff_user(request), decision, publish)
    messages.success(request, _("Decision published") if publish else _("Decision withdrawn"))
    return redirect("transparency:staff-decision", pk=decision.pk)


def decision_register(request: HttpRequest) -> HttpResponse:
    """Public: published decisions only; the template names no exempt field."""
    paged = paginate(request, Decision.objects.public().newest_first(), PAGE_SIZE)
    return render(request, "transparency/decision_register.html", paged.context())


# The register's columns as a download: what the public decision page shows, no exempt field.
REGISTER_COLUMNS: list[exports.Column[Decision]] = [
    exports.Column(gettext_lazy("Number"), lambda d: d.number),
    exports.Column(gettext_lazy("Date of decision"), lambda d: d.decided_on),
    exports.Column(gettext_lazy("Title"), lambda d: d.title),
    exports.Column(gettext_lazy("Kind"), lambda d: d.get_kind_display()),
    exports.Column(gettext_lazy("Decided by"), lambda d: d.decision_maker),
    exports.Column(gettext_lazy("Summary"), lambda d: d.summary),
    exports.Column(gettext_lazy("Reasons"), lambda d: d.reasons),
    exports.Column(gettext_lazy("Financial implications"), lambda d: d.financial_implications),
    exports.Column(
        gettext_lazy("Part withheld as exempt"),
        lambda d: _("Yes") if d.has_exempt_part else _("No"),
    ),
]


def decision_register_download(request: HttpRequest, fmt: str) -> HttpResponseBase:
    """The public register as CSV or Excel: published decisions only, as the page."""
    return exports.download(
        request,
        fmt,
        REGISTER_COLUMNS,
        Decision.objects.public().newest_first(),
        name="decisions",
        sheet=_("Decisions"),
    )


def decision_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render(
        request, "transparency/decision_detail.html", {"decision": get_public_decision(pk)}
    )
