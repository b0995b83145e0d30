"""The SQL behind ``summaries``: the rounds with their kept summaries, checked against their
stamps in the query, and their ambitions as they are now; ids sent as one parameter."""

from __future__ import annotations

import json
from collections.abc import Sequence

from django.db import connection
from django.db.models import (
    Aggregate,
    BinaryField,
    Case,
    CharField,
    F,
    Func,
    OuterRef,
    Q,
    Subquery,
    TextField,
    Value,
    When,
)  # fmt: skip
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Concat, Length

from ambitionsgraf.rounds.models import Ambition, Round

from . import scoring
from .summary import SERIES


class Joined(Aggregate):
    """The values joined with commas, in one string (for many small values in one column)."""

    function = "STRING_AGG"
    template = "%(function)s(%(expressions)s, ',')"
    output_field = TextField()

    def as_sqlite(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, function="GROUP_CONCAT", **extra)


def id_set(ids: Sequence[int]) -> RawSQL:
    """``pk__in=id_set(ids)``: thousands of ids as one parameter (an array on PostgreSQL, JSON on
    SQLite), not one placeholder each, which costs more to build and send than to run."""
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", [list(ids)])
    return RawSQL("SELECT value FROM json_each(%s)", [json.dumps(list(ids))])


def ambitions_now():
    """Per round, its ambitions as 'area key:target' joined by commas (read as they are now)."""
    return Subquery(
        Ambition.objects.filter(round=OuterRef("pk"))
        .order_by()
        .values("round")
        .annotate(joined=Joined(Concat("area__key", Value(":"), Cast("target", CharField()))))
        .values("joined")
    )


# The valid targets as the databases write them ("4.0", "4", "3.5"), read without Decimal.
_TARGETS = {
    text: doubled / 2
    for doubled in range(2 * scoring.MIN_AMBITION, 2 * scoring.MAX_AMBITION + 1)
    for text in (f"{doubled / 2:.1f}", f"{doubled / 2:g}")
}


def parsed_ambitions(joined: str | None) -> dict[str, float]:
    """'goals:3.5,planning:4.0' as {area key: target}; an invalid target counts as none."""
    if not joined:
        return {}
    ambitions = {}
    for key, text in (item.rsplit(":", 1) for item in joined.split(",")):
        target = _TARGETS.get(text)
        if target is None and scoring.valid_ambition(float(text)):
            target = float(text)  # a spelling not foreseen above
        if target is not None:
            ambitions[key] = target
    return ambitions


def _first_series(packed, series: int) -> Func:
    """The first ``series`` of the packed levels' ``SERIES`` series (``summary``), cut by the
    database: each series is the same share of the bytes, whatever the number of areas, so a
    page that uses only the organisation's levels receives and decodes one series of five."""
    return Func(
        packed,
        Value(1),
        Length(packed) * Value(series) / Value(SERIES),
        function="SUBSTR",
        output_field=BinaryField(),
    )


def kept_rounds(ids: Sequence[int], *, ambitions: bool, series: int = SERIES):
    """The closed rounds among ``ids``, each with its kept figures and levels (the first
    ``series`` of them) only while the summary's stamp matches the round (see ``summaries``),
    otherwise the stamp to compute a new one from (``stale_closed_at``); with their ambitions
    (``targets``) if asked."""
    from .summaries import RULES

    current = Q(summary__rules=RULES, summary__model_version=F("model_version")) & (
        Q(summary__closed_at=F("closed_at"))
        | Q(summary__closed_at__isnull=True, closed_at__isnull=True)
    )
    levels = F("summary__levels")
    rounds = (
        Round.objects.filter(pk__in=id_set(ids), status=Round.Status.CLOSED)
        .order_by()
        .annotate(
            kept=Case(When(current, then=Cast("summary__figures", TextField()))),
            kept_levels=Case(
                When(current, then=levels if series == SERIES else _first_series(levels, series))
            ),
            stale_closed_at=Case(When(current, then=None), default=F("closed_at")),
        )
    )
    return rounds.annotate(targets=ambitions_now()) if ambitions else rounds
