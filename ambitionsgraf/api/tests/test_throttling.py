"""Rate limits: per address without a token, per token with one; 429 with Retry-After."""

import threading

import pytest
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.test import RequestFactory

from ambitionsgraf.api.testing import bearer
from ambitionsgraf.api.throttling import AnonymousThrottle
from ambitionsgraf.lib import limits
from ambitionsgraf.lib.testing import at_the_same_moment, needs_concurrent_writers


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


def test_a_forwarded_for_header_does_not_escape_the_limit(client, model_version, low_limits):
    """Any client can write X-Forwarded-For: without proxies configured (NUM_PROXIES), the
    connection's address is counted, whatever the header says."""
    statuses = [
        client.get("/api/v1/model-versions", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}").status_code
        for n in range(4)
    ]

    assert statuses == [200, 200, 200, 429]


def test_behind_a_proxy_the_address_it_forwards_is_counted(
    client, model_version, low_limits, settings
):
    settings.NINJA_NUM_PROXIES = 1

    def get(address):
        return client.get("/api/v1/model-versions", HTTP_X_FORWARDED_FOR=address).status_code

    assert [get("10.0.0.1") for _ in range(4)] == [200, 200, 200, 429]
    assert get("spoofed, 10.0.0.2") == 200  # the proxy's own entry is the last one


@pytest.mark.parametrize(
    "path", ["/open-data/ambitionsgraf-national.csv", "/open-data/ambitionsgraf-national.json"]
)
def test_the_open_data_files_count_with_the_apis_requests_without_a_token(
    client, model_version, low_limits, path
):
    """Each file is made from every round of the country, as the API's /national is: they share
    one limit per address."""
    assert client.get("/api/v1/national").status_code == 200
    assert [client.get(path).status_code for _ in range(3)] == [200, 200, 429]

    refused = client.get(path, HTTP_ACCEPT_LANGUAGE="sv")
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert refused["Content-Type"] == "text/plain; charset=utf-8"
    assert refused.content.decode().startswith("För många förfrågningar")
    english = client.get("/en" + path).content.decode()
    assert english.startswith("Too many requests from your address. Try again in")


def test_an_ipv6_client_counts_as_its_64_network(client, model_version, low_limits):
    """One home or office has a whole /64: a new address from it for each request must not
    count afresh."""

    def get(address):
        return client.get("/api/v1/model-versions", REMOTE_ADDR=address).status_code

    same_network = [get(f"2001:db8:1:2::{n:x}") for n in range(1, 5)]
    assert same_network == [200, 200, 200, 429]
    assert get("2001:db8:1:3::1") == 200  # the next /64 is another client
    assert get("198.51.100.7") == 200


@pytest.mark.django_db(transaction=True)
def test_one_throttle_serving_two_threads_counts_each_client_under_its_own_key(monkeypatch):
    """django-ninja keeps one throttle per process for every request; in a threaded server two
    requests at once must not write one client's count under the other's key."""
    needs_concurrent_writers()
    shared = AnonymousThrottle()
    both_have_read = threading.Barrier(2, timeout=10)
    read = DatabaseCache.get

    def get_then_wait(cache, key, default=None, version=None):
        value = read(cache, key, default, version)
        both_have_read.wait()  # each request has its key and history; now both write
        return value

    # On the class: each thread has a cache object of its own.
    monkeypatch.setattr(DatabaseCache, "get", get_then_wait)
    factory = RequestFactory()
    addresses = ("198.51.100.1", "198.51.100.2")

    def ask(address):
        def job():
            request = factory.get("/api/v1/model-versions", REMOTE_ADDR=address)
            request.auth = None
            shared.allow_request(request)

        return job

    errors = at_the_same_moment(*[ask(address) for address in addresses])
    monkeypatch.undo()

    assert errors == []
    for address in addresses:
        history = caches[limits.CACHE].get(limits.key("api_anonymous", address), [])
        assert len(history) == 1, f"{address} has {len(history)} counts"
