"""The staff page's form for the office profile: the office's fields, its forces and its CSPs.

Forces and CSPs are formsets with blank rows to add one; clearing a row's name removes it. No
JavaScript is needed. The form does not hold the profile's rules: it builds the same document
as a `pcplan setup` file and the same checks (`pcplan.core.profile.check`) judge it, so the
page and the file cannot disagree.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from pcplan.core.concurrency import VersionedForm
from pcplan.core.models import Office, Organisation
from pcplan.core.profile import ProfileSpec, check, profile_document
from pcplan.plans.yamlsource import Source

OFFICE_FIELDS = [
    "kind",
    "name",
    "holder_title",
    "holder_short_title",
    "holder_name",
    "office_name",
    "office_abbreviation",
    "police_area",
    "board_name",
    "contact_officer",
    "contact_details",
    "panel_name",
    "panel_host_authority",
    "panel_contact",
]


class OfficeForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Office
        fields = OFFICE_FIELDS
        widgets = {"kind": forms.RadioSelect, "panel_contact": forms.Textarea}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name"].required = True
        self.fields["name"].error_messages["required"] = _("Enter the name of the body")
        self.fields["kind"].error_messages["required"] = _("Select the kind of body")


class ForceForm(forms.Form):
    police_uk_id = forms.CharField(
        label=_("data.police.uk force id"),
        required=False,
        help_text=_('As the force\'s file names spell it, e.g. "2024-01-FORCE-street.csv".'),
    )
    name = forms.CharField(label=_("Name of the force"), required=False)


class CspForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the partnership"),
        required=False,
        help_text=_("Clear the name to remove the partnership."),
    )
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.all(),
        required=False,
        to_field_name="key",
        empty_label=_("Not linked to an organisation"),
        label=_("As a lead or partner organisation"),
    )
    districts = forms.CharField(
        label=_("Local authority districts it covers"),
        required=False,
        widget=forms.Textarea,
        help_text=_('One a line, as data.police.uk LSOA names spell them ("Bedford 007A").'),
    )


class BaseCspFormSet(forms.BaseFormSet):
    """Every row offers the same organisations: read once for the page, not once per row."""

    @cached_property
    def organisation_choices(self) -> list[tuple[Any, Any]]:
        return list(CspForm.base_fields["organisation"].choices)  # type: ignore[attr-defined]

    def _construct_form(self, i: int, **kwargs: Any) -> forms.Form:
        form: forms.Form = super()._construct_form(i, **kwargs)  # type: ignore[misc]
        form.fields["organisation"].choices = self.organisation_choices  # type: ignore[attr-defined]
        return form


ForceFormSet = forms.formset_factory(ForceForm, extra=1)
CspFormSet = forms.formset_factory(CspForm, formset=BaseCspFormSet, extra=2)


def initial_forces(office: Office) -> list[dict[str, str]]:
    return [
        {"police_uk_id": f["id"], "name": f["name"]} for f in profile_document(office)["forces"]
    ]


def initial_csps(office: Office) -> list[dict[str, Any]]:
    return [
        {
            "name": c["name"],
            "organisation": c["organisation"],
            "districts": "\n".join(c["districts"]),
        }
        for c in profile_document(office)["csps"]
    ]


def _filled(formset: forms.BaseFormSet, key: str) -> list[forms.Form]:
    """The rows the administrator filled in: a row whose name is blank is left out."""
    return [
        f
        for f in formset.forms
        if f.is_valid()
        and any(str(v or "").strip() for v in f.cleaned_data.values())
        and (key != "name" or str(f.cleaned_data.get("name") or "").strip())
    ]


def check_profile(
    form: OfficeForm, forces: forms.BaseFormSet, csps: forms.BaseFormSet
) -> ProfileSpec | None:
    """The profile the page describes, checked by the rules of `pcplan setup`; problems are
    put on the form (and the rows they concern) in the page's words."""
    if not (form.is_valid() and forces.is_valid() and csps.is_valid()):
        return None
    data = form.cleaned_data
    force_rows = _filled(forces, "police_uk_id")
    csp_rows = _filled(csps, "name")
    doc: dict[str, Any] = {key: data[key] for key in OFFICE_FIELDS if not key.startswith("panel")}
    doc["panel"] = {
        "name": data["panel_name"],
        "host_authority": data["panel_host_authority"],
        "contact": data["panel_contact"],
    }
    doc["forces"] = [
        {"id": f.cleaned_data["police_uk_id"].strip(), "name": f.cleaned_data["name"].strip()}
        for f in force_rows
    ]
    doc["csps"] = [
        {
            "name": c.cleaned_data["name"].strip(),
            "organisation": c.cleaned_data["organisation"].key
            if c.cleaned_data["organisation"]
            else None,
            "districts": [
                line.strip() for line in c.cleaned_data["districts"].splitlines() if line.strip()
            ],
        }
        for c in csp_rows
    ]
    source = Source(file="", data=doc)
    spec = check(source)
    rows = {"forces": force_rows, "csps": csp_rows}
    for problem in source.problems:
        _place(form, rows, problem.path, problem.message)
    return spec


FIELD_OF = {"id": "police_uk_id", "name": "name", "districts": "districts"}
ROW_LABELS = {"forces": _("Force"), "csps": _("Community Safety Partnership")}


def _place(form: OfficeForm, rows: dict[str, list[forms.Form]], path: str, message: str) -> None:
    """Put a problem of the checked document beside what the administrator typed."""
    head, _sep, rest = path.partition("[")
    if head in rows and rest:
        index_text, _sep, tail = rest.partition("]")
        index = int(index_text)
        field = FIELD_OF.get(tail.lstrip(".").split("[")[0], None)
        if index < len(rows[head]) and field:
            rows[head][index].add_error(field, message)
        form.add_error(None, f"{ROW_LABELS[head]} {index + 1}: {message}")
        return
    if head == "forces":
        form.add_error(None, _("Enter at least one force: its data.police.uk id and its name"))
        return
    field = {"panel.name": "panel_name", "panel.host_authority": "panel_host_authority"}.get(
        path, path
    )
    if field in form.fields:
        form.add_error(field, message)
    else:
        form.add_error(None, message)
