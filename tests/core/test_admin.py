"""Administrators can inspect every record and its history in the Django admin."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_admin_lists_deliverables_and_their_history(
    client, administrator, constabulary_deliverable
):
    administrator.is_staff = administrator.is_superuser = True
    administrator.save()
    client.force_login(administrator)
    assert client.get(reverse("admin:delivery_deliverable_changelist")).status_code == 200
    history = client.get(
        reverse("admin:delivery_deliverable_history", args=[constabulary_deliverable.pk])
    )
    assert history.status_code == 200
    assert constabulary_deliverable.title in history.content.decode()


def test_editors_without_staff_status_cannot_use_the_admin(client, editor):
    client.force_login(editor)
    response = client.get(reverse("admin:delivery_deliverable_changelist"))
    assert response.status_code == 302
