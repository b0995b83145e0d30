"""The action plan read in one go: the round it rests on, its areas in gap order with their
actions and proposals, and the rows the board report and the exports print.

The plan belongs to the organisation, not to a round: actions carry the area's stable key. It
rests on the latest round with results: the newest closed round, else the newest open round
(then the plan is provisional). Reading a plan takes a fixed number of queries.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q

from ambitionsgraf.maturity.models import Area, Guidance, ModelVersion
from ambitionsgraf.results import trend, trend_service
from ambitionsgraf.results.scoring import MIN_GROUP
from ambitionsgraf.results.service import AreaView, RoundView, load_round

from . import proposals as proposing
from .models import Action, ActionComment

# Rounds tried, newest first, before the plan says there are no results (each try loads a round).
MAX_TRIES = 3


@dataclass
class PlanArea:
    key: str
    title: str
    view: AreaView | None = None  # None without results, or for an area not in the model
    in_model: bool = True
    actions: list = field(default_factory=list)
    proposals: list = field(default_factory=list)

    @property
    def level(self) -> float | None:
        return self.view.effective_level if self.view else None

    @property
    def is_agreed(self) -> bool:
        return self.view is not None and self.view.agreed is not None

    @property
    def ambition(self) -> float | None:
        return self.view.result.ambition if self.view else None

    @property
    def gap(self) -> float | None:
        return self.view.effective_gap if self.view else None

    @property
    def has_gap(self) -> bool:
        return proposing.has_gap(self.level, self.ambition)

    @property
    def counts(self) -> dict[str, int]:
        counts = {status: 0 for status in Action.Status.values}
        for action in self.actions:
            counts[action.status] += 1
        return counts

    @property
    def done(self) -> int:
        return self.counts[Action.Status.DONE]

    @property
    def overdue(self) -> int:
        return sum(1 for action in self.actions if action.is_overdue)


@dataclass
class Plan:
    round: object  # the Round the levels come from, or None
    view: RoundView | None
    areas: list[PlanArea]

    @property
    def has_results(self) -> bool:
        return self.view is not None

    @property
    def provisional(self) -> bool:
        return self.round is not None and self.round.is_open

    @property
    def area_choices(self) -> list[tuple[str, str]]:
        """The model's areas in model order, for the area select."""
        areas = [a for a in self.areas if a.in_model]
        if self.view is not None:
            order = {v.area.key: i for i, v in enumerate(self.view.areas)}
            areas.sort(key=lambda a: order[a.key])
        return [(a.key, a.title) for a in areas]

    def area(self, key: str) -> PlanArea | None:
        return next((a for a in self.areas if a.key == key), None)

    @property
    def actions(self) -> list:
        return [action for area in self.areas for action in area.actions]

    @property
    def done(self) -> int:
        return sum(area.done for area in self.areas)

    @property
    def overdue(self) -> int:
        return sum(area.overdue for area in self.areas)


def latest_results(organisation, loaded: dict | None = None):
    """(round, RoundView) of the latest round with results, or (newest round or None, None).
    `loaded` maps a round's pk to a RoundView the caller already has."""
    loaded = loaded or {}
    organisation.rounds.close_due()
    rounds = list(
        organisation.rounds.select_related("model_version").annotate(
            finished=Count("respondents", filter=Q(respondents__finished_at__isnull=False))
        )
    )
    closed = sorted(
        (r for r in rounds if not r.is_open),
        key=lambda r: (r.closed_at or r.created_at, r.created_at),
        reverse=True,
    )
    opened = sorted((r for r in rounds if r.is_open), key=lambda r: r.created_at, reverse=True)
    candidates = [r for r in closed + opened if r.finished >= MIN_GROUP]
    for round_ in candidates[:MAX_TRIES]:
        view = loaded.get(round_.pk) or load_round(round_)
        if view.result.has_results:
            return round_, view
    newest = max(rounds, key=lambda r: r.created_at, default=None)
    return newest, None


def area_choices(round_) -> list[tuple[str, str]]:
    """(key, title) of the areas an action can belong to: those of `round_`'s model version
    (the plan's round), else of the current published version; in model order."""
    return [(area.key, area.tr("title")) for area in _model_areas(round_)]


def _model_areas(newest_round) -> list[Area]:
    """The areas of the newest round's model version, else of the current published version."""
    if newest_round is not None:
        return list(newest_round.model_version.areas.all())
    version = ModelVersion.objects.current()
    return list(version.areas.all()) if version else []


