"""The one shape of the secretariat's small forms: a title, a caption, a way back."""

from __future__ import annotations

from collections.abc import Callable

from django.forms import Form
from django.http import HttpRequest, HttpResponse

from pcplan.core.http import edit_form


def staff_form(
    request: HttpRequest,
    form: Form,
    save: Callable[[], object],
    *,
    title: str,
    back: str,
    message: str,
    caption: str = "",
) -> HttpResponse:
    return edit_form(
        request,
        form,
        save,
        context={"title": title, "caption": caption, "back_url": back},
        success_url=back,
        success_message=message,
    )
