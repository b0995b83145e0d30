"""Rate limits: per address without a token, per token with one; 429 with Retry-After."""

import pytest

from ambitionsgraf.api.testing import bearer


@pytest.fixture
def low_limits(settings):
    settings.API_RATE_LIMITS = {"anonymous": "3/min", "token": "2/min"}


def test_anonymous_requests_over_the_limit_get_429_with_retry_after(
    client, model_version, low_limits
):
    statuses = [client.get("/api/v1/model-versions").status_code for _ in range(4)]

    assert statuses == [200, 200, 200, 429]
    response = client.get("/api/v1/model-versions")
    assert response.json()["error"]["code"] == "rate_limited"
    assert 1 <= int(response["Retry-After"]) <= 60


def test_each_token_has_its_own_count(client, org_a, token_a, read_token_a, low_limits):
    path = f"/api/v1/organisations/{org_a.code}"
    first = [client.get(path, **bearer(token_a[1])).status_code for _ in range(3)]
    other = client.get(path, **bearer(read_token_a[1])).status_code

    assert first == [200, 200, 429]
    assert other == 200
    assert client.get("/api/v1/model-versions").status_code == 200  # the address is not counted


def test_attempts_with_wrong_tokens_count_as_anonymous(client, org_a, low_limits):
    path = f"/api/v1/organisations/{org_a.code}"
    statuses = [
        client.get(path, HTTP_AUTHORIZATION=f"Bearer ag_guess{n}").status_code for n in range(4)
    ]

    assert statuses == [401, 401, 401, 429]


def test_the_defaults_apply_without_the_setting(client, model_version):
    statuses = {client.get("/api/v1/model-versions").status_code for _ in range(20)}

    assert statuses == {200}
