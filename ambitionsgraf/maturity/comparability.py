"""Can an area's results on one model version be compared with its results on another?

Each question carries ``comparable``: "its meaning is the same as the question with the same key
in the previous published version". The model owner unticks it when a question changes meaning.
From that, the rule for an area between an earlier version A and a later version B of the same
model (published versions only; drafts have no results):

1. Both versions have the area.
2. The area has the same set of question keys in A and in B: no question was added to it or
   retired from it (a question moved to another area counts as both).
3. Each of those questions is in every published version after A up to B and is marked
   comparable in each: its meaning never changed on the way.

An area on the same version is always comparable with itself. The rule is symmetric: the
order of the two versions does not matter. Keys are never reused (the editor refuses it), so a
question cannot leave and come back under the same key with another meaning.

The pure functions work on ``VersionQuestions`` (no database); ``load_history`` reads them.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .models import ModelVersion, Question


@dataclass(frozen=True)
class VersionQuestions:
    """One published version: per area key, its question keys and their comparable flags."""

    version: int
    areas: Mapping[str, Mapping[str, bool]]  # area key -> question key -> comparable


def area_comparable(
    history: Sequence[VersionQuestions], earlier: int, later: int, area_key: str
) -> bool:
    """The rule above, for versions numbered ``earlier`` and ``later`` in ``history``."""
    if earlier > later:
        earlier, later = later, earlier
    by_number = {v.version: v for v in history}
    if earlier not in by_number or later not in by_number:
        return False
    first, last = by_number[earlier].areas, by_number[later].areas
    if area_key not in first or area_key not in last:
        return False
    keys = set(first[area_key])
    if keys != set(last[area_key]):
        return False
    for version in sorted(history, key=lambda v: v.version):
        if not earlier < version.version <= later:
            continue
        questions = _questions(version)
        if any(not questions.get(key, False) for key in keys):
            return False
    return True


def _questions(version: VersionQuestions) -> dict[str, bool]:
    """Question key -> comparable, over all the version's areas."""
    return {key: flag for area in version.areas.values() for key, flag in area.items()}


def identities(history: Sequence[VersionQuestions]) -> dict[int, dict[str, frozenset[str]]]:
    """Per version and area, a set of question identities such that two versions' sets for an
    area are equal exactly when the area is comparable between them (the rule above).

    A question's identity is its key while its meaning has not changed since it first
    appeared, then ``key@N`` from the version N where it was marked not comparable (or came
    back after a gap, which the editor does not allow). The trend uses these sets in place of
    the plain question keys."""
    result: dict[int, dict[str, frozenset[str]]] = {}
    since: dict[str, int] = {}  # question key -> version its current meaning started in
    first_seen: dict[str, int] = {}
    previous: dict[str, bool] = {}
    for version in sorted(history, key=lambda v: v.version):
        questions = _questions(version)
        for key, flag in questions.items():
            first_seen.setdefault(key, version.version)
            if key not in previous or not flag:
                since[key] = version.version
        result[version.version] = {
            area_key: frozenset(_identity(key, since[key], first_seen[key]) for key in area)
            for area_key, area in version.areas.items()
        }
        previous = questions
    return result


def _identity(key: str, since: int, first_seen: int) -> str:
    return key if since == first_seen else f"{key}@{since}"


def load_history(model_keys: Iterable[str]) -> dict[str, list[VersionQuestions]]:
    """The published versions of each model key, oldest first, in one query."""
    rows = (
        Question.objects.filter(
            area__model_version__status=ModelVersion.Status.PUBLISHED,
            area__model_version__key__in=list(model_keys),
        )
        .order_by()
        .values_list(
            "area__model_version__key",
            "area__model_version__version",
            "area__key",
            "key",
            "comparable",
        )
    )
    areas: dict[tuple[str, int], dict[str, dict[str, bool]]] = {}
    for model_key, number, area_key, key, flag in rows:
        areas.setdefault((model_key, number), {}).setdefault(area_key, {})[key] = flag
    history: dict[str, list[VersionQuestions]] = {}
    for (model_key, number), by_area in sorted(areas.items()):
        history.setdefault(model_key, []).append(VersionQuestions(number, by_area))
    return history


def comparable(earlier: ModelVersion, later: ModelVersion, area_key: str) -> bool:
    """Whether ``area_key``'s results on the two versions can be compared (the rule above).
    Versions of different models, or a draft, are not comparable except with themselves."""
    if earlier.pk == later.pk:
        return earlier.areas.filter(key=area_key).exists()
    if earlier.key != later.key or not (earlier.is_published and later.is_published):
        return False
    history = load_history([earlier.key]).get(earlier.key, [])
    return area_comparable(history, earlier.version, later.version, area_key)
