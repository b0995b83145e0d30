"""Reading a few columns by a statement written once, with the ORM's own conversions.

For the handful of reads that run on almost every request of the busiest pages (a respondent's
personal link, the answers of one area page). Building and compiling a queryset costs several
times more than running its SQL on an index; here the statement is written once, from the
models' own field lists, and each row comes back converted exactly as the ORM converts the same
columns (the backend's converters and each field's ``from_db_value``), the way Django's own
``QuerySet.raw()`` does. Everything else in the product reads through the ORM.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from django.db import connections
from django.db.models import Field, Model
from django.db.models.sql import Query


def fields(model: type[Model], *, leave_out: Iterable[str] = ()) -> tuple[Field, ...]:
    """The model's concrete fields in declaration order, less those named in ``leave_out``."""
    left = set(leave_out)
    return tuple(f for f in model._meta.concrete_fields if f.name not in left)


def select_list(table_alias: str, columns: Sequence[Field], using: str = "default") -> str:
    """``alias."column", ...`` for the fields, quoted for the database."""
    quote = connections[using].ops.quote_name
    return ", ".join(f"{quote(table_alias)}.{quote(f.column)}" for f in columns)


@lru_cache(maxsize=32)
def _converting(connection, using: str, columns: tuple[Field, ...]) -> tuple:
    """A compiler and its converters for the columns, worked out once per connection (the
    converters are the connection's own methods; on PostgreSQL there are usually none)."""
    compiler = connection.ops.compiler("SQLCompiler")(Query(None), connection, using)
    return compiler, compiler.get_converters([f.get_col(f.model._meta.db_table) for f in columns])


def read(sql: str, params: Sequence, columns: Sequence[Field], using: str = "default") -> list:
    """Run ``sql`` (its select list being ``columns``, in order) and return the rows as lists
    of values converted as the ORM would."""
    connection = connections[using]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    compiler, converters = _converting(connection, using, tuple(columns))
    if not converters or not rows:
        return [list(row) for row in rows]
    return list(compiler.apply_converters(rows, converters))


def instance(model: type[Model], columns: Sequence[Field], values: Sequence, using="default"):
    """An instance of ``model`` from values read for ``columns`` (its fields, any subset that
    includes the primary key); fields not read are deferred, as with ``only()``."""
    return model.from_db(using, [f.attname for f in columns], list(values))
