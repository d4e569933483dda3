"""`pcplan demo` never touches a production database by accident, nor a user it did not make."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from pcplan.core.models import User
from pcplan.demo.loader import DEMO_PASSWORD
from pcplan.plans.models import Plan
from tests.demo_snapshot import load_demo_database

FLAG = "--i-know-this-resets-demo-users"


@pytest.mark.django_db
@override_settings(DEBUG=False, TESTING=False)
def test_the_demo_refuses_a_database_without_pcplan_debug():
    with pytest.raises(CommandError) as caught:
        call_command("demo", "--no-serve", verbosity=0)
    assert "PCPLAN_DEBUG" in str(caught.value)
    assert FLAG in str(caught.value)
    assert not Plan.objects.exists()
    assert not User.objects.exists()


@pytest.mark.django_db
@override_settings(DEBUG=False, TESTING=False)
def test_the_demo_leaves_alone_a_user_it_did_not_create_even_when_told_to_run():
    admin = User.objects.create_user("admin", password="a-real-secret", role=User.Role.OPCC_EDITOR)
    out = StringIO()
    call_command("demo", "--no-serve", FLAG, stdout=out)
    admin.refresh_from_db()
    assert admin.check_password("a-real-secret")
    assert not admin.check_password(DEMO_PASSWORD)
    assert not admin.is_superuser
    assert admin.role == User.Role.OPCC_EDITOR
    assert "admin: a user of this name exists that the demo did not create" in out.getvalue()
    editor = User.objects.get(username="editor")
    assert editor.check_password(DEMO_PASSWORD)


@pytest.mark.django_db
def test_the_demo_resets_the_users_it_created_itself():
    load_demo_database()
    editor = User.objects.get(username="editor")
    editor.set_password("changed-by-hand")
    editor.save()
    call_command("demo", "--no-serve", verbosity=0)
    editor.refresh_from_db()
    assert editor.check_password(DEMO_PASSWORD)
