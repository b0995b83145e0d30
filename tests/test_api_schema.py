"""The API against its own OpenAPI schema (schemathesis): every operation, called with generated
parameters and bodies, with a read-and-write token of a seeded organisation and without one.
No response may be a server error, and each must match the schema: a documented status code,
the documented content type and a body of the documented shape.

The path codes are set to the seeded organisation's, so the generated calls reach real rounds,
results and plans instead of stopping at 404. A few examples per operation keep the run short.
"""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from ambitionsgraf.api.models import Scope
from ambitionsgraf.api.testing import make_token
from ambitionsgraf.conftest import finished_respondents, make_admin, make_organisation, make_round
from ambitionsgraf.maturity.loader import load_directory
from ambitionsgraf.maturity.models import ModelVersion
from ambitionsgraf.plans.models import Action
from ambitionsgraf.rounds.models import Ambition
from ambitionsgraf.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def _keep_the_test_connection():
    """The WSGI app runs in the test's own thread and transaction. Django closes a connection
    inside a transaction at the end of each request; its test client stops that, and so must
    these calls, or PostgreSQL loses the test's transaction."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def seeded(db, settings, _keep_the_test_connection):
    """An organisation with a closed round with results and an ambition, an open round, an
    action plan; its token; and no rate limit in the way."""
    load_directory()
    model_version = ModelVersion.objects.current()
    settings.API_RATE_LIMITS = {"anonymous": "100000/min", "token": "100000/min"}
    organisation = make_organisation("Exempla kommun")
    make_admin(organisation, "admin@exempla.example")
    closed = make_round(organisation, model_version, name="Skattning 2025")
    for perspective, level in (("leadership", 4), ("procurement", 2), ("operations", 3)):
        finished_respondents(closed, perspective, 3, level=level)
    Ambition.objects.create(round=closed, area=model_version.areas.first(), target=4)
    closed.close()
    open_round = make_round(organisation, model_version, name="Skattning 2026")
    finished_respondents(open_round, "leadership", 2)
    Action.objects.create(organisation=organisation, area_key="goals", description="Mål")
    _token, secret = make_token(organisation, Scope.READ_WRITE)
    return {
        "code": organisation.code,
        "round_code": open_round.code,
        "key": model_version.key,
        "version": model_version.version,
        "secret": secret,
    }


@pytest.mark.parametrize("with_token", [True, False], ids=["token", "no token"])
@schema.parametrize()
@settings(
    max_examples=8,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_keeps_to_the_schema(case, seeded, with_token):
    for name in case.path_parameters or {}:
        if name in seeded:
            case.path_parameters[name] = seeded[name]
    headers = {"Authorization": f"Bearer {seeded['secret']}"} if with_token else {}
    case.call_and_validate(headers=headers, checks=CHECKS)
