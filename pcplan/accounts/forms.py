"""Forms for invitations and the second sign-in step."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from pcplan.core.models import Organisation, User


class InvitationForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "email", "username", "role", "organisation"]
        labels = {
            "first_name": _("First name"),
            "last_name": _("Last name"),
            "email": _("Email address"),
            "username": _("Username"),
            "role": _("Role"),
            "organisation": _("Organisation"),
        }
        help_texts = {
            "username": _("What they will type to sign in. Letters, digits and @ . + - _ only."),
            "email": _("The invitation, with a link to set a password, goes here."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("first_name", "last_name", "email"):
            self.fields[name].required = True
        organisation = self.fields["organisation"]
        assert isinstance(organisation, forms.ModelChoiceField)  # noqa: S101 - for mypy
        organisation.queryset = Organisation.objects.order_by("name")
        organisation.empty_label = _("None")
        self.fields["email"].error_messages["required"] = _("Enter their email address")
        self.fields["first_name"].error_messages["required"] = _("Enter their first name")
        self.fields["last_name"].error_messages["required"] = _("Enter their last name")

    def clean_email(self) -> str:
        email = str(self.cleaned_data["email"]).strip()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("Someone already has an account with this email address"))
        return email


class SecurityCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Security code"),
        help_text=_("The 6-digit code your authenticator app shows now."),
        max_length=10,
        error_messages={"required": _("Enter the security code")},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )

    def clean_code(self) -> str:
        code = "".join(str(self.cleaned_data["code"]).split())
        if not code.isdigit() or len(code) != 6:
            raise forms.ValidationError(_("Enter the 6 digits your authenticator app shows"))
        return code
