"""The model lab's counting, column by column (``lab`` has the rules and the figures).

At national scale a model version has some 100,000 finished respondents and four million
answers. Walking them respondent by respondent and question by question took seconds; here
each question's answers are first laid out, per perspective, as one list (a column) in the
order of that perspective's respondents, and everything the rules count is read from the
columns: levels and don't-knows counted by ``list.count``, complete cases as the rows in which
every column of the perspective has a level.

Every figure comes out exactly as the rules define it, whatever the order of the respondents:
counts and sums of levels are whole numbers, variances are exact fractions, and the
correlation adds with ``math.fsum``, which rounds only once, at the end.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ambitionsgraf.results.scoring import LEVELS, PERSPECTIVES, AreaSpec, QuestionSpec, Response

UNANSWERED = object()  # in a column: the respondent did not answer the question


@dataclass(frozen=True)
class Columns:
    """One area's answers. Per perspective: the keys of the questions put to it (model order),
    a column per key, and the complete cases (rule 4) as rows of levels in the keys' order,
    with each row's sum."""

    keys: dict[str, tuple[str, ...]]
    columns: dict[tuple[str, str], list]  # (question key, perspective) -> level, None or UNANSWERED
    rows: dict[str, list[tuple[int, ...]]]
    totals: dict[str, list[int]]

    @property
    def complete_cases(self) -> int:
        return sum(len(rows) for rows in self.rows.values())


def by_perspective(responses: Sequence[Response]) -> dict[str, list[Response]]:
    """The respondents of each perspective (a ``Response`` has a known one), in their order."""
    groups: dict[str, list[Response]] = {p: [] for p in PERSPECTIVES}
    for response in responses:
        groups[response.perspective].append(response)
    return groups


def blank(areas: Sequence[AreaSpec], sizes: dict[str, int]) -> dict[tuple[str, str], list]:
    """A column, all UNANSWERED, for every question and perspective it is put to, ``sizes``
    giving each perspective's number of respondents: to be filled in answer by answer (as
    ``lab_data`` reads them, without a mapping per respondent)."""
    return {
        (q.key, perspective): [UNANSWERED] * size
        for area in areas
        for q in area.questions
        for perspective, size in sizes.items()
        if q.is_put_to(perspective)
    }


def from_responses(
    areas: Sequence[AreaSpec], groups: dict[str, list[Response]]
) -> dict[tuple[str, str], list]:
    """The columns of ``blank``, from respondents grouped by perspective."""
    return {
        (q.key, perspective): [r.answers.get(q.key, UNANSWERED) for r in group]
        for area in areas
        for q in area.questions
        for perspective, group in groups.items()
        if q.is_put_to(perspective)
    }


def columns(area: AreaSpec, made: dict[tuple[str, str], list], sizes: dict[str, int]) -> Columns:
    """The area's ``Columns`` from the laid-out answers of every area."""
    keys, mine, rows, totals = {}, {}, {}, {}
    for perspective in sizes:
        keys[perspective] = asked = tuple(q.key for q in area.questions_for(perspective))
        for key in asked:
            mine[key, perspective] = made[key, perspective]
        complete = [
            row
            for row in zip(*(mine[key, perspective] for key in asked), strict=True)
            if None not in row and UNANSWERED not in row
        ]
        rows[perspective] = complete
        totals[perspective] = [sum(row) for row in complete]
    return Columns(keys=keys, columns=mine, rows=rows, totals=totals)


@dataclass(frozen=True)
class Tally:
    """Rules 1-3's counts of one question: per level, don't know, and per perspective it is put
    to the sum and number of levels given."""

    counts: tuple[int, ...]
    dont_know: int
    sums: dict[str, int]
    levels: dict[str, int]


def tally(question: QuestionSpec, area: Columns) -> Tally:
    counts = [0] * len(LEVELS)
    dont_know = 0
    sums, levels = {}, {}
    for perspective in PERSPECTIVES:
        if not question.is_put_to(perspective):
            continue
        column = area.columns.get((question.key, perspective), [])
        given = [column.count(level) for level in LEVELS]
        counts = [a + b for a, b in zip(counts, given, strict=True)]
        dont_know += column.count(None)
        sums[perspective] = sum(level * n for level, n in zip(LEVELS, given, strict=True))
        levels[perspective] = sum(given)
    return Tally(counts=tuple(counts), dont_know=dont_know, sums=sums, levels=levels)


def item_rest_pairs(question: QuestionSpec, area: Columns) -> tuple[list[int], list[float]]:
    """Rule 5's pairs over the complete cases the question was put to: the level given, and the
    mean of the others, (row total - level) / (questions put - 1), the same whole numbers
    summed and divided as summing the others would. Cases put no other question are left out."""
    items: list[int] = []
    rests: list[float] = []
    for perspective in PERSPECTIVES:
        keys = area.keys.get(perspective, ())
        if not question.is_put_to(perspective) or len(keys) < 2:
            continue
        at, others = keys.index(question.key), len(keys) - 1
        rows = area.rows[perspective]
        items += [row[at] for row in rows]
        rests += [
            (total - row[at]) / others
            for row, total in zip(rows, area.totals[perspective], strict=True)
        ]
    return items, rests


def shared_rows(shared: Sequence[QuestionSpec], area: Columns) -> list[list[int]]:
    """The complete cases' levels on the shared questions, for Cronbach's alpha (rule 6)."""
    made = []
    for perspective, rows in area.rows.items():
        if not rows:
            continue
        at = [area.keys[perspective].index(q.key) for q in shared]
        made += [[row[i] for i in at] for row in rows]
    return made
