"""Writing millions of rows fast: COPY on PostgreSQL, one prepared INSERT run many times on
SQLite. Rows are tuples of plain values in the order of the given columns; ``moment``, ``day``
and ``json`` turn datetimes, dates and JSON into what the database takes, the same way Django
would store them. Ids are reserved first (``ids``), so rows that refer to each other can be
written without reading anything back."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence

from django.db import connection


class Writer:
    def __init__(self):
        self.postgres = connection.vendor == "postgresql"

    @staticmethod
    def _table(model) -> str:
        return model._meta.db_table

    def moment(self, value: dt.datetime | None):
        if value is None or self.postgres:
            return value
        return connection.ops.adapt_datetimefield_value(value)

    def day(self, value: dt.date | None):
        if value is None or self.postgres:
            return value
        return value.isoformat()

    def json(self, value):
        if self.postgres:
            from psycopg.types.json import Jsonb

            return Jsonb(value)
        return json.dumps(value)

    def ids(self, model, count: int) -> list[int]:
        """``count`` fresh primary keys for ``model``'s table."""
        if count == 0:
            return []
        table = self._table(model)
        with connection.cursor() as cursor:
            if self.postgres:
                cursor.execute(
                    "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                    [table, count],
                )
                return [row[0] for row in cursor.fetchall()]
            # SQLite: the caller holds the write lock (an IMMEDIATE transaction); AUTOINCREMENT
            # never reuses an id, so start above both the largest id and the sequence.
            cursor.execute(f'SELECT COALESCE(MAX("id"), 0) FROM "{table}"')  # noqa: S608
            largest = cursor.fetchone()[0]
            cursor.execute(
                "SELECT COALESCE(MAX(seq), 0) FROM sqlite_sequence WHERE name = %s", [table]
            )
            start = max(largest, cursor.fetchone()[0]) + 1
            return list(range(start, start + count))

    def insert(self, model, columns: Sequence[str], rows: Iterable[tuple]) -> int:
        """Write the rows; returns how many."""
        table = self._table(model)
        names = ", ".join(f'"{c}"' for c in columns)
        written = 0
        with connection.cursor() as wrapper:
            cursor = wrapper.cursor  # the driver's own cursor: nothing logged per row
            if self.postgres:
                with cursor.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
                    for row in rows:
                        copy.write_row(row)
                        written += 1
            else:
                marks = ", ".join("?" for _ in columns)
                batch = []
                sql = f'INSERT INTO "{table}" ({names}) VALUES ({marks})'  # noqa: S608
                for row in rows:
                    batch.append(row)
                    if len(batch) == 10000:
                        cursor.executemany(sql, batch)
                        written += len(batch)
                        batch = []
                if batch:
                    cursor.executemany(sql, batch)
                    written += len(batch)
        return written
