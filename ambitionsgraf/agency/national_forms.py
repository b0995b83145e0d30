"""The national picture's filters: a GET form, every field optional."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ambitionsgraf.organisations.choices import County, EmployeesBand, OrganisationType


class NationalFilterForm(forms.Form):
    type = forms.ChoiceField(
        label=_("Type of organisation"),
        choices=[("", _("All types")), *OrganisationType.choices],
        required=False,
    )
    county = forms.ChoiceField(
        label=_("County"), choices=[("", _("All counties")), *County.choices], required=False
    )
    size = forms.ChoiceField(
        label=_("Employees"),
        choices=[("", _("All sizes")), *EmployeesBand.choices],
        required=False,
    )
    year = forms.TypedChoiceField(
        label=_("Year the round closed"),
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("Without a year: each organisation's latest round."),
    )

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [
            ("", _("Latest round of each organisation")),
            *((str(y), str(y)) for y in sorted(years, reverse=True)),
        ]

    def filters(self) -> dict:
        """The valid choices; a field with a bad value counts as not chosen (its error is shown
        by the field)."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {
            "type": cleaned.get("type") or "",
            "county": cleaned.get("county") or "",
            "size": cleaned.get("size") or "",
            "year": cleaned.get("year"),
        }
