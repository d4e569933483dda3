"""The office profile page (`/staff/office/`): administrators keep the profile here."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from pcplan.core.concurrency import StaleEdit
from pcplan.core.http import posted, require
from pcplan.core.office import current_office
from pcplan.core.office_forms import (
    CspFormSet,
    ForceFormSet,
    OfficeForm,
    check_profile,
    initial_csps,
    initial_forces,
)
from pcplan.core.permissions import ADMINISTRATORS_ONLY, may_keep_profile
from pcplan.core.profile import save_office_profile


@login_required
def office_profile(request: HttpRequest) -> HttpResponse:
    user = require(request, may_keep_profile, ADMINISTRATORS_ONLY)
    office = current_office()
    data = posted(request)
    form = OfficeForm(data, instance=office)
    forces = ForceFormSet(data, prefix="forces", initial=initial_forces(office))
    csps = CspFormSet(data, prefix="csps", initial=initial_csps(office))
    if data is not None:
        spec = check_profile(form, forces, csps)
        if spec is not None:
            try:
                with form.refusing_stale():
                    save_office_profile(user, spec, version=form.served_version)
            except StaleEdit as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Office profile saved"))
                return redirect(reverse("core:office"))
    return render(
        request,
        "core/office.html",
        {"form": form, "forces": forces, "csps": csps},
        status=400 if data is not None else 200,
    )
