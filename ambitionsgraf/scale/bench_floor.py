"""The database floor of a page: what the SQL of one request costs with no Django at all.

A page's share of the ceiling (a bare view through the same middleware) can never be better
than ceiling / (ceiling + floor), where each is the CPU one request takes: the ceiling's
measured by wrk with both cores busy, the floor's by sending the very statements the page sent
(captured from one real request, with its transactions) over a bare psycopg connection, many
times, and reading the CPU of this process and of the PostgreSQL server process that answered.
`make bench` prints it beside each page, so a target out of reach on this machine says so
(docs/benchmarks.md).
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from django.db import connection
from django.test.utils import CaptureQueriesContext

SAVEPOINT = re.compile(r"\s*(RELEASE |ROLLBACK TO )?SAVEPOINT ", re.IGNORECASE)


@dataclass(frozen=True)
class Statement:
    sql: str
    in_transaction: bool  # sent inside an atomic block


@dataclass(frozen=True)
class Floor:
    statements: int
    transactions: int
    cpu_ms: float  # per request: this process and the PostgreSQL server process together

    def best_share(self, ceiling_cpu_ms: float) -> float:
        """The most of the ceiling's throughput a page with this floor can reach: even if
        Django did nothing for it beyond the ceiling's own work."""
        return ceiling_cpu_ms / (ceiling_cpu_ms + self.cpu_ms)


def captured(request: Callable[[], object]) -> list[Statement]:
    """The statements ``request()`` sends through Django, with whether each ran in a
    transaction the request opened (one already open around it, as in a test, does not count)."""
    flags = []
    outside = len(connection.atomic_blocks)

    def note(execute, sql, params, many, context):
        flags.append(len(context["connection"].atomic_blocks) > outside)
        return execute(sql, params, many, context)

    with CaptureQueriesContext(connection) as queries, connection.execute_wrapper(note):
        request()
    sqls = [q["sql"] for q in queries.captured_queries]
    return [
        Statement(sql, flag)
        for sql, flag in zip(sqls, flags, strict=True)
        if not SAVEPOINT.match(sql)  # only there because a test opened a transaction around it
    ]


def batches(statements: Sequence[Statement]) -> list[tuple[bool, list[str]]]:
    """Runs of consecutive statements as (a transaction?, [sql]), in order."""
    runs: list[tuple[bool, list[str]]] = []
    for s in statements:
        if runs and runs[-1][0] and s.in_transaction:
            runs[-1][1].append(s.sql)
        else:
            runs.append((s.in_transaction, [s.sql]))
    return runs


def _server_cpu_s(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def replay(statements: Sequence[Statement], times: int = 2000) -> Floor:
    """Send the statements ``times`` times over a new bare psycopg connection to the same
    PostgreSQL database on this machine; CPU per round of them."""
    import psycopg

    connection.ensure_connection()
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    runs = batches(statements)
    with psycopg.connect(**params, autocommit=True) as bare:
        pid = bare.execute("SELECT pg_backend_pid()").fetchone()[0]
        cursor = psycopg.ClientCursor(bare)  # as Django's: parameters bound in the client

        def once():
            for in_transaction, sqls in runs:
                if in_transaction:
                    with bare.transaction():
                        for sql in sqls:
                            cursor.execute(sql)
                else:
                    for sql in sqls:
                        cursor.execute(sql)

        for _ in range(min(200, times)):
            once()
        own, server = time.process_time(), _server_cpu_s(pid)
        for _ in range(times):
            once()
        spent = time.process_time() - own + _server_cpu_s(pid) - server
    return Floor(
        statements=len(statements),
        transactions=sum(1 for in_transaction, _ in runs if in_transaction),
        cpu_ms=spent / times * 1000,
    )
