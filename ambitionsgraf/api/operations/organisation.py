"""An organisation's own data, read with its token: the organisation, its rounds, one round with
its participation, results and ambition, and the action plan.

Every operation finds the organisation through `organisation_of` (404 for any code but the
token's own) and its round through `_round`, which closes a round whose date has passed, as
the pages do. Results come from `results.service.load_round`, the function behind the results
page, so the same anonymity rules apply: a perspective with fewer than three finished
respondents has no figure of its own, and individual answers, comments and respondents'
identities are never given.
"""

from django.shortcuts import get_object_or_404
from ninja import Path, Router
from ninja.pagination import paginate

from ambitionsgraf.lib.numbers import round_level
from ambitionsgraf.plans.services import build_plan
from ambitionsgraf.results.service import load_round
from ambitionsgraf.rounds import participation as progress

from ..auth import organisation_of
from ..pagination import PageNumberPagination
from ..schemas import (
    ActionOut,
    AmbitionOut,
    OrganisationOut,
    ResultsOut,
    RoundDetailOut,
    RoundOut,
)
from .responses import CODE_PATTERN, TOKEN_ERRORS, responses

router = Router(tags=["Organisation"])

CodePath = Path(..., pattern=CODE_PATTERN)


def level(value) -> float | None:
    """A level as the pages show it: one decimal."""
    return None if value is None else float(round_level(value))


def _round(organisation, round_code: str):
    round_ = get_object_or_404(
        organisation.rounds.select_related("model_version", "previous"), code=round_code
    )
    round_.close_if_due()
    return round_


def participation(round_) -> list[dict]:
    """Invited, started and finished per perspective: counts only, as on the round's pages."""
    return [
        {"perspective": row["key"], **{name: row[name] for name in progress.COUNTS}}
        for row in progress.participation(round_)
    ]


@router.get(
    "/organisations/{code}",
    response=responses({200: OrganisationOut}, TOKEN_ERRORS),
    summary="The token's organisation",
)
def get_organisation(request, code: str = CodePath):
    return organisation_of(request, code)


@router.get(
    "/organisations/{code}/rounds",
    response=responses({200: list[RoundOut]}, TOKEN_ERRORS),
    summary="The organisation's rounds, newest first",
)
@paginate(PageNumberPagination)
def list_rounds(request, code: str = CodePath):
    organisation = organisation_of(request, code)
    organisation.rounds.close_due()
    return organisation.rounds.select_related("model_version", "previous").order_by(
        "-created_at", "-pk"
    )


@router.get(
    "/organisations/{code}/rounds/{round_code}",
    response=responses({200: RoundDetailOut}, TOKEN_ERRORS),
    summary="One round with its participation per perspective",
)
def get_round(request, code: str = CodePath, round_code: str = CodePath):
    round_ = _round(organisation_of(request, code), round_code)
    round_.participation = participation(round_)
    round_.totals = progress.totals(round_.participation)
    return round_


def _area(view) -> dict:
    result = view.result
    return {
        "area_key": view.area.key,
        "organisation_level": level(result.organisation_score),
        "agreed_level": level(view.agreed),
        "ambition": level(result.ambition),
        "gap": level(result.gap),
        "gap_from_agreed_level": level(view.gap_from_agreed),
        "perspective_levels": {k: level(v) for k, v in result.perspective_scores.items()},
        "pooled_level": level(result.pooled_score),
        "spread": level(result.spread),
        "disagreement": result.disagreement,
    }


@router.get(
    "/organisations/{code}/rounds/{round_code}/results",
    response=responses({200: ResultsOut}, TOKEN_ERRORS),
    summary="The round's results, with the same anonymity rules as the results page",
)
def get_results(request, code: str = CodePath, round_code: str = CodePath):
    """Levels per area for the whole organisation, per perspective shown, and the pool of
    smaller perspectives; ambition, gap and disagreements. While nothing can be shown (fewer
    than three finished), `has_results` is false and `areas` is empty. An open round's figures
    are provisional."""
    round_ = _round(organisation_of(request, code), round_code)
    view = load_round(round_)
    result = view.result
    shown = result.has_results
    areas = [_area(a) for a in view.areas] if shown else []
    return {
        "round_code": round_.code,
        "provisional": round_.is_open,
        "has_results": shown,
        "shown_perspectives": list(result.shown_perspectives) if shown else [],
        "pooled_respondents": result.pooled_respondents,
        "excluded_respondents": result.excluded_respondents,
        "participation": participation(round_),
        "areas": areas,
        "disagreements": [
            {
                "area_key": a["area_key"],
                "spread": a["spread"],
                "perspective_levels": a["perspective_levels"],
            }
            for a in areas
            if a["disagreement"]
        ],
    }


@router.get(
    "/organisations/{code}/rounds/{round_code}/ambition",
    response=responses({200: AmbitionOut}, TOKEN_ERRORS),
    summary="The round's ambition: a target level per area",
)
def get_ambition(request, code: str = CodePath, round_code: str = CodePath):
    round_ = _round(organisation_of(request, code), round_code)
    ambitions = {a.area_id: a for a in round_.ambitions.all()}
    return {
        "round_code": round_.code,
        "areas": [
            {
                "area_key": area.key,
                "target": float(ambitions[area.pk].target) if area.pk in ambitions else None,
                "reason": ambitions[area.pk].reason if area.pk in ambitions else "",
            }
            for area in round_.model_version.areas.all()
        ],
    }


@router.get(
    "/organisations/{code}/action-plan",
    response=responses({200: list[ActionOut]}, TOKEN_ERRORS),
    summary="The action plan's actions, in the plan's order",
)
@paginate(PageNumberPagination)
def list_actions(request, code: str = CodePath):
    """Areas by gap, largest first (as on the action plan page); actions in the order added."""
    organisation = organisation_of(request, code)
    actions = build_plan(organisation).actions
    round_codes = dict(organisation.rounds.values_list("id", "code"))
    for action in actions:
        action.overdue = action.is_overdue
        action.round_code = round_codes.get(action.round_id)
    return actions
