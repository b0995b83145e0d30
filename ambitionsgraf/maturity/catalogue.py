"""A published model version's questions, read from the database once per process.

The questionnaire needs every question of the round's version, with its area and level texts,
on every page a respondent opens or saves. A published version never changes (``models``
refuses every write to it), so what was read once stays true for the life of the process and
nothing here can go stale. The stamp that names a version in memory includes the moment it was
published, so a version deleted and made again under the same id (as in tests, whose rows are
rolled back) is never taken for the old one. Drafts are read afresh every time.

The questions handed out are shared by every request of the process: read them, never change
them.
"""

from __future__ import annotations

from functools import lru_cache

from .models import ModelVersion, Question

VERSIONS_KEPT = 16  # a process meets a few published versions at most; the rest fall out


def _stamp(version: ModelVersion) -> tuple:
    return (version.pk, version.key, version.version, version.published_at)


@lru_cache(maxsize=VERSIONS_KEPT)
def published(stamp: tuple) -> tuple[Question, ...]:
    """The questions of the published version with this ``stamp`` (from ``stamp()``)."""
    return _read(stamp[0])


def _read(version_id: int) -> tuple[Question, ...]:
    return tuple(
        Question.objects.filter(area__model_version_id=version_id)
        .select_related("area")
        .order_by("area__position", "position")
    )


def questions(version: ModelVersion) -> tuple[Question, ...]:
    """Every question of the version in model order, each with its area (one query the first
    time a published version is asked for, none after)."""
    if version.is_published and version.published_at is not None:
        return published(_stamp(version))
    return _read(version.pk)


def stamp(version: ModelVersion) -> tuple | None:
    """What names a published version in memory (for caches built on its questions); None for
    a draft, which must not be kept."""
    if version.is_published and version.published_at is not None:
        return _stamp(version)
    return None
