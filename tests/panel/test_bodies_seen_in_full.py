"""`bodies_seen_in_full`, the filter the staff search uses, agrees with `can_see_exempt_of`,
the rule the Panel's and partnerships' staff pages ask of one body, for every role and the
public (seed 002: exempt business is for the Panel's members and the secretariat)."""

from __future__ import annotations

import pytest

from pcplan.core.models import User
from pcplan.panel.permissions import bodies_seen_in_full, can_see_exempt_of
from pcplan.partnerships.models import PANEL_KEY, Body, BodyKind
from tests.factories import BodyFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", [*User.Role.values, None])
def test_the_filter_and_the_rule_for_one_body_agree(role):
    Body.objects.get_or_create(key=PANEL_KEY, defaults={"name": "Police and Crime Panel"})
    BodyFactory(key="private-board", kind=BodyKind.DELIVERY_GROUP, meetings_public=False)
    BodyFactory(key="a-csp", kind=BodyKind.CSP)
    user = UserFactory(role=role) if role else None
    by_rule = {body.key for body in Body.objects.all() if can_see_exempt_of(user, body)}
    by_filter = set(Body.objects.filter(bodies_seen_in_full(user)).values_list("key", flat=True))
    assert by_filter == by_rule
