"""One small class per export: a title, columns and rows of plain values.

The rows come from the same result objects the results page shows (`results.service.load_round`),
so a figure in a download is the figure on the page. The writers in `writers.py` turn the rows into
CSV or XLSX; nothing here knows about file formats.

Anonymity: every figure comes from `load_round`, which has already applied the rules: only the
perspectives in `shown_perspectives` get a column, small ones appear only inside the pooled
column, and a hidden question distribution has no numbers at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from ambitionsgraf.maturity.models import Perspective
from ambitionsgraf.plans.services import plan_rows

TEXT, LEVEL, GAP, COUNT, FLAG, DATE = "text", "level", "gap", "count", "flag", "date"


def file_name(organisation, round_, slug: str, extension: str) -> str:
    """E.g. "alvstads-kommun-skattning-2026-resultat-2026-11-27.csv"."""
    parts = [organisation.name, round_.name if round_ else "", slug]
    stem = "-".join(slugify(part) for part in parts if slugify(part))
    return f"{stem}-{timezone.localdate().isoformat()}.{extension}"


@dataclass(frozen=True)
class Column:
    header: str
    kind: str = TEXT  # how a writer formats the values: one of the kinds above
    width: int = 10  # in characters, for spreadsheets


class Export:
    """The base: subclasses set `slug` and implement `title`, `columns` and `rows`."""

    slug = ""  # the export's word in the file name, already translated

    def __init__(self, organisation, round_=None):
        self.organisation = organisation
        self.round = round_

    def title(self) -> str:
        raise NotImplementedError

    def columns(self) -> list[Column]:
        raise NotImplementedError

    def rows(self) -> Iterator[list]:
        raise NotImplementedError

    def filename(self, extension: str) -> str:
        return file_name(self.organisation, self.round, self.slug, extension)


class ResultsExport(Export):
    """One row per area: level, ambition, gap, agreed level and the gap from it, each group
    shown, spread: the results page's table."""

    def __init__(self, organisation, round_, view):
        super().__init__(organisation, round_)
        self.view = view
        self.slug = pgettext("file name", "results")

    def title(self) -> str:
        return _("Results per area")

    def columns(self) -> list[Column]:
        labels = dict(Perspective.choices)
        result = self.view.result
        columns = [
            Column(_("Area key"), TEXT, 14),
            Column(_("Area"), TEXT, 34),
            Column(_("Whole organisation"), LEVEL, 14),
            Column(_("Ambition"), LEVEL, 11),
            Column(_("Gap"), GAP, 9),
            Column(_("Agreed level"), LEVEL, 13),
            Column(_("Gap from the agreed level"), GAP, 14),
        ]
        columns += [Column(str(labels[p]), LEVEL, 14) for p in result.shown_perspectives]
        if result.pooled_respondents:
            columns.append(Column(_("Smaller groups combined"), LEVEL, 14))
        columns += [Column(_("Spread"), LEVEL, 9), Column(_("Perspectives disagree"), FLAG, 14)]
        return columns

    def rows(self) -> Iterator[list]:
        result = self.view.result
        for a in self.view.areas:
            r = a.result
            row = [a.area.key, a.area.tr("title"), r.organisation_score, r.ambition, r.gap]
            row += [a.agreed, a.gap_from_agreed]
            row += [r.perspective_scores.get(p) for p in result.shown_perspectives]
            if result.pooled_respondents:
                row.append(r.pooled_score)
            row += [r.spread, r.disagreement]
            yield row


class QuestionsExport(Export):
    """One row per question: how many chose each level, "don't know" and the average.

    A distribution hidden for anonymity is a row that says so, with no numbers."""

    def __init__(self, organisation, round_, view):
        super().__init__(organisation, round_)
        self.view = view
        self.slug = pgettext("file name", "answers-per-question")

    def title(self) -> str:
        return _("Answers per question")

    def columns(self) -> list[Column]:
        names = self.round.model_version.level_names()
        columns = [
            Column(_("Area key"), TEXT, 14),
            Column(_("Area"), TEXT, 28),
            Column(_("Question key"), TEXT, 22),
            Column(_("Question"), TEXT, 60),
        ]
        columns += [
            Column(_("Level %(level)s: %(name)s") % {"level": n, "name": name}, COUNT, 12)
            for n, name in enumerate(names, start=1)
        ]
        columns += [
            Column(_("Don't know"), COUNT, 11),
            Column(_("Average"), LEVEL, 10),
            Column(_("Note"), TEXT, 30),
        ]
        return columns

    def rows(self) -> Iterator[list]:
        hidden = _("Too few respondents to show.")
        for a in self.view.areas:
            for question, d in a.questions:
                row = [a.area.key, a.area.tr("title"), question.key, question.tr("text")]
                if d.shown:
                    row += [*d.counts, d.dont_know, d.mean, ""]
                else:
                    row += [None] * 7 + [hidden]
                yield row


class PlanExport(Export):
    """The organisation's action plan, one row per action, in the plan's order (by gap)."""

    def __init__(self, organisation):
        super().__init__(organisation)
        self.slug = pgettext("file name", "action-plan")

    def title(self) -> str:
        return _("Action plan")

    def columns(self) -> list[Column]:
        return [
            Column(_("Area key"), TEXT, 14),
            Column(_("Area"), TEXT, 28),
            Column(_("Action"), TEXT, 60),
            Column(_("Owner"), TEXT, 22),
            Column(_("Due date"), DATE, 12),
            Column(_("Status"), TEXT, 14),
            Column(_("Status key"), TEXT, 12),
            Column(_("Source"), TEXT, 30),
        ]

    def rows(self) -> Iterator[list]:
        for row in plan_rows(self.organisation):
            yield [
                row.area_key,
                row.area_title,
                row.description,
                row.owner,
                row.due_on,
                row.status,
                row.status_key,
                row.source_label,
            ]
