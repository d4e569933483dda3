"""Minutes list those present and those sending apologies as the seed's minutes do (seed 002)."""

from __future__ import annotations

from types import SimpleNamespace

from pcplan.panel.templatetags.panel import attendance_names


def attendance(name, status, office="", substitute_for=None):
    member = SimpleNamespace(name=name, office=office)
    return SimpleNamespace(member=member, status=status, substitute_for=substitute_for)


def test_present_members_are_listed_with_offices_and_no_trailing_comma():
    rows = [
        attendance("Edward Leigh", "present", "chair"),
        attendance("Claire George", "present", "vice-chair"),
        attendance("Councillor A Bradnam", "present"),
        attendance("Councillor A Gilderdale", "apologies"),
    ]
    assert attendance_names(rows, "present,substitute") == (
        "Edward Leigh (Chair), Claire George (Vice-Chair), Councillor A Bradnam"
    )
    assert attendance_names(rows, "apologies") == "Councillor A Gilderdale"


def test_substitutes_say_whom_they_stand_for():
    regular = SimpleNamespace(name="Councillor S Tierney", office="")
    rows = [attendance("Councillor J Huffer", "substitute", substitute_for=regular)]
    assert attendance_names(rows, "present,substitute") == (
        "Councillor J Huffer (substitute for Councillor S Tierney)"
    )
