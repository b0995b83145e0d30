import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from ambitionsgraf.maturity.models import Perspective

from .models import Round

MAX_ADDRESSES = 500
_NAMED = re.compile(r"<([^<>]+)>")
# Items are separated by commas or semicolons, except inside a quoted name: "Dahl, David" <d@x.se>
_ITEM = re.compile(r'(?:"[^"]*"|[^,;"])+')


class MultilineField(forms.CharField):
    """Text from a textarea. The textarea's maxlength counts a line break as one character,
    but browsers send each as two (CR LF): line breaks are made one before the length is
    checked, so a text the page let someone type is not refused as too long."""

    def to_python(self, value):
        return super().to_python(value).replace("\r\n", "\n").replace("\r", "\n")


class RoundForm(forms.ModelForm):
    class Meta:
        model = Round
        fields = ["name", "closes_on"]
        widgets = {"closes_on": forms.DateInput(attrs={"type": "date"})}
        help_texts = {
            "name": _("For example “Skattning 2026”."),
            "closes_on": _(
                "Optional. The round closes at the end of this day. You can also close it yourself."
            ),
        }

    def clean_closes_on(self):
        closes_on = self.cleaned_data["closes_on"]
        if closes_on and closes_on < timezone.localdate():
            raise ValidationError(_("The closing date cannot be in the past."))
        return closes_on


def parse_addresses(text: str) -> list[tuple[int, str]]:
    """(line number, address) for every address in a pasted list.

    Accepts one or more addresses per line separated by commas or semicolons, and the
    `Name <address>` form that e-mail programs copy. Raises one error per bad line.
    """
    found: list[tuple[int, str]] = []
    errors = []
    for number, line in enumerate(text.splitlines(), start=1):
        for item in _ITEM.findall(line):
            item = item.strip()
            if not item:
                continue
            named = _NAMED.search(item)
            address = (named.group(1) if named else item).strip().lower()
            try:
                validate_email(address)
            except ValidationError:
                errors.append(
                    ValidationError(
                        _("Line %(line)d: “%(value)s” is not a valid e-mail address."),
                        params={"line": number, "value": item},
                        code="invalid_line",
                    )
                )
                continue
            found.append((number, address))
    if errors:
        raise ValidationError(errors)
    return found


class InviteForm(forms.Form):
    addresses = forms.CharField(
        label=_("E-mail addresses"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "One address per line. You can paste a list from your e-mail program or a spreadsheet."
        ),
    )
    perspective = forms.ChoiceField(
        label=_("Perspective"),
        choices=Perspective.choices,
        widget=forms.RadioSelect,
        help_text=_("Everyone in this list answers from the same perspective."),
    )
    language = forms.ChoiceField(
        label=_("Language of the invitation and the questionnaire"),
        choices=[("sv", _("Swedish")), ("en", _("English"))],
    )

    def __init__(self, *args, round, **kwargs):
        super().__init__(*args, **kwargs)
        self.round = round

    def clean_addresses(self):
        found = parse_addresses(self.cleaned_data["addresses"])
        if not found:
            raise ValidationError(_("Write at least one e-mail address."))
        if len(found) > MAX_ADDRESSES:
            raise ValidationError(
                _("At most %(max)d addresses at a time."), params={"max": MAX_ADDRESSES}
            )
        already = set(
            self.round.respondents.filter(email__in=[a for _line, a in found]).values_list(
                "email", flat=True
            )
        )
        errors = [
            ValidationError(
                _("Line %(line)d: %(email)s is already invited to this round."),
                params={"line": line, "email": address},
                code="already_invited",
            )
            for line, address in found
            if address in already
        ]
        if errors:
            raise ValidationError(errors)
        return list(dict.fromkeys(address for _line, address in found))


def parse_ambition(raw) -> Decimal | None:
    """'3', '3.5' or '3,5' to a Decimal; None when empty. Raises ValidationError otherwise."""
    text = str(raw or "").strip().replace(",", ".")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite() or value < 1 or value > 5 or (value * 2) % 1:
        raise ValidationError(
            _("Choose a level from 1 to 5, in steps of a half (for example 3 or 3.5)."),
            code="ambition_range",
        )
    return value.quantize(Decimal("0.1"))


def ambition_choices():
    """1, 1.5, ... 5 written in the active language's number format."""
    halves = [Decimal(n) / 2 for n in range(2, 11)]
    return [("", "—")] + [
        (f"{v:.1f}", formats.number_format(v, decimal_pos=0 if v % 1 == 0 else 1)) for v in halves
    ]


class AmbitionField(forms.Field):
    widget = forms.Select

    def to_python(self, value):
        return parse_ambition(value)


class AmbitionForm(forms.Form):
    """One target and one reason per area; the fields are made from the round's areas."""

    def __init__(self, *args, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.areas = list(areas)
        for area in self.areas:
            self.fields[f"target_{area.key}"] = AmbitionField(
                label=_("Target level"), required=False
            )
            self.fields[f"target_{area.key}"].widget.choices = ambition_choices()
            self.fields[f"reason_{area.key}"] = MultilineField(
                label=_("Reason (optional)"),
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def rows(self):
        for area in self.areas:
            yield area, self[f"target_{area.key}"], self[f"reason_{area.key}"]


class ReminderForm(forms.Form):
    """Whom to remind: everyone who has not finished, or those of one perspective."""

    perspective = forms.ChoiceField(label=_("Send a reminder to"), required=False)

    def __init__(self, *args, counts: dict[str, int], **kwargs):
        super().__init__(*args, **kwargs)
        self.counts = counts
        self.nobody_left = counts[""] == 0
        everyone = [("", _("Everyone who has not finished (%(count)d)") % {"count": counts[""]})]
        self.fields["perspective"].choices = everyone + [
            (
                value,
                _("%(perspective)s (%(count)d)") % {"perspective": label, "count": counts[value]},
            )
            for value, label in Perspective.choices
        ]


class NextRoundForm(RoundForm):
    """A new round based on an earlier one: its respondents, all ticked, can be unticked."""

    respondents = forms.MultipleChoiceField(
        label=_("Invite again"), required=False, widget=forms.CheckboxSelectMultiple
    )

    error_anchors = {"respondents": "again-heading"}  # the page draws the boxes itself

    class Meta(RoundForm.Meta):
        pass

    def __init__(self, *args, earlier: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.earlier = earlier
        self.fields["respondents"].choices = [(r.email, r.email) for r in earlier]
        if not self.is_bound:
            self.initial["respondents"] = [r.email for r in earlier]

    def groups(self) -> list[dict]:
        """The earlier respondents per perspective, each with whether its box is ticked."""
        if self.is_bound:
            ticked = set(self.data.getlist(self.add_prefix("respondents")))
        else:
            ticked = set(self.initial["respondents"])
        languages = dict(settings.LANGUAGES)
        groups = []
        for value, label in Perspective.choices:
            people = [r for r in self.earlier if r.perspective == value]
            if people:
                groups.append(
                    {
                        "key": value,
                        "label": label,
                        "people": [
                            {
                                "email": r.email,
                                "language": languages.get(r.language, r.language),
                                "checked": r.email in ticked,
                                "id": f"id_respondents_{value}_{i}",
                            }
                            for i, r in enumerate(people)
                        ],
                    }
                )
        return groups