def _guidance(round_) -> dict[int, dict[int, list]]:
    """area id -> level -> suggested actions, for the round's model version."""
    guidance: dict[int, dict[int, list]] = {}
    for item in Guidance.objects.filter(area__model_version_id=round_.model_version_id):
        guidance.setdefault(item.area_id, {})[item.level] = item.actions
    return guidance


def _titles_of_old_areas(keys) -> dict[str, str]:
    """Titles of areas that are not in the plan's model version, from the newest version
    that has them."""
    titles: dict[str, str] = {}
    for area in Area.objects.filter(key__in=keys).order_by(
        "-model_version__published_at", "-model_version__version"
    ):
        titles.setdefault(area.key, area.tr("title"))
    return titles


def build_plan(
    organisation, *, proposals: bool = False, comments: bool = False, loaded: dict | None = None
) -> Plan:
    """The whole plan in the plan's order: areas by the gap from the agreed (else computed)
    level, largest first, areas without a gap last; actions in the order they were added.
    `loaded` maps a round's pk to a RoundView the caller already has (the board report)."""
    loaded = {} if loaded is None else loaded
    round_, view = latest_results(organisation, loaded)
    actions = organisation.actions.all()
    if comments:
        actions = actions.prefetch_related(
            Prefetch("comments", queryset=ActionComment.objects.select_related("author"))
        )
    if view is not None:
        areas = [
            PlanArea(key=v.area.key, title=v.area.tr("title"), view=v)
            for v in view.by_effective_gap()
        ]
    else:
        areas = [PlanArea(key=a.key, title=a.tr("title")) for a in _model_areas(round_)]
    by_key = {area.key: area for area in areas}
    old: list[PlanArea] = []
    actions = list(actions)
    # "Done, but no change yet": the same rule as the trend page.
    # The plan's own round is often the latest closed one: pass it so it is not read twice.
    if view is not None:
        loaded[round_.pk] = view
    comparison = trend_service.latest_comparison(organisation, loaded)
    flagged = trend.done_without_change(actions, comparison)
    for action in actions:
        action.no_change_yet = action.id in flagged
        if action.area_key not in by_key:
            by_key[action.area_key] = PlanArea(key=action.area_key, title="", in_model=False)
            old.append(by_key[action.area_key])
        by_key[action.area_key].actions.append(action)
    if old:
        titles = _titles_of_old_areas([a.key for a in old])
        for area in old:
            area.title = titles.get(area.key, area.key)
    if proposals and view is not None:
        guidance = _guidance(round_)
        for area in areas:
            area.proposals = proposing.propose(
                area_key=area.key,
                level=area.level,
                ambition=area.ambition,
                guidance=guidance.get(area.view.area.pk, {}),
                existing=[action.description for action in area.actions],
            )
    return Plan(round=round_ if view is not None else None, view=view, areas=areas + old)


def add_proposal(*, organisation, plan: Plan, area_key: str, proposal_key: str, language: str):
    """Put a proposed action into the plan in `language`; None if it is not proposed (now)."""
    area = plan.area(area_key)
    proposal = next((p for p in area.proposals if p.key == proposal_key), None) if area else None
    if proposal is None:
        return None
    return Action.objects.create(
        organisation=organisation,
        area_key=area_key,
        round=plan.round,
        description=proposal.text(language),
        source=Action.Source.PROPOSED,
        guidance_level=proposal.level,
    )


@dataclass(frozen=True)
class PlanRow:
    """One action as the board report and the exports print it."""

    area_key: str
    area_title: str  # in the active language
    description: str
    owner: str
    due_on: dt.date | None
    status: str  # the label in the active language
    status_key: str  # planned, in_progress or done
    source: str  # proposed or custom
    source_label: str
    overdue: bool
    code: str


def plan_rows(organisation, loaded: dict | None = None) -> list[PlanRow]:
    """Every action of the organisation in the plan's order (see build_plan)."""
    plan = build_plan(organisation, loaded=loaded)
    return [
        PlanRow(
            area_key=area.key,
            area_title=area.title,
            description=action.description,
            owner=action.owner,
            due_on=action.due_on,
            status=str(action.get_status_display()),
            status_key=action.status,
            source=action.source,
            source_label=str(action.get_source_display()),
            overdue=action.is_overdue,
            code=action.code,
        )
        for area in plan.areas
        for action in area.actions
    ]
