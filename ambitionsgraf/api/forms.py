from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import Scope

MAX_ACTIVE_TOKENS = 20


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("What the token is for, for example “Statistics in the intranet”."),
    )
    scope = forms.ChoiceField(
        label=_("Access"),
        choices=Scope.choices,
        initial=Scope.READ,
        widget=forms.RadioSelect,
        help_text=_(
            "Read only is enough to fetch results and the action plan. "
            "Read and write also lets the program invite respondents."
        ),
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation

    def clean_name(self):
        return self.cleaned_data["name"].strip()

    def clean(self):
        if self.organisation.api_tokens.active().count() >= MAX_ACTIVE_TOKENS:
            raise ValidationError(
                _("The organisation has %(max)d tokens in use, the most it can have. "
                  "Revoke one you no longer need first."),
                params={"max": MAX_ACTIVE_TOKENS},
            )  # fmt: skip
        return super().clean()
