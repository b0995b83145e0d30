"""Validate a model file's content before anything is written to the database.

Every problem is reported with its place in the file, for example
`areas[3].questions[2].levels: expected 5 level descriptions, found 4`.
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .models import Area, Perspective

KEY = re.compile(r"^[a-z][a-z0-9_]*$")
LANGUAGES = ("sv", "en")
PERSPECTIVES = set(Perspective.values)
GROUPS = set(Area.Group.values)


@dataclass
class Problems:
    items: list[str] = field(default_factory=list)

    def add(self, place: str, message: str) -> None:
        self.items.append(f"{place}: {message}" if place else message)


def _text(value, place: str, problems: Problems) -> None:
    """A text in both languages: {sv: "...", en: "..."}."""
    if not isinstance(value, dict):
        problems.add(place, _("expected a text in Swedish and English ({sv: ..., en: ...})"))
        return
    for language in LANGUAGES:
        text = value.get(language)
        if not isinstance(text, str) or not text.strip():
            problems.add(f"{place}.{language}", _("the text is missing or empty"))
    extra = set(value) - set(LANGUAGES)
    if extra:
        problems.add(place, _("unknown language(s): %s") % ", ".join(sorted(map(str, extra))))


def _key(value, place: str, problems: Problems) -> bool:
    if not isinstance(value, str) or not KEY.match(value):
        problems.add(
            place,
            _("a key must be lowercase letters, digits and underscores, starting with a letter"),
        )
        return False
    return True


def _list(value, place: str, problems: Problems, what: str) -> list:
    if not isinstance(value, list) or not value:
        problems.add(place, _("expected a non-empty list of %s") % what)
        return []
    return value


def validate(data) -> list[str]:
    """All problems in a parsed model file; an empty list means the file can be loaded."""
    problems = Problems()
    if not isinstance(data, dict):
        problems.add("", _("the file must contain a mapping with format, key, version and areas"))
        return problems.items
    if data.get("format") != 1:
        problems.add("format", _("expected format: 1"))
    _key(data.get("key"), "key", problems)
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        problems.add("version", _("expected a whole number of 1 or more"))
    _text(data.get("name"), "name", problems)
    _text(data.get("description"), "description", problems)
    _validate_levels(data.get("levels"), problems)
    areas = _list(data.get("areas"), "areas", problems, _("areas"))
    area_keys: set[str] = set()
    question_keys: set[str] = set()
    for index, area in enumerate(areas):
        _validate_area(area, f"areas[{index + 1}]", problems, area_keys, question_keys)
    return problems.items


def _validate_levels(levels, problems: Problems) -> None:
    levels = _list(levels, "levels", problems, _("levels"))
    if levels and len(levels) != 5:
        problems.add("levels", _("expected 5 levels, found %d") % len(levels))
    for index, level in enumerate(levels):
        place = f"levels[{index + 1}]"
        if not isinstance(level, dict) or level.get("level") != index + 1:
            problems.add(place, _("expected level: %d") % (index + 1))
            continue
        _text(level.get("name"), f"{place}.name", problems)
        _text(level.get("description"), f"{place}.description", problems)


def _validate_area(area, place, problems, area_keys, question_keys) -> None:
    if not isinstance(area, dict):
        problems.add(place, _("expected an area with key, title and questions"))
        return
    key = area.get("key")
    if _key(key, f"{place}.key", problems):
        if key in area_keys:
            problems.add(f"{place}.key", _("the area key %s is used twice") % key)
        area_keys.add(key)
    if area.get("group") not in GROUPS:
        problems.add(f"{place}.group", _("expected one of: %s") % ", ".join(sorted(GROUPS)))
    _text(area.get("title"), f"{place}.title", problems)
    _text(area.get("description"), f"{place}.description", problems)
    questions = _list(area.get("questions"), f"{place}.questions", problems, _("questions"))
    core = 0
    for index, question in enumerate(questions):
        q_place = f"{place}.questions[{index + 1}]"
        core += _validate_question(question, q_place, problems, question_keys)
    if questions and core != 1:
        problems.add(
            f"{place}.questions",
            _("exactly one question must be marked core: true, found %d") % core,
        )
    _validate_guidance(area.get("guidance"), f"{place}.guidance", problems)


def _validate_question(question, place, problems, question_keys) -> int:
    if not isinstance(question, dict):
        problems.add(place, _("expected a question with key, text, perspectives and levels"))
        return 0
    key = question.get("key")
    if _key(key, f"{place}.key", problems):
        if key in question_keys:
            problems.add(f"{place}.key", _("the question key %s is used twice") % key)
        question_keys.add(key)
    _text(question.get("text"), f"{place}.text", problems)
    perspectives = question.get("perspectives")
    if (
        not isinstance(perspectives, list)
        or not perspectives
        or not set(perspectives) <= PERSPECTIVES
        or len(set(perspectives)) != len(perspectives)
    ):
        problems.add(
            f"{place}.perspectives",
            _("expected a list of one or more of: %s") % ", ".join(sorted(PERSPECTIVES)),
        )
    goal = question.get("strategy_goal")
    if goal is not None and (not isinstance(goal, int) or not 1 <= goal <= 7):
        problems.add(f"{place}.strategy_goal", _("expected a national strategy goal from 1 to 7"))
    levels = question.get("levels")
    if not isinstance(levels, list) or len(levels) != 5:
        found = len(levels) if isinstance(levels, list) else 0
        problems.add(f"{place}.levels", _("expected 5 level descriptions, found %d") % found)
    else:
        for index, level in enumerate(levels):
            _text(level, f"{place}.levels[{index + 1}]", problems)
    core = question.get("core", False)
    if not isinstance(core, bool):
        problems.add(f"{place}.core", _("expected true or false"))
        return 0
    return int(core)


def _validate_guidance(guidance, place, problems) -> None:
    guidance = _list(guidance, place, problems, _("guidance per level"))
    seen = []
    for index, item in enumerate(guidance):
        g_place = f"{place}[{index + 1}]"
        if not isinstance(item, dict):
            problems.add(g_place, _("expected level, text and actions"))
            continue
        seen.append(item.get("level"))
        _text(item.get("text"), f"{g_place}.text", problems)
        actions = _list(item.get("actions"), f"{g_place}.actions", problems, _("actions"))
        for a_index, action in enumerate(actions):
            _text(action, f"{g_place}.actions[{a_index + 1}]", problems)
    if guidance and seen != [1, 2, 3, 4, 5]:
        problems.add(place, _("expected guidance for levels 1, 2, 3, 4 and 5, in that order"))
