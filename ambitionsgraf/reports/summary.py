"""The board report's plain-language summary and key figures, written from the figures.

Pure functions over the round's result objects (`results.service.RoundView`) and the action plan's
rows; no database. Every sentence says only what the figures say. Like the action plan, the
summary uses the level a dialogue workshop agreed on where there is one, else the computed level,
and says so.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ambitionsgraf.lib.templatetags.ambitionsgraf import level as fmt
from ambitionsgraf.plans.proposals import step_level
from ambitionsgraf.results.scoring import mean

LARGEST_GAPS = 3
FIRST_STEPS = 3


def has_gap(gap: float | None) -> bool:
    """A gap worth naming: positive once rounded to one decimal, as shown."""
    return gap is not None and round(gap, 1) > 0


def join(items: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C" in the active language."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return _("%(first)s and %(last)s") % {"first": ", ".join(items[:-1]), "last": items[-1]}


def level_phrase(value: float, names: Sequence[str]) -> str:
    """Where a level lies on the model's named scale: "“Established”" or
    "between “Started” and “Established”"."""
    shown = round(value, 1)
    lower = min(len(names), max(1, math.floor(shown)))
    if shown == lower or lower == len(names):
        return _("“%(name)s”") % {"name": names[lower - 1]}
    return _("between “%(lower)s” and “%(upper)s”") % {
        "lower": names[lower - 1],
        "upper": names[lower],
    }


@dataclass(frozen=True)
class Step:
    """A first step: an action from the plan, or a suggestion from the model's guidance."""

    text: str
    area_title: str
    owner: str = ""
    due_on: object = None


@dataclass(frozen=True)
class Summary:
    paragraphs: list[str]
    steps: list[Step] = field(default_factory=list)
    steps_intro: str = ""


def _title(area_view) -> str:
    return area_view.area.tr("title")


def _standing(areas, names: Sequence[str]) -> list[str]:
    measured = [a for a in areas if a.effective_level is not None]
    if not measured:
        return [
            _(
                "There are no results to show yet. At least three people must have finished "
                "before anything is shown, to protect their anonymity."
            )
        ]
    average = mean(a.effective_level for a in measured)
    text = ngettext(
        "On a scale from 1 to 5 the organisation is at level %(level)s in the one area "
        "measured, %(phrase)s.",
        "On a scale from 1 to 5 the organisation is on average at level %(level)s across "
        "the %(count)s areas, %(phrase)s.",
        len(measured),
    ) % {"level": fmt(average), "count": len(measured), "phrase": level_phrase(average, names)}
    strongest = max(measured, key=lambda a: a.effective_level)
    weakest = min(measured, key=lambda a: a.effective_level)
    if round(strongest.effective_level, 1) > round(weakest.effective_level, 1):
        text += " " + _(
            "It is strongest in %(strong)s (%(strong_level)s) and weakest in %(weak)s "
            "(%(weak_level)s)."
        ) % {
            "strong": _title(strongest),
            "strong_level": fmt(strongest.effective_level),
            "weak": _title(weakest),
            "weak_level": fmt(weakest.effective_level),
        }
    return [text]


def _gaps(view) -> list[str]:
    with_ambition = [a for a in view.areas if a.result.ambition is not None]
    if not with_ambition:
        return [
            _(
                "No ambition has been set yet. Deciding a target level per area is the first "
                "step, since the gaps and the action plan build on it."
            )
        ]
    below = [a for a in view.by_effective_gap() if has_gap(a.effective_gap)]
    text = ngettext(
        "The ambition is on average level %(ambition)s. The organisation is below it in "
        "%(below)s of the %(count)s area that has an ambition.",
        "The ambition is on average level %(ambition)s. The organisation is below it in "
        "%(below)s of the %(count)s areas that have an ambition.",
        len(with_ambition),
    ) % {
        "ambition": fmt(mean(a.result.ambition for a in with_ambition)),
        "below": len(below),
        "count": len(with_ambition),
    }
    if below:
        largest = [
            _("%(area)s (%(gap)s)") % {"area": _title(a), "gap": fmt(a.effective_gap)}
            for a in below[:LARGEST_GAPS]
        ]
        text += " " + ngettext(
            "The largest gap, in levels, is in %(areas)s.",
            "The largest gaps, in levels, are in %(areas)s.",
            len(largest),
        ) % {"areas": join(largest)}
    else:
        text += " " + _("It has reached its ambition in every area that has one.")
    if view.has_agreed:
        text += " " + _(
            "Where the dialogue workshop agreed on a level, the summary uses the agreed level."
        )
    return [text]


