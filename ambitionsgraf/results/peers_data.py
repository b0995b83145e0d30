"""Read the peer group of a round from the database into the pure rules of ``peers``.

The peers come only from ``agency.eligible`` (closed rounds of organisations that agreed to be
counted in national statistics), narrowed in SQL to the organisation's type, employees band and
model, so only candidate rounds are read. Each chosen peer's levels come from its round's kept
summary (``results.summaries``: the same scoring as every results page, computed on the spot if
missing). So the results page costs the same number of queries for five peers as for five
hundred: ``KEPT_QUERIES`` more than without the comparison when every summary is kept,
``QUERIES`` when some must be computed first, and none for an open round or an organisation
that has not agreed.

Give to get: an organisation sees the comparison only if it has itself agreed to be counted in
national statistics. The peers' figures exist because they agreed to share theirs; comparing
oneself with them without sharing one's own would take without giving, and a benchmark that
anyone can read without contributing gives no reason to contribute, so the peer groups would
stay small. The page tells an organisation that has not agreed why it sees no comparison and
where an admin can change that. Withdrawing the agreement hides the comparison at once, as it
removes the organisation from the others' peer groups.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import OuterRef, Q, Subquery
from django.utils import formats
from django.utils.translation import gettext as _

from ambitionsgraf.agency import national_data
from ambitionsgraf.agency.eligible import eligible_rounds
from ambitionsgraf.lib.numbers import round_level
from ambitionsgraf.maturity.comparability import area_comparable, load_history
from ambitionsgraf.maturity.models import Area, ModelVersion
from ambitionsgraf.rounds.models import Round

from . import peers, peers_chart, summaries
from .service import RoundView

KEPT_QUERIES = 4  # versions, candidate rounds, their summaries, question history
# At most, when the peers' summaries must first be computed (up to summaries.BATCH of them).
QUERIES = KEPT_QUERIES + summaries.MISS_QUERIES

OPEN = "open"  # the round is open: its figures can still change
NOT_SHARED = "not_shared"  # the organisation has not agreed to national statistics
TOO_FEW = "too_few"  # no area has enough comparable peers
SHOWN = "shown"  # at least one area is compared


@dataclass(frozen=True)
class AreaStanding:
    area: Area
    standing: peers.Standing


@dataclass(frozen=True)
class PeerView:
    status: str
    type_label: str = ""
    size_label: str = ""
    areas: list[AreaStanding] = field(default_factory=list)

    @property
    def shown(self) -> list[AreaStanding]:
        return [a for a in self.areas if a.standing.shown]

    @property
    def hidden(self) -> list[AreaStanding]:
        return [a for a in self.areas if not a.standing.shown]


def _comparable(own: ModelVersion, numbers: dict[int, int], history):
    """Rule 3 of ``peers``: a peer's model version against the round's, per area key."""
    own_pk = own.pk  # asked once per peer and area: thousands of times

    def check(version: int, area_key: str) -> bool:
        if version == own_pk:
            return True  # the same version: the area is there if the peer has a level in it
        if not own.is_published or version not in numbers:
            return False
        return area_comparable(history, own.version, numbers[version], area_key)

    return check


def load_peers(organisation, round_, view: RoundView) -> PeerView:
    """Where the round stands among its peers, per area (see ``peers`` for the rules)."""
    if round_.is_open:
        return PeerView(OPEN)
    if not organisation.national_statistics:
        return PeerView(NOT_SHARED)
    profile = {
        "type_label": organisation.get_type_display(),
        "size_label": organisation.get_employees_band_display(),
    }
    own = round_.model_version
    numbers = dict(
        ModelVersion.objects.filter(key=own.key, status=ModelVersion.Status.PUBLISHED)
        .order_by()
        .values_list("pk", "version")
    )
    versions = set(numbers) | {own.pk}
    candidates = (
        eligible_rounds()
        .filter(
            organisation__type=organisation.type,
            organisation__employees_band=organisation.employees_band,
            model_version__in=versions,
        )
        .exclude(organisation=organisation)
    )
    # Only each peer's last-closed round (and any without a closing moment) comes back;
    # peer_rounds then applies rule 2 exactly to these few.
    last_closed = (
        Round.objects.closed()
        .filter(
            organisation=OuterRef("organisation"),
            model_version__in=versions,
            closed_at__isnull=False,  # PostgreSQL puts NULL first in a descending order
        )
        .order_by("-closed_at")
        .values("closed_at")[:1]
    )
    candidates = candidates.filter(Q(closed_at__isnull=True) | Q(closed_at=Subquery(last_closed)))
    chosen = peers.peer_rounds(
        national_data.round_rows(candidates),
        organisation=organisation.pk,
        type=organisation.type,
        size=organisation.employees_band,
        versions=versions,
    )
    if len(chosen) < peers.MIN_PEERS:
        return PeerView(TOO_FEW, **profile)
    kept = summaries.read_levels((row.id for row in chosen), ambitions=False, perspectives=())
    scored = [
        peers.Peer(model_version=row.model_version, levels=kept[row.id].levels)
        for row in chosen
        if row.id in kept and kept[row.id].has_results
    ]
    history = load_history([own.key]).get(own.key, [])
    levels = {a.area.key: a.result.organisation_score for a in view.areas}
    found = peers.standings(levels, scored, _comparable(own, numbers, history))
    areas = [AreaStanding(area=a.area, standing=s) for a, s in zip(view.areas, found, strict=True)]
    status = SHOWN if any(a.standing.shown for a in areas) else TOO_FEW
    return PeerView(status, areas=areas, **profile)


def chart(view: PeerView) -> str:
    """The dot plot of the compared areas (``peers_chart``), in the active language."""
    rows = [
        peers_chart.Row(title=a.area.tr("title"), level=a.standing.level, median=a.standing.median)
        for a in view.shown
    ]
    return peers_chart.peers_svg(
        rows,
        title=_("Your level and similar organisations' median"),
        description=_(
            "One row per area on the scale from 1 to 5: a circle for your organisation's level "
            "and a vertical bar for the median of similar organisations. The same figures are in "
            "the table below the chart."
        ),
        own_label=_("Your organisation"),
        median_label=_("Median of similar organisations"),
        format_value=lambda v: formats.number_format(round_level(v), decimal_pos=1),
    )
