from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.safestring import mark_safe

from ambitionsgraf.maturity.models import Perspective
from ambitionsgraf.organisations.access import get_round
from ambitionsgraf.rounds.participation import participation

from . import peers, peers_data
from .service import load_round, radar


@login_required
def round_results(request, code, round_code):
    organisation, round_ = get_round(request, code, round_code)
    view = load_round(round_)
    labels = dict(Perspective.choices)
    standing = (
        peers_data.load_peers(organisation, round_, view) if view.result.has_results else None
    )
    return render(
        request,
        "results/round.html",
        {
            "organisation": organisation,
            "round": round_,
            "view": view,
            "result": view.result,
            "chart": mark_safe(radar(view)) if view.result.has_results else "",
            "shown": [(p, labels[p]) for p in view.result.shown_perspectives],
            "participation": participation(round_),
            "level_names": round_.model_version.level_names(),
            "peers": standing,
            "peers_chart": mark_safe(peers_data.chart(standing))
            if standing
            else "",  # escaped there
            "min_peers": peers.MIN_PEERS,
        },
    )
