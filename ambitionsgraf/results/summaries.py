"""Closed rounds' results, computed once and kept, so that pages over thousands of rounds (the
national picture, peer groups, open data) read one row per round instead of every answer.

A summary holds what ``scoring.compute_round`` says of a round's finished answers: per area the
organisation's level, each perspective's and the pooled level, and the respondent counts. Not
the ambition: it can change after the round has closed, so ``read_many`` reads the round's
ambitions as they are now, in the same query.

Why a kept summary can never show a stale figure:

1. Its inputs are frozen once the round is closed. Answers and respondents cannot change in a
   closed round (``rounds.answering`` refuses), and a published model version cannot change.
2. Each summary is stamped with what it was computed from: the round's ``closed_at`` and model
   version, and ``RULES``, a hash of the scoring code. Every read joins the round and uses a
   summary only when the stamp still matches; a round that was closed again (so its answers
   could have changed in between), moved to another version, or scored under changed rules,
   is computed afresh. An open round is never summarised.
3. A missing or mismatched summary is computed on the spot, in bulk, and stored: nothing is
   ever missing (an import, a round closed by a path that forgot to call ``refresh``).

So ``refresh`` when a round closes is an optimisation, not a condition for correctness.
Reading costs one query (``read_many``); missing summaries add ``MISS_QUERIES`` (the model
versions' questions, the answers, storing), and two more for each further ``BATCH`` rounds.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from sys import intern
from types import MappingProxyType
from typing import NamedTuple

from django.db.models import TextField
from django.db.models.fields.json import KeyTransform
from django.db.models.functions import Cast
from django.utils import timezone

from ambitionsgraf.rounds.models import Respondent, Round

from . import scoring, scoring_types
from .models import RoundSummary
from .summary import SERIES, Summary, decoded_levels, leading_series
from .summary_queries import kept_rounds, parsed_ambitions

__all__ = ["RULES", "Levels", "Summary", "read", "read_levels", "read_many", "refresh",
           "refresh_many"]  # fmt: skip

FORMAT = "3"  # bump when the stored figures change shape
# The rules and the shapes they read and give: a change to either makes every kept summary stale.
_RULE_FILES = (scoring.__file__, scoring_types.__file__)
RULES = hashlib.sha256(
    b"".join(Path(name).read_bytes() for name in _RULE_FILES) + FORMAT.encode()
).hexdigest()[:16]
BATCH = 250  # rounds whose answers are read at once when computing
MISS_QUERIES = 3  # the questions, the answers, storing (two more per further batch)


def stored(round_id: int, closed_at, model_version_id: int, summary: Summary) -> RoundSummary:
    """The row to keep for a summary computed from a round closed at ``closed_at``."""
    return RoundSummary(
        round_id=round_id,
        closed_at=closed_at,
        model_version_id=model_version_id,
        rules=RULES,
        computed_at=timezone.now(),
        has_results=summary.has_results,
        figures=summary.figures(),
        levels=summary.packed(),
    )


def save(rows: Sequence[RoundSummary], batch_size: int | None = None) -> None:
    """Insert the rows, replacing any kept summary of the same rounds (one query a batch)."""
    RoundSummary.objects.bulk_create(
        rows,
        batch_size=batch_size,
        update_conflicts=True,
        unique_fields=["round"],
        update_fields=["closed_at", "model_version", "rules", "computed_at", "has_results",
                       "figures", "levels"],
    )  # fmt: skip


# ------------------------------------------------------------------ computing from the answers


@dataclass(frozen=True)
class Model:
    """The model versions' areas as scoring needs them, and question keys by id."""

    areas: dict[int, list[scoring.AreaSpec]]  # model version id -> areas in model order
    question_keys: dict[int, str]


