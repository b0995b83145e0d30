"""Everything the board report shows, gathered from the same result objects as the results page.

The round through `results.service.load_round` (the page's figures and anonymity rules), the
graph through `results.service.radar` (the page's SVG), the action plan through
`plans.services.plan_rows` and the trend through `results.trend_service.load_trend`.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from ambitionsgraf.maturity.models import Guidance, Perspective
from ambitionsgraf.plans.services import plan_rows
from ambitionsgraf.results.service import load_round, radar
from ambitionsgraf.results.trend_service import load_trend
from ambitionsgraf.rounds.participation import participation

from .findings import finding, trend_sentences
from .summary import key_figures, summarise


def _guidance(round_) -> dict[tuple[str, int], list[str]]:
    """(area key, level) -> the guidance's suggested actions in the active language."""
    items = Guidance.objects.filter(area__model_version_id=round_.model_version_id)
    return {(g.area.key, g.level): g.action_texts() for g in items.select_related("area")}


def report_context(organisation, round_) -> dict:
    view = load_round(round_)
    # The trend and the plan read the organisation's closed rounds, this one among them: each
    # is read once (``trend_service.views``).
    loaded = {round_.pk: view}
    trend = load_trend(organisation, loaded)
    result = view.result
    labels = dict(Perspective.choices)
    level_names = round_.model_version.level_names()
    rows = plan_rows(organisation, loaded)
    titles = {a.area.key: a.area.tr("title") for a in view.areas}
    order = {a.area.key: i for i, a in enumerate(view.by_effective_gap())}
    rows.sort(key=lambda r: order.get(r.area_key, len(order)))  # stable: plan order within
    return {
        "organisation": organisation,
        "round": round_,
        "view": view,
        "result": result,
        "language": get_language(),
        "today": timezone.localdate(),
        "closed_on": timezone.localdate(round_.closed_at) if round_.closed_at else None,
        "chart": mark_safe(radar(view)) if result.has_results else "",
        "shown": [(p, labels[p]) for p in result.shown_perspectives],
        "finished": sum(result.respondents.values()),
        "participation": participation(round_),
        "level_names": level_names,
        "summary": summarise(
            view, level_names=level_names, plan_rows=rows, guidance=_guidance(round_)
        ),
        "key": key_figures(view),
        "findings": [finding(a, level_names) for a in view.areas],
        "plan": [(row, titles.get(row.area_key, row.area_title)) for row in rows],
        "trend": trend if len(trend.rounds) >= 2 else None,
        "trend_chart": mark_safe(trend.chart),
        "trend_sentences": trend_sentences(trend.comparison),
    }
