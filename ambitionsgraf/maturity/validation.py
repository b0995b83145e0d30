"""Validate a model file's content before anything is written to the database.

Every problem is reported with its place in the file, for example
`areas[3].questions[2].levels: expected 5 level descriptions, found 4`.
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .models import Area, Perspective

KEY = re.compile(r"[a-z][a-z0-9_]*\Z")  # \Z, not $: "goals\n" is no key
# Control characters (other than tab and line breaks) and halves of surrogate pairs: a YAML
# escape can write them, but no page can show them and PostgreSQL refuses NUL.
UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
LANGUAGES = ("sv", "en")
PERSPECTIVES = set(Perspective.values)
GROUPS = set(Area.Group.values)
MAX_VERSION = 2_147_483_647  # the database's whole-number column
# The keys each part of the file may have; any other key is a mistake (often a typo).
ALLOWED = {
    "file": {"format", "key", "version", "name", "description", "levels", "areas"},
    "level": {"level", "name", "description"},
    "area": {"key", "group", "title", "description", "questions", "guidance"},
    "question": {"key", "text", "perspectives", "strategy_goal", "core", "comparable", "levels"},
    "guidance": {"level", "text", "actions"},
}


@dataclass
class Problems:
    items: list[str] = field(default_factory=list)

    def add(self, place: str, message: str) -> None:
        self.items.append(f"{place}: {message}" if place else message)


def _whole(value) -> bool:
    """A whole number written as one (true, false and 1.0 are not)."""
    return isinstance(value, int) and not isinstance(value, bool)


def _names(keys) -> str:
    return ", ".join(sorted(str(k)[:40] for k in keys))


def _unknown(value: dict, part: str, place: str, problems: Problems) -> None:
    extra = [k for k in value if not isinstance(k, str) or k not in ALLOWED[part]]
    if extra:
        problems.add(place, _("unknown key(s): %s") % _names(extra))


def _text(value, place: str, problems: Problems, max_length: int | None = None) -> None:
    """A text in both languages: {sv: "...", en: "..."}."""
    if not isinstance(value, dict):
        problems.add(place, _("expected a text in Swedish and English ({sv: ..., en: ...})"))
        return
    for language in LANGUAGES:
        text = value.get(language)
        if not isinstance(text, str) or not text.strip():
            problems.add(f"{place}.{language}", _("the text is missing or empty"))
        elif UNPRINTABLE.search(text):
            problems.add(
                f"{place}.{language}",
                _("the text contains a control character or an invalid character"),
            )
        elif max_length and len(text) > max_length:
            problems.add(
                f"{place}.{language}",
                _("the text can be at most %(max)d characters, found %(found)d")
                % {"max": max_length, "found": len(text)},
            )
    extra = [k for k in value if k not in LANGUAGES]
    if extra:
        problems.add(place, _("unknown language(s): %s") % _names(extra))


def _key(value, place: str, problems: Problems, max_length: int = 40) -> bool:
    if not isinstance(value, str) or not KEY.fullmatch(value):
        problems.add(
            place,
            _("a key must be lowercase letters, digits and underscores, starting with a letter"),
        )
        return False
    if len(value) > max_length:
        problems.add(place, _("a key can be at most %d characters") % max_length)
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
    _unknown(data, "file", "", problems)
    if not _whole(data.get("format")) or data.get("format") != 1:
        problems.add("format", _("expected format: 1"))
    _key(data.get("key"), "key", problems)
    version = data.get("version")
    if not _whole(version) or not 1 <= version <= MAX_VERSION:
        problems.add("version", _("expected a whole number from 1 to %d") % MAX_VERSION)
    _text(data.get("name"), "name", problems, max_length=200)
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
        if not isinstance(level, dict) or not _whole(level.get("level")):
            problems.add(place, _("expected level: %d") % (index + 1))
            continue
        if level["level"] != index + 1:
            problems.add(place, _("expected level: %d") % (index + 1))
        _unknown(level, "level", place, problems)
        _text(level.get("name"), f"{place}.name", problems)
        _text(level.get("description"), f"{place}.description", problems)


def _validate_area(area, place, problems, area_keys, question_keys) -> None:
    if not isinstance(area, dict):
        problems.add(place, _("expected an area with key, title and questions"))
        return
    _unknown(area, "area", place, problems)
    key = area.get("key")
    if _key(key, f"{place}.key", problems):
        if key in area_keys:
            problems.add(f"{place}.key", _("the area key %s is used twice") % key)
        area_keys.add(key)
    group = area.get("group")
    if not isinstance(group, str) or group not in GROUPS:
        problems.add(f"{place}.group", _("expected one of: %s") % ", ".join(sorted(GROUPS)))
    _text(area.get("title"), f"{place}.title", problems, max_length=200)
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
    _unknown(question, "question", place, problems)
    key = question.get("key")
    if _key(key, f"{place}.key", problems, max_length=60):
        if key in question_keys:
            problems.add(f"{place}.key", _("the question key %s is used twice") % key)
        question_keys.add(key)
    _text(question.get("text"), f"{place}.text", problems)
    perspectives = question.get("perspectives")
    if (
        not isinstance(perspectives, list)
        or not perspectives
        or not all(isinstance(p, str) for p in perspectives)
        or not set(perspectives) <= PERSPECTIVES
        or len(set(perspectives)) != len(perspectives)
    ):
        problems.add(
            f"{place}.perspectives",
            _("expected a list of one or more of: %s") % ", ".join(sorted(PERSPECTIVES)),
        )
    goal = question.get("strategy_goal")
    if goal is not None and (not _whole(goal) or not 1 <= goal <= 7):
        problems.add(f"{place}.strategy_goal", _("expected a national strategy goal from 1 to 7"))
    levels = question.get("levels")
    if not isinstance(levels, list) or len(levels) != 5:
        found = len(levels) if isinstance(levels, list) else 0
        problems.add(f"{place}.levels", _("expected 5 level descriptions, found %d") % found)
    else:
        for index, level in enumerate(levels):
            _text(level, f"{place}.levels[{index + 1}]", problems)
    if not isinstance(question.get("comparable", True), bool):
        problems.add(f"{place}.comparable", _("expected true or false"))
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
        _unknown(item, "guidance", g_place, problems)
        seen.append(item["level"] if _whole(item.get("level")) else None)
        _text(item.get("text"), f"{g_place}.text", problems)
        actions = _list(item.get("actions"), f"{g_place}.actions", problems, _("actions"))
        for a_index, action in enumerate(actions):
            _text(action, f"{g_place}.actions[{a_index + 1}]", problems)
    if guidance and seen != [1, 2, 3, 4, 5]:
        problems.add(place, _("expected guidance for levels 1, 2, 3, 4 and 5, in that order"))
