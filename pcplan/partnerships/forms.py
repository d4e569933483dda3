from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from pcplan.core.concurrency import VersionedForm
from pcplan.core.forms import GovukDateField
from pcplan.engagement.models import Concern
from pcplan.grants.models import Award
from pcplan.partnerships.models import (
    Body,
    CspDocument,
    FundedPost,
    LocalIssue,
    Membership,
    Scrutiny,
)


class MembershipForm(forms.ModelForm[Membership]):
    starts_on = GovukDateField(label=_("From"))
    ends_on = GovukDateField(label=_("Until (optional)"), required=False)

    class Meta:
        model = Membership
        fields = ["person", "organisation", "role", "starts_on", "ends_on"]

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if not data.get("person") and not data.get("organisation"):
            self.add_error("person", _("Enter the person, or choose their organisation"))
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The membership must end on or after its start"))
        return data


class ScrutinyForm(forms.ModelForm[Scrutiny]):
    held_on = GovukDateField(label=_("Held on"))

    class Meta:
        model = Scrutiny
        fields = ["committee", "held_on", "notes"]
        error_messages = {"committee": {"required": _("Enter the committee's name")}}


class CspDocumentForm(forms.ModelForm[CspDocument]):
    dated = GovukDateField(label=_("Dated"))
    url = forms.URLField(
        label=_("Web address (optional)"),
        required=False,
        assume_scheme="https",
        help_text=_(
            "Where the partnership publishes it. Only a document with its address is listed on "
            "the public specified information page."
        ),
    )

    class Meta:
        model = CspDocument
        fields = ["kind", "title", "dated", "url", "priorities"]
        error_messages = {"title": {"required": _("Enter the document's title")}}


class BodyForm(VersionedForm, forms.ModelForm[Body]):
    """A body's own fields; publishing is its own button, members and documents their own
    forms."""

    class Meta:
        model = Body
        fields = ["name", "kind", "parent", "purpose", "terms_of_reference", "meetings_public"]
        error_messages = {"name": {"required": _("Enter the body's name")}}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        parents = Body.objects.order_by("name")
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents  # type: ignore[attr-defined]
        self.fields["parent"].required = False


class LocalIssueForm(VersionedForm, forms.ModelForm[LocalIssue]):
    opened_on = GovukDateField(label=_("Taken on"))
    closed_on = GovukDateField(label=_("Closed on (if resolved or closed)"), required=False)
    concerns = forms.ModelMultipleChoiceField(
        label=_("Public concerns it answers (optional)"),
        queryset=Concern.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = LocalIssue
        fields = ["title", "description", "status", "opened_on", "closed_on"]
        error_messages = {"title": {"required": _("Enter the issue")}}
        widgets = {"status": forms.RadioSelect}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        concerns = Concern.objects.order_by("-received_on", "pk")
        area = area_of(self.instance.body)
        if area:
            concerns = concerns.filter(area=area)
        self.fields["concerns"].queryset = concerns  # type: ignore[attr-defined]
        if self.instance.pk:
            self.initial["concerns"] = list(self.instance.concerns.all())

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        status, closed_on = data.get("status"), data.get("closed_on")
        if status and status != LocalIssue.Status.OPEN and not closed_on:
            self.add_error("closed_on", _("Enter the date the issue was closed"))
        opened_on = data.get("opened_on")
        if opened_on and closed_on and closed_on < opened_on:
            self.add_error("closed_on", _("The issue must close on or after it was taken on"))
        return data


def area_of(body: Body | None) -> str:
    """The CSP area a body works in: its own CSP's, or its parent CSP's (a Problem Solving
    Group sits under its CSP)."""
    if body is None:
        return ""
    for candidate in (body, body.parent):
        if candidate is not None and candidate.csp_id:
            return str(candidate.csp)
    return ""


class FundedPostForm(forms.ModelForm[FundedPost]):
    funded_from = GovukDateField(label=_("Funded from"))
    funded_until = GovukDateField(label=_("Funded until"))

    class Meta:
        model = FundedPost
        fields = ["title", "host", "funded_from", "funded_until", "amount", "award", "notes"]
        error_messages = {"title": {"required": _("Enter the post")}}
        labels = {"award": _("Grant award that pays for it (optional)")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        awards = Award.objects.select_related("fund", "recipient").order_by("reference")
        self.fields["award"].queryset = awards  # type: ignore[attr-defined]

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        start, end = data.get("funded_from"), data.get("funded_until")
        if start and end and end < start:
            self.add_error("funded_until", _("The funding must end on or after it starts"))
        return data
