"""What must hold before a draft is published or an uploaded model file becomes a draft.

The content is checked by ``validation.validate`` on the draft's model-file dict (the same
checks as a file the operator loads: both languages everywhere, five level texts per question,
exactly one core question per area, guidance for every level, unique keys). On top of that,
the editor's rules across versions:

- the version number is higher than that of every published version of the model, and not
  taken by another version;
- a question key is never reused: a key that an earlier published version had, but the
  previous published version no longer has (the question was retired), cannot come back.
"""

import re

from django.utils.translation import gettext as _

from ambitionsgraf.lib.translated import pick

from .modelfile import serialise
from .models import ModelVersion, Question
from .validation import validate


class DraftError(Exception):
    """A draft cannot be made or published; ``problems`` says why, in plain words."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def previous_published(version: ModelVersion) -> ModelVersion | None:
    """The newest published version of the same model numbered below ``version``."""
    return (
        ModelVersion.objects.published()
        .filter(key=version.key, version__lt=version.version)
        .order_by("-version")
        .first()
    )


def key_history(model_key: str) -> dict[str, int]:
    """Every question key the model's published versions used -> the newest version using it."""
    newest: dict[str, int] = {}
    rows = Question.objects.filter(
        area__model_version__key=model_key,
        area__model_version__status=ModelVersion.Status.PUBLISHED,
    ).values_list("key", "area__model_version__version")
    for key, number in rows:
        newest[key] = max(number, newest.get(key, 0))
    return newest


def across_versions(data: dict) -> list[str]:
    """The rules across versions (see the module docstring) for a model file's content."""
    found = []
    model_key, number = data["key"], data["version"]
    published = ModelVersion.objects.published().filter(key=model_key)
    highest = max(published.values_list("version", flat=True), default=0)
    if number <= highest:
        found.append(
            _(
                "version: the version number must be higher than %(highest)s, the newest "
                "published version; a published version is never changed."
            )
            % {"highest": highest}
        )
    history = key_history(model_key)
    for area in data["areas"]:
        for question in area["questions"]:
            last = history.get(question["key"])
            if last is not None and last < highest and highest < number:
                found.append(
                    _(
                        "%(key)s: this question key was retired after version %(version)s, and "
                        "a key is never reused. Give the question a new key."
                    )
                    % {"key": question["key"], "version": last}
                )
    return found


def upload_problems(data: dict) -> list[str]:
    """An uploaded (already validated) model file may become a draft: no version of the model
    is a draft, the version number is free, and the rules across versions hold."""
    found = []
    draft = ModelVersion.objects.drafts().filter(key=data["key"]).first()
    if draft is not None:
        found.append(
            _(
                "There is already a draft of %(key)s (version %(version)s). Publish or delete "
                "it before you upload a file."
            )
            % {"key": data["key"], "version": draft.version}
        )
    if ModelVersion.objects.filter(key=data["key"], version=data["version"]).exists():
        found.append(
            _(
                "Version %(version)s of %(key)s already exists. A published version is never "
                "changed: give the file a new version number."
            )
            % {"key": data["key"], "version": data["version"]}
        )
    return found + across_versions(data)


PLACE = re.compile(r"^areas\[(\d+)\](?:\.questions\[(\d+)\])?")


def readable(problem: str, data: dict) -> str:
    """``areas[2].questions[3].levels[1].en: ...`` with the area's title and the question's
    key in place of the numbers, so the model owner can find the place in the editor."""
    match = PLACE.match(problem)
    if not match:
        return problem
    try:
        area = data["areas"][int(match.group(1)) - 1]
        names = [pick(area["title"]["sv"], area["title"]["en"]) or area["key"]]
        if match.group(2):
            names.append(area["questions"][int(match.group(2)) - 1]["key"])
    except (IndexError, KeyError, TypeError):
        return problem
    return " › ".join(names) + problem[match.end() :]


def problems(version: ModelVersion) -> list[str]:
    """Everything that stops the draft from being published; empty when it can be."""
    data = serialise(version)
    return [readable(p, data) for p in validate(data)] + across_versions(data)
