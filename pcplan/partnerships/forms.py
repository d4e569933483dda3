from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from pcplan.core.forms import GovukDateField
from pcplan.partnerships.models import CspDocument, Membership, Scrutiny


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
    url = forms.URLField(label=_("Web address (optional)"), required=False, assume_scheme="https")

    class Meta:
        model = CspDocument
        fields = ["kind", "title", "dated", "url", "priorities"]
        error_messages = {"title": {"required": _("Enter the document's title")}}
