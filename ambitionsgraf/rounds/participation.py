"""How far a round has come: invited, started and finished respondents per perspective.

Counts only, never answers, so the admin (and the API) can follow a round while it is open
without learning who answered what. Every perspective has a row, with zeros when no one of
it was invited.
"""

from django.db.models import Count, Q

from ambitionsgraf.maturity.models import Perspective

from .models import Respondent

COUNTS = ("invited", "started", "finished")


def _counted(respondents, *by):
    return (
        respondents.order_by()
        .values(*by, "perspective")
        .annotate(
            invited=Count("id"),
            started=Count("id", filter=Q(started_at__isnull=False)),
            finished=Count("id", filter=Q(finished_at__isnull=False)),
        )
    )


def _rows(found: dict) -> list[dict]:
    """Per perspective, in the model's order: its key, its label and the three counts."""
    return [
        {
            "key": value,
            "perspective": label,
            **{name: found.get(value, {}).get(name, 0) for name in COUNTS},
        }
        for value, label in Perspective.choices
    ]


def participation(round_) -> list[dict]:
    """The round's rows (see ``_rows``), in one query."""
    return _rows({row["perspective"]: row for row in _counted(round_.respondents)})


def participation_of(rounds) -> dict[int, list[dict]]:
    """participation() of several rounds in one query: round id -> rows."""
    found: dict[int, dict] = {r.pk: {} for r in rounds}
    for row in _counted(Respondent.objects.filter(round__in=[r.pk for r in rounds]), "round_id"):
        found[row["round_id"]][row["perspective"]] = row
    return {pk: _rows(rows) for pk, rows in found.items()}


def totals(rows: list[dict]) -> dict[str, int]:
    """The three counts over all perspectives of participation()'s rows."""
    return {name: sum(row[name] for row in rows) for name in COUNTS}
