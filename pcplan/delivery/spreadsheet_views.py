"""Staff pages for the Delivery Plan spreadsheet: download, upload, preview, apply."""

from __future__ import annotations

import uuid

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from pcplan.core import exports, jobs
from pcplan.core.http import posted, require
from pcplan.delivery import permissions, spreadsheet, tasks
from pcplan.performance.uploads import max_upload_bytes
from pcplan.plans.permissions import EDITORS_ONLY
from pcplan.plans.views import get_plan_for_user

SALT = "pcplan.delivery.spreadsheet"
# A preview is applied within a day, or uploaded again.
PREVIEW_MAX_AGE = 24 * 60 * 60


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Delivery Plan spreadsheet"),
        help_text=_("The file you downloaded here and edited, saved as .xlsx or .csv."),
    )


@login_required
def export(request: HttpRequest, key: str, fmt: str) -> HttpResponseBase:
    if fmt not in exports.FORMATS:
        raise Http404(gettext("Download the Delivery Plan as .xlsx or .csv"))
    require(request, permissions.can_edit_delivery_plan, EDITORS_ONLY)
    plan = get_plan_for_user(request, key)
    return spreadsheet.download(request, plan, fmt)


@login_required
def upload(request: HttpRequest, key: str) -> HttpResponse:
    """Upload a file: check every row, and show what applying it would change."""
    user = require(request, permissions.can_edit_delivery_plan, EDITORS_ONLY)
    plan = get_plan_for_user(request, key)
    form = UploadForm(posted(request), request.FILES or None)
    context = {"plan": plan, "form": form, "max_mb": max_upload_bytes() // (1024 * 1024)}
    if request.method != "POST" or not form.is_valid():
        status = 400 if request.method == "POST" else 200
        return render(request, "delivery/spreadsheet_upload.html", context, status=status)
    upload = form.cleaned_data["file"]
    try:
        changes = spreadsheet.read_changes(plan, upload.name, upload)
    except spreadsheet.ImportRefused as exc:
        context["problems"] = exc.problems
        return render(request, "delivery/spreadsheet_upload.html", context, status=400)
    upload.seek(0)
    suffix = ".xlsx" if upload.name.lower().endswith(".xlsx") else ".csv"
    stored = default_storage.save(
        f"delivery-imports/{uuid.uuid4().hex}{suffix}", ContentFile(upload.read())
    )
    ticket = signing.dumps({"path": stored, "plan": plan.pk, "user": user.pk}, salt=SALT)
    return render(
        request,
        "delivery/spreadsheet_preview.html",
        {
            "plan": plan,
            "changes": changes,
            "ticket": ticket,
            "to_apply": sum(1 for c in changes if c.action != "unchanged"),
        },
    )


@login_required
def apply(request: HttpRequest, key: str) -> HttpResponse:
    """Apply the previewed file, read again now, all or nothing."""
    user = require(request, permissions.can_edit_delivery_plan, EDITORS_ONLY)
    plan = get_plan_for_user(request, key)
    upload_url = reverse("delivery-spreadsheet:upload", args=[plan.key])
    if request.method != "POST":
        return redirect(upload_url)
    try:
        ticket = signing.loads(request.POST.get("ticket", ""), salt=SALT, max_age=PREVIEW_MAX_AGE)
    except signing.BadSignature:
        messages.error(request, gettext("The preview has expired: upload the file again."))
        return redirect(upload_url)
    if ticket["plan"] != plan.pk or ticket["user"] != user.pk:
        messages.error(request, gettext("The preview has expired: upload the file again."))
        return redirect(upload_url)
    path = ticket["path"]
    if jobs.already_started(path) or not default_storage.exists(path):
        messages.error(request, gettext("This file has already been applied."))
        return redirect(upload_url)
    # The worker applies it (pcplan worker); the editor follows it on the job's page.
    job = jobs.start(
        user,
        tasks.apply_spreadsheet,
        title=gettext("Applying the Delivery Plan spreadsheet"),
        stored=(path, gettext("Delivery Plan spreadsheet")),
        next_url=reverse("delivery:deliverable-list", args=[plan.key]),
        plan_id=plan.pk,
    )
    return redirect(jobs.status_url(job))
