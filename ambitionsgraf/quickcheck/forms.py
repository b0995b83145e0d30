"""The quick check form: per area the core question (five levels or don't know) and an ambition.

Fields are named by area key, which is stable across model versions. The ambition takes whole
and half levels, exactly like the ambition an organisation sets for a round.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from ambitionsgraf.organisations.choices import OrganisationType
from ambitionsgraf.rounds.forms import AmbitionField, ambition_choices

from .result import AreaRow

DONT_KNOW = "dk"
LEVEL_CHOICES = [(str(n), str(n)) for n in range(1, 6)] + [(DONT_KNOW, _("Don't know"))]


def named_ambition_choices(level_names: list[str]) -> list[tuple[str, str]]:
    """ambition_choices() with the level's name after each whole level: "3 – Established"."""
    choices = []
    for value, label in ambition_choices():
        whole = value.endswith(".0")
        name = level_names[int(float(value)) - 1] if whole and level_names else ""
        choices.append((value, f"{label} – {name}" if name else label))
    return choices


class QuickCheckForm(forms.Form):
    save = forms.BooleanField(
        label=_(
            "Save my answers anonymously so the national procurement agency can learn from them"
        ),
        required=False,
        help_text=_(
            "Only your levels, your ambitions, the type of organisation if you choose one and "
            "today's date are saved. No name, no e-mail address, no IP address and nothing that "
            "links the answers to you or your browser. They are counted apart from full "
            "assessments."
        ),
    )
    organisation_type = forms.ChoiceField(
        label=_("Type of organisation (optional)"),
        required=False,
        choices=[("", _("Prefer not to say"))] + OrganisationType.choices,
        help_text=_(
            "Saved only if you tick the box above. It lets the agency compare like with like."
        ),
        error_messages={"invalid_choice": _("Choose a type from the list, or leave it empty.")},
    )

    def __init__(self, *args, questions, level_names: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for q in self.questions:
            key = q.area.key
            self.fields[f"level_{key}"] = forms.ChoiceField(
                choices=LEVEL_CHOICES,
                error_messages={
                    "required": _("Choose the description that fits best, or “Don't know”."),
                    "invalid_choice": _("Choose one of the five levels or “Don't know”."),
                },
            )
            ambition = AmbitionField(
                label=_("Your ambition for this area"),
                help_text=_("The level you want to reach, from 1 to 5. Halves are allowed."),
                error_messages={"required": _("Choose your ambition for this area.")},
            )
            ambition.widget.choices = named_ambition_choices(level_names)
            self.fields[f"ambition_{key}"] = ambition

    def areas(self, language=None):
        """Per area what the template needs, in model order."""
        for number, q in enumerate(self.questions, start=1):
            level = self[f"level_{q.area.key}"]
            yield {
                "number": number,
                "area": q.area,
                "question": q,
                "level": level,
                "value": level.value() or "",
                "ambition": self[f"ambition_{q.area.key}"],
                "levels": list(enumerate(q.level_texts(language), start=1)),
            }

    def error_links(self):
        """(anchor, area title, message) for the error summary, in the order of the page."""
        links = []
        for q in self.questions:
            for prefix, anchor in (("level", f"level-{q.area.key}-1"), ("ambition", None)):
                field = self[f"{prefix}_{q.area.key}"]
                for message in field.errors:
                    links.append((anchor or field.id_for_label, q.area.tr("title"), message))
        for name in ("save", "organisation_type"):
            for message in self[name].errors:
                links.append((self[name].id_for_label, self[name].label, message))
        return links

    def rows(self) -> list[AreaRow]:
        """The valid answers as result rows."""
        rows = []
        for q in self.questions:
            key = q.area.key
            level = self.cleaned_data[f"level_{key}"]
            rows.append(
                AreaRow(
                    key=key,
                    title=q.area.tr("title"),
                    level=None if level == DONT_KNOW else int(level),
                    ambition=float(self.cleaned_data[f"ambition_{key}"]),
                )
            )
        return rows
