"""When an htmx request gets a fragment, and when it must get the whole page."""

from __future__ import annotations

from django.http import HttpRequest


def partial_wanted(request: HttpRequest) -> bool:
    """True for htmx's own swaps; False for a normal load and for htmx restoring history.

    On "Back" to an address htmx pushed, htmx asks for the whole page again (with the
    HX-History-Restore-Request header) and puts it in place of the body: answering that with the
    fragment would leave a page with no header, menu or filter form.
    """
    htmx = getattr(request, "htmx", None)
    if not htmx:
        return False
    return not htmx.history_restore_request
