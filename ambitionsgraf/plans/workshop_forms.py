from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ambitionsgraf.rounds.forms import AmbitionField, MultilineField, ambition_choices


class AgreedLevelForm(forms.Form):
    """The level a workshop agrees on for one area (1 to 5, halves allowed) and why.

    An empty level removes the agreed level. A reason without a level, where none was agreed
    before, is refused rather than silently dropped."""

    level = AmbitionField(
        label=_("Level we agree on"),
        required=False,
        help_text=_("From 1 to 5, halves allowed. Leave it empty to remove the agreed level."),
    )
    reason = MultilineField(
        label=_("Why"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What made the group settle on this level: the evidence, the examples."),
    )

    def __init__(self, *args, had_agreed: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.had_agreed = had_agreed
        self.fields["level"].widget.choices = ambition_choices()

    def clean_reason(self):
        return self.cleaned_data["reason"].strip()

    def clean(self):
        cleaned = super().clean()
        if (
            not self.had_agreed
            and cleaned.get("level") is None
            and cleaned.get("reason")
            and "level" not in self.errors
        ):
            self.add_error(
                "level",
                ValidationError(
                    _("Choose the level you agree on, or leave the reason empty."),
                    code="reason_without_level",
                ),
            )
        return cleaned