def _agreement(view) -> list[str]:
    disagreements = view.disagreements
    if disagreements:
        return [
            ngettext(
                "The perspectives see %(areas)s differently: their levels differ by one level "
                "or more. That area is worth discussing together before actions are decided.",
                "The perspectives see %(areas)s differently: their levels differ by one level "
                "or more. Those areas are worth discussing together before actions are decided.",
                len(disagreements),
            )
            % {"areas": join([_title(a) for a in disagreements])}
        ]
    if len(view.result.shown_perspectives) > 1:
        return [_("The perspectives agree within one level in every area.")]
    return [
        _(
            "The perspectives cannot be compared: at least two of them need three or more "
            "finished respondents."
        )
    ]


def _steps(view, plan_rows, guidance: Mapping[tuple[str, int], Sequence[str]]):
    """The first open actions of the plan in gap order, else the model's suggestions for the
    areas with the largest gaps."""
    order = {a.area.key: i for i, a in enumerate(view.by_effective_gap())}
    titles = {a.area.key: _title(a) for a in view.areas}
    open_rows = [r for r in plan_rows if r.status_key != "done"]
    open_rows.sort(key=lambda r: order.get(r.area_key, len(order)))  # stable: plan order
    if open_rows:
        steps = [
            Step(
                r.description,
                titles.get(r.area_key, r.area_title),
                r.owner,
                r.due_on,
            )
            for r in open_rows[:FIRST_STEPS]
        ]
        return _("The first open actions in the action plan, largest gap first:"), steps
    steps = []
    for a in view.by_effective_gap():
        if not has_gap(a.effective_gap) or len(steps) == FIRST_STEPS:
            continue
        suggestions = guidance.get((a.area.key, step_level(a.effective_level)), ())
        if suggestions:
            steps.append(Step(suggestions[0], _title(a)))
    if steps:
        return _(
            "There are no open actions in the action plan yet. For the areas with the largest "
            "gaps, the model suggests starting with:"
        ), steps
    return "", []


def summarise(
    view,
    *,
    level_names: Sequence[str],
    plan_rows: Sequence = (),
    guidance: Mapping[tuple[str, int], Sequence[str]] | None = None,
) -> Summary:
    """The summary of a round. `guidance` maps (area key, level) to the suggested actions of
    the model's guidance for that level, in the active language."""
    paragraphs = _standing(view.areas, level_names)
    if view.result.has_results:
        paragraphs += _gaps(view) + _agreement(view)
        intro, steps = _steps(view, plan_rows, guidance or {})
    else:
        intro, steps = "", []
    return Summary(paragraphs=paragraphs, steps=steps, steps_intro=intro)


@dataclass(frozen=True)
class KeyFigures:
    """The summary's figures at a glance, on the same basis as its sentences."""

    level: float | None  # the average level (agreed where agreed)
    ambition: float | None  # the average ambition
    below: int  # areas below their ambition
    with_ambition: int  # areas that have an ambition


def key_figures(view) -> KeyFigures:
    with_ambition = [a for a in view.areas if a.result.ambition is not None]
    return KeyFigures(
        level=mean(a.effective_level for a in view.areas),
        ambition=mean(a.result.ambition for a in with_ambition),
        below=sum(1 for a in with_ambition if has_gap(a.effective_gap)),
        with_ambition=len(with_ambition),
    )
