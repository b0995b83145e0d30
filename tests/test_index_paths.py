"""Every query a page sends finds its rows through an index (PostgreSQL).

Each URL of the site is opened by the first persona it answers 200 to, and every SELECT it
sent is explained again with sequential scans switched off: a table still read from end to
end then has no index that query could use. At national scale (docs/benchmarks.md) such a
read of a table that grows with every round would cost each request more as the years pass.
"""

import json

import pytest
from django.apps import apps
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from ambitionsgraf.api.api import api
from ambitionsgraf.api.testing import bearer, make_token
from ambitionsgraf.maturity.models import ModelVersion
from ambitionsgraf.organisations.models import Organisation

from .site_world import (
    ADMIN_A,
    ANALYST,
    COACH_A,
    MODEL_OWNER,
    RESPONDENT,
    VISITOR,
    build_world,
    site_urls,
    url,
)

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the query plans are PostgreSQL's"
)

TRY_AS = (ADMIN_A, MODEL_OWNER, ANALYST, COACH_A, RESPONDENT, VISITOR)


def full_reads(plan: dict) -> set[str]:
    """The tables a plan reads from end to end: a sequential scan, or an index scan with no
    condition (the whole index in its order)."""
    found = set()
    kind = plan.get("Node Type", "")
    if kind == "Seq Scan" or (
        kind in ("Index Scan", "Index Only Scan") and "Index Cond" not in plan
    ):
        found.add(plan["Relation Name"])
    for child in plan.get("Plans", ()):
        found |= full_reads(child)
    return found


def explained(sql: str) -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        try:
            cursor.execute("EXPLAIN (FORMAT JSON) " + sql)
            plan = cursor.fetchone()[0]
        finally:
            cursor.execute("RESET enable_seqscan")
    if isinstance(plan, str):
        plan = json.loads(plan)
    return full_reads(plan[0]["Plan"])


# The maturity model's tables hold a few published versions, not a row per use.
BOUNDED = {model._meta.db_table for model in apps.get_app_config("maturity").get_models()}

# Pages that read every counted round of the country by design: the national figures are made
# of all of them (docs/benchmarks.md, "the national picture"), and the lab's index counts the
# rounds and respondents per model version.
WHOLE_COUNTRY = {
    "national:picture": {"rounds_round"},
    "national:open_data": {"rounds_round"},
    "national:open_data_csv": {"rounds_round"},
    "national:open_data_json": {"rounds_round"},
    "national:open_data_dcat": {"rounds_round"},
    "lab:index": {"rounds_round"},
    "api:/api/v1/national": {"rounds_round"},
}


# Pages whose every request the benchmark and the users lean on most: each must be checked.
CORE = {
    "questionnaire:area",
    "organisations:overview",
    "rounds:detail",
    "results:round",
    "results:trend",
    "plans:plan",
    "reports:board_report",
    "national:picture",
}


@pytest.fixture
def world(db, settings):
    return build_world(settings)


def opened(world, name, kwargs):
    """The page opened by the first persona it answers 200 to, and the SELECTs it sent; None
    for a URL that answers no one's GET with a page (POST only, or a redirect)."""
    for persona in TRY_AS:
        with CaptureQueriesContext(connection) as queries:
            response = world.clients[persona].get(url(world, name, kwargs, holder=True))
        if response.status_code == 200:
            return [
                q["sql"]
                for q in queries.captured_queries
                if q["sql"].lstrip().upper().startswith(("SELECT", "WITH"))
            ]
    return None


def unexpected_full_reads(name: str, selects: list[str]) -> tuple[list[str], set[str]]:
    """What ``name``'s SELECTs read from end to end beyond what WHOLE_COUNTRY allows it, and
    every table they read so."""
    wrong, tables_read = [], set()
    for sql in selects:
        tables = explained(sql) - BOUNDED
        tables_read |= tables
        unexpected = tables - WHOLE_COUNTRY.get(name, set())
        if unexpected:
            wrong.append(f"{name} reads all of {', '.join(sorted(unexpected))}: {sql[:300]}")
    return wrong, tables_read


def test_every_page_finds_its_rows_through_an_index(world):
    wrong, seen = [], {}
    for name, kwargs in sorted(site_urls().items()):
        selects = opened(world, name, kwargs)
        if selects is None:
            continue
        found, seen[name] = unexpected_full_reads(name, selects)
        wrong += found
    assert not wrong, "\n".join(wrong)
    assert len(seen) > 50
    assert CORE <= set(seen), f"not opened: {CORE - set(seen)}"
    stale = {
        name: tables - seen.get(name, set())
        for name, tables in WHOLE_COUNTRY.items()
        if not name.startswith("api:")
    }
    assert not any(stale.values()), f"WHOLE_COUNTRY names reads that no longer happen: {stale}"


def test_every_api_read_finds_its_rows_through_an_index(world):
    """The API's GET endpoints, with a token of organisation A."""
    organisation = Organisation.objects.get(code=world.values["code"])
    version = ModelVersion.objects.current()
    headers = bearer(make_token(organisation)[1])
    schema = api.get_openapi_schema(path_prefix="/api/v1/")
    wrong, seen = [], {}
    for template, operations in schema["paths"].items():
        if "get" not in operations:
            continue
        path = template.format(
            code=organisation.code,
            round_code=world.values["round_code"],
            key=version.key,
            version=version.version,
        )
        with CaptureQueriesContext(connection) as queries:
            response = Client().get(path, **headers)
        assert response.status_code == 200, (path, response.content[:200])
        selects = [
            q["sql"]
            for q in queries.captured_queries
            if q["sql"].lstrip().upper().startswith(("SELECT", "WITH"))
        ]
        found, seen[f"api:{template}"] = unexpected_full_reads(f"api:{template}", selects)
        wrong += found
    assert not wrong, "\n".join(wrong)
    assert len(seen) == 9
    assert seen["api:/api/v1/national"] == WHOLE_COUNTRY["api:/api/v1/national"]
