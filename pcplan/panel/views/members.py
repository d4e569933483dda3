"""The Panel's membership over time."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from pcplan.core.http import edit_form, posted, staff_user
from pcplan.panel import services
from pcplan.panel.forms import (
    PanelMemberForm,
)
from pcplan.panel.models import (
    PanelMember,
)
from pcplan.panel.views.access import (
    get_member_for_user,
    secretariat_only,
)


@secretariat_only
def member_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    member = get_member_for_user(request, pk) if pk else PanelMember()
    form = PanelMemberForm(posted(request), instance=member)
    user = staff_user(request)
    return edit_form(
        request,
        form,
        lambda: services.save_member(user, form.save(commit=False), version=form.served_version),
        context={
            "title": _("Edit member") if pk else _("Add a member"),
            "back_url": reverse("panel:staff-home"),
        },
        success_url=reverse("panel:staff-home"),
        success_message=_("Membership saved"),
    )


def member_new(request: HttpRequest) -> HttpResponse:
    return member_edit(request, None)