def model(version_ids: Iterable[int]) -> Model:
    """One query: every area of the versions, with its questions (areas without any, too)."""
    from ambitionsgraf.maturity.models import Area

    areas: dict[int, dict[str, list[scoring.QuestionSpec]]] = defaultdict(dict)
    keys = {}
    for version, area_key, question_id, key, perspectives in (
        Area.objects.filter(model_version_id__in=list(version_ids))
        .order_by("position", "questions__position")
        .values_list(
            "model_version_id", "key", "questions__id", "questions__key", "questions__perspectives"
        )
    ):
        questions = areas[version].setdefault(area_key, [])
        if question_id is not None:
            keys[question_id] = key
            questions.append(scoring.QuestionSpec(key, area_key, frozenset(perspectives)))
    return Model(
        areas={
            version: [scoring.AreaSpec(key, tuple(qs)) for key, qs in by_key.items()]
            for version, by_key in areas.items()
        },
        question_keys=keys,
    )


def responses(round_ids: Sequence[int], question_keys) -> dict[int, list[scoring.Response]]:
    """One query: the finished respondents of the rounds with their answers, as scoring reads
    them ("don't know" as None, unanswered left out)."""
    perspectives: dict[int, str] = {}
    by_round: dict[int, list[int]] = defaultdict(list)
    answers: dict[int, dict[str, int | None]] = defaultdict(dict)
    for respondent, round_id, perspective, question, level, dont_know in (
        Respondent.objects.filter(round_id__in=list(round_ids), finished_at__isnull=False)
        .order_by()
        .values_list(
            "id", "round_id", "perspective", "answers__question_id", "answers__level",
            "answers__dont_know",
        )
    ):  # fmt: skip
        if respondent not in perspectives:
            perspectives[respondent] = perspective
            by_round[round_id].append(respondent)
        if question is not None and (level is not None or dont_know):
            answers[respondent][question_keys[question]] = level
    return {
        round_id: [scoring.Response(perspectives[r], answers[r]) for r in respondents]
        for round_id, respondents in by_round.items()
    }


def compute_many(stamps: Sequence[tuple[int, object, int]]) -> dict[int, Summary]:
    """Compute and keep the summaries of closed rounds given as (id, closed_at, model version)."""
    if not stamps:
        return {}
    found = model({version for _id, _closed, version in stamps})
    made = {}
    for start in range(0, len(stamps), BATCH):
        batch = stamps[start : start + BATCH]
        answered = responses([round_id for round_id, _c, _v in batch], found.question_keys)
        rows = []
        for round_id, closed_at, version in batch:
            result = scoring.compute_round(
                found.areas.get(version, []), answered.get(round_id, []), {}
            )
            made[round_id] = Summary.of(round_id, result)
            rows.append(stored(round_id, closed_at, version, made[round_id]))
        save(rows)
    return made


# ------------------------------------------------------------------ reading and refreshing


def _read(
    round_ids: Iterable[int], *, ambitions: bool, decode, columns=(), series=SERIES, **annotations
):
    """What ``read_many`` and ``read_levels`` share: one query for the closed rounds among
    ``round_ids`` with their kept summaries, checked against their stamps (``kept_rounds``), and
    their ambitions as they are now if asked. ``decode(round_id, packed levels, the values of
    columns, ambitions, has_results)`` makes each current one, from the first ``series`` of its
    packed levels; the missing and outdated are computed and kept. Returns (decoded, computed as
    Summary with their ambitions)."""
    ids = list(round_ids)
    if not ids:
        return {}, {}
    rounds = kept_rounds(ids, ambitions=ambitions, series=series).annotate(**annotations)
    fields = ["id", "model_version_id", "stale_closed_at", "summary__has_results", "kept_levels",
              *columns] + (["targets"] if ambitions else [])  # fmt: skip
    made, missing, targets = {}, [], {}
    for round_id, version, closed_at, has_results, packed, *values in rounds.values_list(*fields):
        targets[round_id] = parsed_ambitions(values.pop()) if ambitions else {}
        if packed is None:  # no kept summary, or one whose stamp no longer matches
            missing.append((round_id, closed_at, version))
        else:
            made[round_id] = decode(round_id, packed, values, targets[round_id], has_results)
    computed = {
        round_id: summary.with_ambitions(targets[round_id])
        for round_id, summary in compute_many(missing).items()
    }
    return made, computed


