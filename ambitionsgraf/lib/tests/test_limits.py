"""The rate limits' counts (lib.limits): kept in the database, where every server process reads
the same counts, under a hash of the identity, and deleted once their time has passed."""

import datetime as dt
import io

import pytest
from django.conf import settings
from django.core.cache.backends.db import DatabaseCache
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory
from django.utils import timezone

from ambitionsgraf.lib import limits
from ambitionsgraf.lib.testing import COUNT_QUERIES, at_the_same_moment, needs_concurrent_writers

pytestmark = pytest.mark.django_db

ADDRESS = "198.51.100.23"


def request(address: str = ADDRESS):
    return RequestFactory().post("/", REMOTE_ADDR=address)


def stored() -> list[tuple[str, str]]:
    table = connection.ops.quote_name(settings.CACHES[limits.CACHE]["LOCATION"])
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT cache_key, value FROM {table}")
        return cursor.fetchall()


def other_process() -> DatabaseCache:
    """A cache of its own, as another server process would have: nothing shared in memory."""
    config = settings.CACHES[limits.CACHE]
    return DatabaseCache(config["LOCATION"], {"OPTIONS": config.get("OPTIONS", {})})


def test_a_count_is_kept_in_the_database_that_every_process_shares():
    assert limits.per_client(request(), "signup", "2/hour").allow_request(request())

    class Elsewhere(limits.Limit):
        cache = other_process()

    elsewhere = Elsewhere("signup", ADDRESS, "2/hour")
    assert elsewhere.allow_request(request())
    assert not elsewhere.allow_request(request())  # the first count, made "in another process"
    assert len(stored()) == 1


def test_the_stored_key_holds_a_hash_and_not_the_address_or_e_mail():
    limits.per_client(request(), "quick_check", "20/hour").allow_request(request())
    limits.Limit("password_reset_email", "karin.holm@alvstad.example", "5/hour").allow_request(
        request()
    )

    keys = " ".join(key for key, _value in stored())
    assert len(stored()) == 2
    assert ADDRESS not in keys
    assert "alvstad" not in keys and "karin" not in keys


def test_keys_differ_by_scope_and_identity_and_are_stable():
    assert limits.key("signup", ADDRESS) == limits.key("signup", ADDRESS)
    assert limits.key("signup", ADDRESS) != limits.key("quick_check", ADDRESS)
    assert limits.key("signup", ADDRESS) != limits.key("signup", "198.51.100.24")


def test_counting_one_request_takes_the_queries_the_budgets_allow(django_assert_num_queries):
    limit = limits.per_client(request(), "signup", "10/hour")
    with django_assert_num_queries(COUNT_QUERIES):
        limit.allow_request(request())


def test_the_daily_job_deletes_the_counts_whose_time_has_passed(monkeypatch):
    limits.per_client(request(), "signup", "10/hour").allow_request(request())
    limits.per_client(request("198.51.100.24"), "signup", "10/min").allow_request(request())

    out = io.StringIO()
    call_command("run_scheduled", stdout=out)
    assert "rate-limit" not in out.getvalue()  # both still counting
    assert len(stored()) == 2

    start = timezone.now()
    monkeypatch.setattr(timezone, "now", lambda: start + dt.timedelta(minutes=5))
    call_command("run_scheduled", stdout=out)
    assert "Deleted 1 expired rate-limit count(s)" in out.getvalue()
    assert len(stored()) == 1

    monkeypatch.setattr(timezone, "now", lambda: start + dt.timedelta(hours=2))
    assert limits.forget_expired() == 1
    assert stored() == []


def test_another_kind_of_cache_has_nothing_to_forget(settings):
    settings.CACHES = {
        **settings.CACHES,
        limits.CACHE: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    assert limits.forget_expired() == 0


def at_once(how_many: int, ident: str, rate: str) -> list[bool]:
    """``how_many`` requests of one client counted at the same moment; whether each passed."""
    allowed = []

    def ask():
        allowed.append(limits.Limit("signup", ident, rate).allow_request(request()))

    assert at_the_same_moment(*[ask] * how_many) == []
    return allowed


@pytest.mark.django_db(transaction=True)
def test_requests_at_the_same_moment_take_no_more_places_than_the_limit_has():
    """Twelve requests from one client at once, against a limit of three: three pass. Counted
    by reading, adding and writing back, eleven of twelve passed."""
    needs_concurrent_writers()
    for attempt in range(5):
        allowed = at_once(12, f"198.51.100.{attempt}", "3/hour")
        assert allowed.count(True) == 3, f"attempt {attempt + 1}: {allowed.count(True)} passed"
