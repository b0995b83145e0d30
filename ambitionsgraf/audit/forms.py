from django import forms
from django.utils.translation import gettext_lazy as _

from .kinds import kind_choices


class LogFilterForm(forms.Form):
    """Which kind of events the log shows; read from the query string, changes nothing."""

    kind = forms.ChoiceField(
        label=_("Kind of event"),
        required=False,
        error_messages={"invalid_choice": _("Choose one of the kinds in the list.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Everything")), *kind_choices()]
