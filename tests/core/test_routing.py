"""Each address is matched against pcplan's URL patterns once per worker (pcplan.core.routing,
issue 17): the same view and arguments as a full match, a new match object for every request,
and an address that matches nothing still a 404 every time."""

from __future__ import annotations

import pytest
from django.urls import Resolver404, get_resolver, resolve, reverse

from pcplan.core.routing import RememberingResolver

ADDRESSES = [
    reverse("public:home"),
    reverse("transparency:decisions"),
    reverse("api:deliverable-detail", args=[7]),
    reverse("partnerships:staff-home"),
]


def remembering() -> RememberingResolver:
    (resolver,) = [p for p in get_resolver().url_patterns if isinstance(p, RememberingResolver)]
    return resolver


def full_match(path: str):
    """What Django's own resolver finds, trying every pattern."""
    return super(RememberingResolver, remembering()).resolve(path.lstrip("/"))


@pytest.mark.parametrize("path", ADDRESSES)
def test_a_remembered_address_resolves_as_a_full_match_would(path):
    first, again, full = resolve(path), resolve(path), full_match(path)
    for match in (first, again):
        assert match.func == full.func
        assert (match.args, match.kwargs) == (full.args, full.kwargs)
        assert match.view_name == full.view_name
    assert first is not again and first.kwargs is not again.kwargs


def test_the_second_request_for_an_address_tries_no_pattern():
    path = reverse("grants:register")
    resolve(path)
    before = remembering()._remembered.cache_info().hits
    resolve(path)
    assert remembering()._remembered.cache_info().hits == before + 1


def test_an_address_that_matches_nothing_is_not_remembered():
    size = remembering()._remembered.cache_info().currsize
    for _ in range(2):
        with pytest.raises(Resolver404):
            resolve("/no-such-page/")
    assert remembering()._remembered.cache_info().currsize == size
