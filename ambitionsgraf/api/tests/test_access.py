"""The API's access matrix: every operation in the OpenAPI schema, called as every kind of
caller, with real objects. An operation without a rule fails
`test_every_api_operation_has_a_rule`, so none can be added without deciding who may call it.

Callers: no token, a read-and-write token of A, a token of B (an outsider: 404, as on the
pages), a revoked token of A, a read-only token of A.
"""

import itertools
import json

import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver

from ambitionsgraf.api.api import NAMESPACE
from ambitionsgraf.api.models import Scope
from ambitionsgraf.api.testing import bearer, make_token
from ambitionsgraf.conftest import finished_respondents, make_round
from ambitionsgraf.plans.models import Action

NO_TOKEN = "no token"
TOKEN_A = "token of A"
TOKEN_B = "token of B"
REVOKED = "revoked token of A"
READ_ONLY = "read-only token of A"
CALLERS = (NO_TOKEN, TOKEN_A, TOKEN_B, REVOKED, READ_ONLY)


def public(status=200) -> dict:
    return dict.fromkeys(CALLERS, status)


def organisation_read() -> dict:
    return {NO_TOKEN: 401, TOKEN_A: 200, TOKEN_B: 404, REVOKED: 401, READ_ONLY: 200}


def organisation_write(ok=201) -> dict:
    return {NO_TOKEN: 401, TOKEN_A: ok, TOKEN_B: 404, REVOKED: 401, READ_ONLY: 403}


RULES = {
    ("GET", "/api/v1/model-versions"): public(),
    ("GET", "/api/v1/model-versions/{key}/{version}"): public(),
    ("GET", "/api/v1/national"): public(),
    ("GET", "/api/v1/organisations/{code}"): organisation_read(),
    ("GET", "/api/v1/organisations/{code}/rounds"): organisation_read(),
    ("GET", "/api/v1/organisations/{code}/rounds/{round_code}"): organisation_read(),
    ("GET", "/api/v1/organisations/{code}/rounds/{round_code}/results"): organisation_read(),
    ("GET", "/api/v1/organisations/{code}/rounds/{round_code}/ambition"): organisation_read(),
    ("GET", "/api/v1/organisations/{code}/action-plan"): organisation_read(),
    ("POST", "/api/v1/organisations/{code}/rounds/{round_code}/respondents"): organisation_write(),
}
# The API's URL patterns that are not operations: the schema, the docs and their files, the
# index, and the JSON 404 for every other address.
NOT_OPERATIONS = {"openapi-json", "openapi-view", "docs-asset", "api-root", "not-found"}

_addresses = itertools.count(1)


def operations(client) -> list[tuple[str, str]]:
    schema = client.get("/api/v1/openapi.json").json()
    return [(method.upper(), path) for path, ops in schema["paths"].items() for method in ops]


def api_url_names() -> set[str]:
    resolver = next(
        p for p in get_resolver().url_patterns
        if isinstance(p, URLResolver) and p.namespace == NAMESPACE
    )  # fmt: skip
    return {p.name for p in resolver.url_patterns}


@pytest.fixture
def world(org_a, org_b, model_version):
    round_a = make_round(org_a, model_version)
    for perspective in ("leadership", "procurement", "operations"):
        finished_respondents(round_a, perspective, 3)
    Action.objects.create(organisation=org_a, area_key="goals", description="Ta fram mål")
    make_round(org_b, model_version, name="Bergbys omgång")
    revoked, revoked_secret = make_token(org_a, name="Gammal")
    revoked.revoke()
    secrets = {
        NO_TOKEN: None,
        TOKEN_A: make_token(org_a, Scope.READ_WRITE)[1],
        TOKEN_B: make_token(org_b, Scope.READ_WRITE)[1],
        REVOKED: revoked_secret,
        READ_ONLY: make_token(org_a, Scope.READ)[1],
    }
    values = {
        "code": org_a.code,
        "round_code": round_a.code,
        "key": model_version.key,
        "version": model_version.version,
    }
    return secrets, values


def call(client, method: str, path: str, values: dict, secret: str | None):
    url = path.format(**values)
    headers = bearer(secret) if secret else {}
    if method == "GET":
        return client.get(url, **headers)
    body = {
        "respondents": [
            {
                "email": f"person{next(_addresses)}@alvstad.example",
                "perspective": "leadership",
                "language": "sv",
            }
        ]
    }
    return client.generic(method, url, json.dumps(body), "application/json", **headers)


def test_every_api_operation_has_a_rule(client):
    missing = sorted(set(operations(client)) - set(RULES))
    assert not missing, f"No access rule for {missing}: add it to RULES in {__file__}."
    stale = sorted(set(RULES) - set(operations(client)))
    assert not stale, f"RULES names operations the API no longer has: {stale}"


def test_the_api_has_no_address_outside_its_operations_and_docs(client):
    names = api_url_names() - NOT_OPERATIONS
    schema = client.get("/api/v1/openapi.json").json()
    operation_names = {op["operationId"] for ops in schema["paths"].values() for op in ops.values()}
    assert names <= operation_names, (
        f"API addresses without an operation: {names - operation_names}"
    )


def test_every_caller_gets_what_the_rules_allow_on_every_operation(world):
    secrets, values = world
    client = Client()
    wrong = []
    for method, path in operations(client):
        for caller in CALLERS:
            response = call(client, method, path, values, secrets[caller])
            expected = RULES[method, path][caller]
            if response.status_code != expected:
                wrong.append(
                    f"{method} {path} with {caller}: {response.status_code}, not {expected}"
                )
            elif expected >= 400:
                assert set(response.json()) == {"error"}, response.content
    assert not wrong, "\n".join(wrong)
