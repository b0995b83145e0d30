"""The reads behind every questionnaire page, each one statement written once (``lib.rows``):
the respondent of a personal link with its round, model version and organisation (the area
page, the most visited, leaves out what it does not show), and the respondent's saved answers
to the questions of one page.

These run on the busiest pages of the product, and building the same querysets on every request
cost more than three times what the database needs to answer them (docs/benchmarks.md). The
rows become model instances and values exactly as the ORM's would; everything that writes is in
``answering``.
"""

from __future__ import annotations

from functools import lru_cache

from django.db import DEFAULT_DB_ALIAS, connections

from ambitionsgraf.lib import rows
from ambitionsgraf.maturity.models import ModelVersion
from ambitionsgraf.organisations.models import Organisation

from .models import Answer, Respondent, Round

RESPONDENT = rows.fields(Respondent)
ROUND = rows.fields(Round)
VERSION = rows.fields(ModelVersion)
# The area page reads neither the organisation nor the levels' texts (a JSON column): left out
# there, the texts are read on first use.
LEAN_VERSION = rows.fields(ModelVersion, leave_out=["levels"])
ORGANISATION = rows.fields(Organisation)
ANSWER = tuple(
    Answer._meta.get_field(name) for name in ("question", "level", "dont_know", "comment")
)


# (model, columns) of what a link reads, in the statement's order (aliases p, r, v, o).
WHOLE = (
    (Respondent, RESPONDENT),
    (Round, ROUND),
    (ModelVersion, VERSION),
    (Organisation, ORGANISATION),
)
LEAN = ((Respondent, RESPONDENT), (Round, ROUND), (ModelVersion, LEAN_VERSION))


def _parts(whole: bool) -> tuple:
    return WHOLE if whole else LEAN


@lru_cache(maxsize=8)
def _respondent_sql(using: str, whole: bool) -> str:
    quote = connections[using].ops.quote_name
    aliases = ("p", "r", "v", "o")
    select = ", ".join(
        rows.select_list(alias, columns, using)
        for alias, (_model, columns) in zip(aliases, _parts(whole), strict=False)
    )
    organisation = (
        f" INNER JOIN {quote(Organisation._meta.db_table)} o"
        f" ON o.{quote('id')} = r.{quote('organisation_id')}"
        if whole
        else ""
    )
    return (
        f"SELECT {select} FROM {quote(Respondent._meta.db_table)} p"
        f" INNER JOIN {quote(Round._meta.db_table)} r ON r.{quote('id')} = p.{quote('round_id')}"
        f" INNER JOIN {quote(ModelVersion._meta.db_table)} v"
        f" ON v.{quote('id')} = r.{quote('model_version_id')}{organisation}"
        f" WHERE p.{quote('token_hash')} = %s"
    )


def respondent(token_hash: str, *, whole: bool = True, using=DEFAULT_DB_ALIAS) -> Respondent | None:
    """The respondent whose link has this hash, with ``round`` and ``round.model_version``, and
    unless ``whole`` is False the round's ``organisation`` and the version's level texts (one
    statement); None for an unknown link."""
    parts = _parts(whole)
    columns = tuple(column for _model, part in parts for column in part)
    found = rows.read(_respondent_sql(using, whole), [token_hash], columns, using)
    if not found:
        return None
    made, start = [], 0
    for model, part in parts:
        made.append(rows.instance(model, part, found[0][start : start + len(part)], using))
        start += len(part)
    person, round_, version, *organisation = made
    round_.model_version = version
    if organisation:
        round_.organisation = organisation[0]
    person.round = round_
    return person


@lru_cache(maxsize=32)
def _answers_sql(using: str, count: int) -> str:
    quote = connections[using].ops.quote_name
    return (
        f"SELECT {rows.select_list('a', ANSWER, using)} FROM {quote(Answer._meta.db_table)} a"
        f" WHERE a.{quote('respondent_id')} = %s"
        f" AND a.{quote('question_id')} IN ({', '.join(['%s'] * count)})"
    )


def answers(respondent_id: int, question_ids, using: str = DEFAULT_DB_ALIAS) -> list[list]:
    """[question id, level, don't know, comment] of each saved answer of the respondent to the
    questions (one statement)."""
    ids = [int(pk) for pk in question_ids]
    if not ids:
        return []
    return rows.read(_answers_sql(using, len(ids)), [respondent_id, *ids], ANSWER, using)
