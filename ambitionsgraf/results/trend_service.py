"""Read an organisation's closed rounds into the pure trend functions.

Each closed round goes through ``service.load_round`` (so every scoring and anonymity rule
applies), which costs a fixed number of queries per round: the trend grows with the number of
rounds (about one a year), never with respondents or answers.

An area is compared between two rounds only when its questions are the same and kept their
meaning (``maturity/comparability.py``): each area's question set in a snapshot holds question
identities, which change when the model owner marks a question not comparable in a new version,
so ``trend.comparable`` then breaks the line and notes the change. One query reads the flags
(none when every round is on the same version).
"""

from dataclasses import dataclass

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from ambitionsgraf.maturity import comparability
from ambitionsgraf.maturity.models import Perspective
from ambitionsgraf.plans.models import Action

from . import trend
from .linechart import Line, line_svg
from .service import RoundView, load_round


def closed_rounds(organisation) -> list:
    """The organisation's closed rounds, oldest first; rounds past their date close first."""
    organisation.rounds.close_due()
    return list(
        organisation.rounds.closed()
        .select_related("model_version")
        .order_by("closed_at", "created_at")
    )


def question_identities(rounds) -> dict[tuple[str, int], dict[str, frozenset[str]]]:
    """(model key, version number) -> area key -> the identities of the area's questions, for
    the model versions of ``rounds`` (see ``comparability.identities``). Rounds on one and
    the same version need none (their questions are the same), and cost no query."""
    if len({r.model_version_id for r in rounds}) < 2:
        return {}
    model_keys = {r.model_version.key for r in rounds}
    found = {}
    for model_key, history in comparability.load_history(model_keys).items():
        for number, areas in comparability.identities(history).items():
            found[(model_key, number)] = areas
    return found


def snapshot(round_, view: RoundView, identities: dict | None = None) -> trend.RoundSnapshot:
    """``identities``: from ``question_identities``; without it, the plain question keys."""
    version = round_.model_version
    by_area = (identities or {}).get((version.key, version.version), {})
    return trend.RoundSnapshot(
        code=round_.code,
        name=round_.name,
        closed_at=round_.closed_at,
        closed_on=timezone.localdate(round_.closed_at) if round_.closed_at else round_.closes_on,
        model_version=round_.model_version.version,
        areas=tuple(
            trend.AreaSnapshot(
                key=a.area.key,
                title=a.area.tr("title"),
                question_keys=by_area.get(a.area.key)
                or frozenset(q.key for q, _dist in a.questions),
                level=a.result.organisation_score,
                agreed=a.agreed,
                ambition=a.result.ambition,
            )
            for a in view.areas
        ),
        respondents=dict(view.result.respondents),
    )


def views(rounds, loaded: dict | None = None) -> list[RoundView]:
    """The RoundView of each of `rounds`. `loaded` maps a round's pk to a RoundView the caller
    already has, so a round is not read twice; the views read here are added to it, for the
    caller's next use."""
    loaded = {} if loaded is None else loaded
    for round_ in rounds:
        if round_.pk not in loaded:
            loaded[round_.pk] = load_round(round_)
    return [loaded[r.pk] for r in rounds]


def snapshots(rounds, loaded: dict | None = None) -> list[trend.RoundSnapshot]:
    """Snapshots of `rounds`, through ``views`` (see there for `loaded`)."""
    identities = question_identities(rounds)
    return [
        snapshot(r, view, identities) for r, view in zip(rounds, views(rounds, loaded), strict=True)
    ]


def latest_comparison(organisation, loaded: dict | None = None) -> trend.Comparison | None:
    """The two latest closed rounds compared, for the action plan's "done, but no change yet"
    flag (``trend.done_without_change(actions, comparison)``); None with fewer than two."""
    latest = closed_rounds(organisation)[-2:]
    if len(latest) < 2:
        return None
    return trend.compare_latest(snapshots(latest, loaded))


# ---------------------------------------------------------------- the trend page


