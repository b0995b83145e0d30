"""The model editor's forms: every model text in Swedish and English, side by side.

Each text is a pair of fields named ``<name>_sv`` and ``<name>_en``; ``pairs(form, names)``
gives them to the template two by two. Every text is required in both languages, as a model
file needs them (``validation.py``), so a saved draft only fails to publish on what spans the
whole version (one core question per area, keys).
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from ambitionsgraf.maturity.models import Area, ModelVersion, Perspective, Question
from ambitionsgraf.maturity.validation import KEY

LEVELS = range(1, 6)
MAX_ACTIONS = 6


def text_pair(form, name: str, label_sv, label_en, *, textarea=True, rows=3) -> None:
    """Add the fields ``<name>_sv`` and ``<name>_en`` to ``form``: a text area, or a line of
    at most 200 characters (a name or a title, as the database and model files allow)."""
    for suffix, label in (("sv", label_sv), ("en", label_en)):
        widget = forms.Textarea(attrs={"rows": rows, "lang": suffix}) if textarea else None
        field = forms.CharField(label=label, widget=widget, max_length=4000 if textarea else 200)
        if not textarea:
            field.widget.attrs["lang"] = suffix
        form.fields[f"{name}_{suffix}"] = field


def pairs(form, names) -> list[tuple]:
    """(Swedish bound field, English bound field) for each name, for the side-by-side rows."""
    return [(form[f"{name}_sv"], form[f"{name}_en"]) for name in names]


class VersionForm(forms.Form):
    def __init__(self, *args, version: ModelVersion, **kwargs):
        super().__init__(*args, **kwargs)
        text_pair(self, "name", _("Name in Swedish"), _("Name in English"), textarea=False)
        text_pair(self, "description", _("Description in Swedish"), _("Description in English"))
        if not self.is_bound:
            self.initial = {f: getattr(version, f) for f in self.fields}

    def save(self, version: ModelVersion) -> None:
        for name, value in self.cleaned_data.items():
            setattr(version, name, value)
        version.save(update_fields=list(self.cleaned_data))


class AreaForm(forms.Form):
    def __init__(self, *args, area: Area, **kwargs):
        super().__init__(*args, **kwargs)
        text_pair(self, "title", _("Title in Swedish"), _("Title in English"), textarea=False)
        text_pair(self, "description", _("Description in Swedish"), _("Description in English"))
        if not self.is_bound:
            self.initial = {f: getattr(area, f) for f in self.fields}

    def save(self, area: Area) -> None:
        for name, value in self.cleaned_data.items():
            setattr(area, name, value)
        area.save(update_fields=list(self.cleaned_data))


class QuestionForm(forms.Form):
    """A question's texts, perspectives, core flag and national strategy goal; for a question
    the previous version also has, whether it is still comparable with it."""

    def __init__(self, *args, question: Question | None, level_names, previous=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["key"] = forms.CharField(
            label=_("Key"),
            max_length=60,
            help_text=_(
                "A stable name for the question across versions: lowercase letters, digits and "
                "underscores, starting with a letter. It cannot be changed later."
            ),
        )
        text_pair(self, "text", _("Question in Swedish"), _("Question in English"))
        for level in LEVELS:
            name = level_names[level - 1]
            text_pair(
                self,
                f"level_{level}",
                _("Level %(level)s, %(name)s, in Swedish") % {"level": level, "name": name},
                _("Level %(level)s, %(name)s, in English") % {"level": level, "name": name},
            )
        self.fields["perspectives"] = forms.MultipleChoiceField(
            label=_("Put to"),
            choices=Perspective.choices,
            widget=forms.CheckboxSelectMultiple,
            error_messages={"required": _("Choose at least one perspective.")},
        )
        self.fields["strategy_goal"] = forms.TypedChoiceField(
            label=_("National procurement strategy goal"),
            choices=[("", _("None")), *((str(n), str(n)) for n in range(1, 8))],
            coerce=int,
            empty_value=None,
            required=False,
        )
        self.fields["is_core"] = forms.BooleanField(
            label=_("Core question of the area (asked in the quick check)"),
            required=False,
            help_text=_(
                "An area has exactly one. Ticking it here makes this question the core question "
                "instead of the area's current one."
            ),
        )
        self.show_comparable = question is not None and previous is not None
        if self.show_comparable:
            self.fields["comparable"] = forms.BooleanField(
                label=_("Comparable with version %(version)s") % {"version": previous.version},
                required=False,
                help_text=_(
                    "Untick this when the question now means something else. Its area's "
                    "results are then not compared with rounds on earlier versions."
                ),
            )
        if question is not None:
            del self.fields["key"]
            if not self.is_bound:
                self.initial = _question_initial(question)
        elif not self.is_bound:
            self.initial = {"perspectives": list(Perspective.values)}

    @property
    def level_rows(self) -> list[tuple]:
        return pairs(self, [f"level_{level}" for level in LEVELS])

    def apply(self, question: Question) -> None:
        """Copy the cleaned values onto ``question`` (not saved)."""
        data = self.cleaned_data
        question.text_sv, question.text_en = data["text_sv"], data["text_en"]
        question.levels = [
            {"sv": data[f"level_{n}_sv"], "en": data[f"level_{n}_en"]} for n in LEVELS
        ]
        question.perspectives = [p for p in Perspective.values if p in data["perspectives"]]
        question.strategy_goal = data["strategy_goal"]
        question.is_core = data["is_core"]
        if self.show_comparable:
            question.comparable = data["comparable"]


def _question_initial(question: Question) -> dict:
    initial = {
        "text_sv": question.text_sv,
        "text_en": question.text_en,
        "perspectives": list(question.perspectives),
        "strategy_goal": question.strategy_goal,
        "is_core": question.is_core,
        "comparable": question.comparable,
    }
    for n, level in zip(LEVELS, question.levels, strict=False):
        initial[f"level_{n}_sv"] = level.get("sv", "")
        initial[f"level_{n}_en"] = level.get("en", "")
    return initial


class NewQuestionForm(QuestionForm):
    """A question added to an area of the draft, with its new key."""

    def __init__(self, *args, taken: dict[str, int | None], **kwargs):
        super().__init__(*args, question=None, **kwargs)
        self.taken = taken  # key -> the published version that used it, None: in this draft

    def clean_key(self):
        key = self.cleaned_data["key"].strip()
        if not KEY.match(key):
            raise forms.ValidationError(
                _(
                    "Use lowercase letters, digits and underscores, starting with a letter, "
                    "for example goals_reviewed."
                )
            )
        if key in self.taken:
            used = self.taken[key]
            if used is None:
                raise forms.ValidationError(_("Another question in this draft has this key."))
            raise forms.ValidationError(
                _(
                    "Version %(version)s used this key. A key is never reused, so that "
                    "answers to different questions are never compared: choose a new one."
                )
                % {"version": used}
            )
        return key


class GuidanceForm(forms.Form):
    """What the next step up from a level looks like, and up to six suggested actions."""

    def __init__(self, *args, guidance, **kwargs):
        super().__init__(*args, **kwargs)
        text_pair(self, "text", _("Guidance in Swedish"), _("Guidance in English"), rows=4)
        for n in range(1, MAX_ACTIONS + 1):
            for suffix, label in (
                ("sv", _("Action %(n)s in Swedish")),
                ("en", _("Action %(n)s in English")),
            ):
                self.fields[f"action_{n}_{suffix}"] = forms.CharField(
                    label=label % {"n": n},
                    required=False,
                    max_length=1000,
                    widget=forms.Textarea(attrs={"rows": 2, "lang": suffix}),
                )
        if not self.is_bound:
            initial = {"text_sv": guidance.text_sv, "text_en": guidance.text_en}
            for n, action in enumerate(guidance.actions, start=1):
                initial[f"action_{n}_sv"] = action.get("sv", "")
                initial[f"action_{n}_en"] = action.get("en", "")
            self.initial = initial

    @property
    def action_rows(self) -> list[tuple]:
        return pairs(self, [f"action_{n}" for n in range(1, MAX_ACTIONS + 1)])

    def clean(self):
        data = super().clean()
        actions = []
        for n in range(1, MAX_ACTIONS + 1):
            sv = (data.get(f"action_{n}_sv") or "").strip()
            en = (data.get(f"action_{n}_en") or "").strip()
            if sv and en:
                actions.append({"sv": sv, "en": en})
            elif sv or en:
                missing = f"action_{n}_en" if sv else f"action_{n}_sv"
                self.add_error(missing, _("Write the action in both languages."))
        if not actions and not self.errors:
            self.add_error("action_1_sv", _("Give at least one suggested action."))
        data["actions"] = actions
        return data

    def save(self, guidance) -> None:
        guidance.text_sv = self.cleaned_data["text_sv"]
        guidance.text_en = self.cleaned_data["text_en"]
        guidance.actions = self.cleaned_data["actions"]
        guidance.save(update_fields=["text_sv", "text_en", "actions"])


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Model file"),
        help_text=_(
            "A YAML file in the format of the model files, with a version number higher than "
            "the newest published version. It becomes a draft; nothing is published."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".yaml,.yml,text/yaml"}),
    )


class MoveForm(forms.Form):
    """Move an area or a question one step up or down."""

    area = forms.SlugField(required=False)
    question = forms.SlugField(required=False)
    direction = forms.ChoiceField(choices=[("up", "up"), ("down", "down")])

    def clean(self):
        data = super().clean()
        if bool(data.get("area")) == bool(data.get("question")):
            raise forms.ValidationError(_("Choose an area or a question to move."))
        return data