def read_many(round_ids: Iterable[int], *, ambitions: bool = True) -> dict[int, Summary]:
    """The summaries of the closed rounds among ``round_ids`` (open or unknown ones are left
    out), with their ambitions unless ``ambitions`` is False: one query when all are kept and
    current; missing or outdated ones are computed and kept."""

    def decode(round_id, packed, values, targets, has_results):
        return Summary.from_stored(round_id, json.loads(values[0]), packed, targets, has_results)

    made, computed = _read(round_ids, ambitions=ambitions, decode=decode, columns=["kept"])
    return made | computed


class Levels(NamedTuple):
    """What pages over thousands of rounds need of each, read without building a Summary."""

    round: int
    levels: Mapping[str, float | None]  # area key -> the organisation's level, model order
    perspectives: Mapping[str, Mapping[str, float | None]]  # shown on their own -> area -> level
    ambitions: dict[str, float]  # only the areas with an ambition now
    has_results: bool

    @classmethod
    def of(cls, summary: Summary, perspectives: Collection[str] = scoring.PERSPECTIVES) -> Levels:
        """From a summary just computed: read-only too, as the kept ones are."""
        ambitions = {k: v for k, v in summary.ambitions.items() if v is not None}
        shown = {
            p: MappingProxyType(dict(v))
            for p, v in summary.perspectives.items()
            if p in perspectives
        }
        return cls(
            summary.round,
            MappingProxyType(dict(summary.levels)),
            MappingProxyType(shown),
            ambitions,
            summary.has_results,
        )


def read_levels(
    round_ids: Iterable[int],
    *,
    ambitions: bool = True,
    perspectives: Collection[str] = scoring.PERSPECTIVES,
) -> dict[int, Levels]:
    """Like ``read_many`` (the same query, the same stamps, missing ones computed), but only the
    levels, the ``perspectives``' levels (those shown on their own) and the ambitions, sent and
    decoded as little as possible: the database sends only the packed series up to the last
    one wanted (a fifth of the bytes for the organisations' levels alone), and the same kept
    bytes are decoded once per process (``summary.decoded_levels``): read-only mappings."""
    wanted = tuple(p for p in scoring.PERSPECTIVES if p in perspectives)

    def decode(round_id, packed, values, targets, has_results):
        keys, shown = values
        levels, by_perspective = decoded_levels(intern(keys), intern(shown), wanted, bytes(packed))
        return Levels(round_id, levels, by_perspective, targets, has_results)

    made, computed = _read(
        round_ids,
        ambitions=ambitions,
        decode=decode,
        columns=["kept_keys", "kept_shown"],
        series=leading_series(wanted),
        kept_keys=Cast(KeyTransform("keys", "summary__figures"), TextField()),
        kept_shown=Cast(KeyTransform("shown", "summary__figures"), TextField()),
    )
    return made | {r: Levels.of(summary, perspectives) for r, summary in computed.items()}


def read(round_) -> Summary | None:
    """The summary of a closed round; None for an open one."""
    return read_many([round_.pk]).get(round_.pk)


def refresh_many(rounds: Iterable[Round]) -> None:
    """Compute and keep the summaries of the closed rounds now; forget those of open ones.
    Call it where rounds close; reading never depends on it (see the module's docstring)."""
    rounds = list(rounds)
    opened = [r.pk for r in rounds if r.is_open]
    if opened:
        RoundSummary.objects.filter(round__in=opened).delete()
    compute_many([(r.pk, r.closed_at, r.model_version_id) for r in rounds if not r.is_open])


def refresh(round_: Round) -> None:
    refresh_many([round_])