@dataclass(frozen=True)
class Note:
    number: int
    area: str
    round: str
    text: str

    @property
    def anchor(self) -> str:
        return f"trend-note-{self.number}"


@dataclass(frozen=True)
class Row:
    """An area: per round, its cell and the note on it (if any)."""

    area: trend.AreaTrend
    cells: list  # [(TrendCell, Note | None)]


@dataclass(frozen=True)
class TrendPage:
    rounds: list  # Round objects, oldest first
    snapshots: list[trend.RoundSnapshot]
    rows: list[Row]
    notes: list[Note]
    comparison: trend.Comparison | None
    flagged: list  # [(Action, area title)] done, but no change yet
    chart: str  # SVG markup, empty without two rounds with levels

    @property
    def columns(self) -> list[tuple]:
        """(Round, RoundSnapshot) per closed round, oldest first."""
        return list(zip(self.rounds, self.snapshots, strict=True))

    @property
    def participation(self) -> list[dict]:
        """Per perspective: its label and the finished respondents in each round."""
        return [
            {"label": label, "counts": [s.respondents.get(value, 0) for s in self.snapshots]}
            for value, label in Perspective.choices
        ]


def note_text(kind: str, version: int) -> str:
    if kind == trend.CHANGED:
        return _(
            "The questions in this area changed in model version %(version)s; "
            "the levels are not directly comparable."
        ) % {"version": version}
    if kind == trend.ADDED:
        return _("This area is new in model version %(version)s.") % {"version": version}
    return _("Model version %(version)s does not have this area.") % {"version": version}


def _rows(trends, snapshots_) -> tuple[list[Row], list[Note]]:
    rows, notes = [], []
    for area in trends:
        cells = []
        for cell, round_snapshot in zip(area.cells, snapshots_, strict=True):
            note = None
            if cell.note:
                note = Note(
                    number=len(notes) + 1,
                    area=area.title,
                    round=round_snapshot.name,
                    text=note_text(cell.note, cell.model_version),
                )
                notes.append(note)
            cells.append((cell, note))
        rows.append(Row(area=area, cells=cells))
    return rows, notes


def _format(value: float) -> str:
    return formats.number_format(round(value, 1), decimal_pos=1)


def chart(trends, snapshots_) -> str:
    points = [(s.name, s.closed_on.isoformat() if s.closed_on else "") for s in snapshots_]
    return line_svg(
        points=points,
        lines=[Line(label=a.title, values=a.levels, breaks=a.breaks) for a in trends],
        title=_("Level per area over the closed rounds"),
        description=_(
            "Line chart with one line per area: the organisation's computed level, on a "
            "scale from 1 to 5, in each closed round, oldest first. Where an area's questions "
            "changed between two rounds, its line is broken. The same figures are in the "
            "table below the chart."
        ),
        y_label=_("Level"),
        format_value=_format,
    )


def _flagged(organisation, comparison, titles) -> list:
    if comparison is None:
        return []
    done = list(organisation.actions.filter(status=Action.Status.DONE).order_by("done_at"))
    ids = trend.done_without_change(done, comparison)
    return [(a, titles.get(a.area_key, a.area_key)) for a in done if a.id in ids]


def load_trend(organisation, loaded: dict | None = None) -> TrendPage:
    """The trend page's figures; `loaded` as for ``views``."""
    rounds = closed_rounds(organisation)
    snapshots_ = snapshots(rounds, loaded)
    trends = trend.area_trends(snapshots_)
    rows, notes = _rows(trends, snapshots_)
    comparison = trend.compare_latest(snapshots_)
    has_levels = any(level is not None for area in trends for level in area.levels)
    return TrendPage(
        rounds=rounds,
        snapshots=snapshots_,
        rows=rows,
        notes=notes,
        comparison=comparison,
        flagged=_flagged(organisation, comparison, {a.key: a.title for a in trends}),
        chart=chart(trends, snapshots_) if len(rounds) >= 2 and has_levels else "",
    )
