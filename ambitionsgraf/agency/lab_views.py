"""The model lab's pages, for model owners: which questions of a model version work."""

from dataclasses import dataclass

from django.shortcuts import get_object_or_404, render
from django.utils import formats
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from ambitionsgraf.maturity.models import ModelVersion, Perspective
from ambitionsgraf.results.scoring import PERSPECTIVES

from . import lab, lab_flags
from .access import model_owner_required
from .lab_chart import distribution_svg
from .lab_data import load_lab, version_summaries


@dataclass
class Cell:
    text: str
    muted: bool = False


@dataclass
class QuestionRow:
    question: object
    stats: lab.QuestionStats
    dont_know: str
    bar: str
    levels: list[tuple[int, int]]  # (level, count)
    means: list[Cell]  # one per perspective, PERSPECTIVES order
    item_total: Cell
    flags: list[str]


def decimal(value: float | None, places: int) -> str:
    return "–" if value is None else formats.number_format(round(value, places), places)


def percent(value: float | None) -> str:
    if value is None:
        return "–"
    return _("%(percent)s%%") % {"percent": formats.number_format(round(value * 100), 0)}


def dont_know_limit() -> str:
    """The don't-know threshold as the guide and the flags write it."""
    return percent(float(lab_flags.DONT_KNOW_LIMIT))


def item_total_limit() -> str:
    """The item-total threshold as the guide and the flags write it."""
    return decimal(lab_flags.ITEM_TOTAL_LIMIT, 1)


def flag_text(flag: lab.Flag, stats: lab.QuestionStats) -> str:
    if flag == lab.Flag.TOO_FEW:
        return _("Too few answers to judge: %(n)s answered, at least %(min)s are needed.") % {
            "n": stats.responses,
            "min": lab.MIN_ANSWERS,
        }
    if flag == lab.Flag.DONT_KNOW:
        return _(
            "Many answer “Don't know” (over %(limit)s): the question may ask about "
            "something respondents cannot see, or be unclear."
        ) % {"limit": dont_know_limit()}
    if flag == lab.Flag.NO_VARIATION:
        return _("Everyone gave the same level: the question does not tell organisations apart.")
    if flag == lab.Flag.WEAK_LINK:
        return _(
            "Weak link to its area (item-total under %(limit)s): the question may measure "
            "something other than the rest of the area."
        ) % {"limit": item_total_limit()}
    return _(
        "The perspectives differ by %(gap)s levels: check whether they read the question the "
        "same way."
    ) % {"gap": decimal(stats.gap, 1)}


def alpha_text(area: lab.AreaStats) -> str:
    if area.alpha is not None:
        return decimal(area.alpha, 2)
    if area.alpha_missing == lab.AlphaMissing.FEW_QUESTIONS:
        return _("Not computed: fewer than two questions are put to every perspective.")
    if area.alpha_missing == lab.AlphaMissing.FEW_CASES:
        return _("Too few answers to judge: %(n)s complete, at least %(min)s are needed.") % {
            "n": area.complete_cases,
            "min": lab.MIN_ANSWERS,
        }
    return _("Not computed: everyone's total was the same.")


def question_row(question, stats: lab.QuestionStats, level_names: list[str]) -> QuestionRow:
    levels = list(enumerate(stats.counts, start=1))
    title = _("Answers per level: %(counts)s.") % {
        "counts": ", ".join(f"{level} {level_names[level - 1]}: {n}" for level, n in levels),
    }
    means = []
    for perspective in PERSPECTIVES:
        if perspective not in stats.perspective_means:
            means.append(Cell(_("not asked"), muted=True))
        else:
            means.append(Cell(decimal(stats.perspective_means[perspective], 1)))
    if stats.item_total is None:
        item_total = Cell(_("none"), muted=True)
    else:
        item_total = Cell(decimal(stats.item_total, 2))
    return QuestionRow(
        question=question,
        stats=stats,
        dont_know=percent(stats.dont_know_rate),
        bar=mark_safe(distribution_svg(stats.counts, element_id=f"bar-{question.pk}", title=title)),
        levels=levels,
        means=means,
        item_total=item_total,
        flags=[flag_text(flag, stats) for flag in stats.flags],
    )


@model_owner_required
def index(request):
    return render(request, "agency/lab_index.html", {"summaries": version_summaries()})


@model_owner_required
def version(request, version_id):
    model_version = get_object_or_404(ModelVersion, pk=version_id)
    view = load_lab(model_version)
    level_names = model_version.level_names()
    labels = dict(Perspective.choices)
    areas = [
        {
            "area": area,
            "stats": stats,
            "alpha": alpha_text(stats),
            "flagged": sum(1 for _question, s in questions if s.flags),
            "rows": [question_row(q, s, level_names) for q, s in questions],
        }
        for area, stats, questions in view.areas
    ]
    return render(
        request,
        "agency/lab_version.html",
        {
            "version": model_version,
            "view": view,
            "areas": areas,
            "perspectives": [(p, labels[p], view.result.respondents[p]) for p in PERSPECTIVES],
            "thin": view.result.total_respondents < lab.MIN_ANSWERS,
            "min_answers": lab.MIN_ANSWERS,
            "min_perspective": lab.MIN_PERSPECTIVE,
            "dont_know_limit": dont_know_limit(),
            "item_total_limit": item_total_limit(),
            "level_names": level_names,
        },
    )
