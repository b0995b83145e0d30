import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ambitionsgraf.rounds.forms import MultilineField

from .models import Action, ActionComment

EARLIEST, LATEST = dt.date(2000, 1, 1), dt.date(2100, 12, 31)
BAD_DATE = _("Write the date as year-month-day, for example 2026-11-27.")
BAD_STATUS = _("Choose one of the statuses: planned, in progress or done.")


class StatusField(forms.ChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            label=_("Status"),
            choices=Action.Status.choices,
            error_messages={"invalid_choice": BAD_STATUS, "required": BAD_STATUS},
            **kwargs,
        )


class ActionForm(forms.ModelForm):
    """Add or edit an action: the area is one of the plan's model areas."""

    area_key = forms.ChoiceField(
        label=_("Area"),
        error_messages={
            "invalid_choice": _("Choose one of the model's areas."),
            "required": _("Choose the area the action belongs to."),
        },
    )
    status = StatusField()

    class Meta:
        model = Action
        fields = ["area_key", "description", "owner", "due_on", "status"]
        field_classes = {"description": MultilineField}
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "due_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        labels = {
            "description": _("What is to be done"),
            "owner": _("Owner"),
            "due_on": _("Due date"),
        }
        help_texts = {
            "owner": _("Optional. The person or group responsible, for example “Head of finance”."),
            "due_on": _("Optional. Year-month-day, for example 2026-11-27."),
        }
        error_messages = {
            "description": {
                "required": _("Describe what is to be done."),
                "max_length": _("Keep the description to %(limit_value)d characters at most."),
            },
            "due_on": {"invalid": BAD_DATE},
        }

    def __init__(self, *args, areas: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        choices = list(areas)
        current = self.instance.area_key if self.instance.pk else None
        if current and current not in dict(choices):
            choices.append((current, current))  # an area a newer model version dropped
        self.fields["area_key"].choices = [("", "—")] + choices

    def clean_description(self):
        text = self.cleaned_data["description"].strip()
        if not text:
            raise ValidationError(_("Describe what is to be done."), code="required")
        return text

    def clean_owner(self):
        return self.cleaned_data["owner"].strip()

    def clean_due_on(self):
        due_on = self.cleaned_data["due_on"]
        if due_on is not None and not EARLIEST <= due_on <= LATEST:
            raise ValidationError(
                _("Choose a date between %(first)s and %(last)s."),
                params={"first": EARLIEST.isoformat(), "last": LATEST.isoformat()},
                code="date_range",
            )
        return due_on


class StatusForm(forms.Form):
    status = StatusField()


class CommentForm(forms.ModelForm):
    class Meta:
        model = ActionComment
        fields = ["text"]
        field_classes = {"text": MultilineField}
        widgets = {"text": forms.Textarea(attrs={"rows": 3, "maxlength": 2000})}
        labels = {"text": _("Your comment")}
        error_messages = {
            "text": {
                "required": _("Write a comment before you post it."),
                "max_length": _("Keep the comment to %(limit_value)d characters at most."),
            }
        }

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise ValidationError(_("Write a comment before you post it."), code="required")
        return text
