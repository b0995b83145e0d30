"""The two reads behind every area page a respondent opens or saves, each one statement written
once (``lib.rows``): the respondent of a personal link with its round and model version, and
the respondent's saved answers to the questions of one page.

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

from .models import Answer, Respondent, Round

RESPONDENT = rows.fields(Respondent)
ROUND = rows.fields(Round)
# The levels' texts are a JSON column the area page does not use; read on first use elsewhere.
VERSION = rows.fields(ModelVersion, leave_out=["levels"])
ANSWER = tuple(
    Answer._meta.get_field(name) for name in ("question", "level", "dont_know", "comment")
)


@lru_cache(maxsize=4)
def _respondent_sql(using: str) -> str:
    quote = connections[using].ops.quote_name
    return (
        f"SELECT {rows.select_list('p', RESPONDENT, using)}, {rows.select_list('r', ROUND, using)},"
        f" {rows.select_list('v', VERSION, using)}"
        f" FROM {quote(Respondent._meta.db_table)} p"
        f" INNER JOIN {quote(Round._meta.db_table)} r ON r.{quote('id')} = p.{quote('round_id')}"
        f" INNER JOIN {quote(ModelVersion._meta.db_table)} v"
        f" ON v.{quote('id')} = r.{quote('model_version_id')}"
        f" WHERE p.{quote('token_hash')} = %s"
    )


def respondent(token_hash: str, using: str = DEFAULT_DB_ALIAS) -> Respondent | None:
    """The respondent whose link has this hash, with ``round`` and ``round.model_version`` (one
    statement); None for an unknown link."""
    columns = RESPONDENT + ROUND + VERSION
    found = rows.read(_respondent_sql(using), [token_hash], columns, using)
    if not found:
        return None
    values = found[0]
    a, b = len(RESPONDENT), len(RESPONDENT) + len(ROUND)
    person = rows.instance(Respondent, RESPONDENT, values[:a], using)
    round_ = rows.instance(Round, ROUND, values[a:b], using)
    round_.model_version = rows.instance(ModelVersion, VERSION, values[b:], using)
    person.round = round_
    return person


def answers(respondent_id: int, question_ids, using: str = DEFAULT_DB_ALIAS) -> list[list]:
    """[question id, level, don't know, comment] of each saved answer of the respondent to the
    questions (one statement)."""
    ids = [int(pk) for pk in question_ids]
    if not ids:
        return []
    quote = connections[using].ops.quote_name
    sql = (
        f"SELECT {rows.select_list('a', ANSWER, using)} FROM {quote(Answer._meta.db_table)} a"
        f" WHERE a.{quote('respondent_id')} = %s"
        f" AND a.{quote('question_id')} IN ({', '.join(['%s'] * len(ids))})"
    )
    return rows.read(sql, [respondent_id, *ids], ANSWER, using)
