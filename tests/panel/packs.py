"""The agenda pack as a visitor, a member or an officer gets it once the worker has prepared it."""

from __future__ import annotations

from io import StringIO
from typing import Any

from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from pcplan.panel.models import Meeting


def run_worker() -> None:
    call_command("worker", "--batch", "--no-startup-delay", "--interval=0", stdout=StringIO())


def served_pack(client: Client, meeting: Meeting) -> Any:
    """Ask for the pack (the public one, or the one with exempt papers for those allowed); when
    it is being prepared (503), let `pcplan worker` build it and ask again, as one told to try
    again in a minute would. The worker closes its database
    connection when it stops, so a test using this needs `django_db(transaction=True)`."""
    url = reverse("panel:agenda-pack", args=[meeting.pk])
    response = client.get(url)
    if response.status_code == 503:
        run_worker()
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response
