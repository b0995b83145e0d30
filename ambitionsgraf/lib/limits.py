"""Counting a kind of request against a limit, per client address or another key: the API's
rate limits (``api.throttling``) and the public forms that send e-mail or write to the
database. The counting is django-ninja's throttling.

The counts live in the "limits" cache (settings.CACHES), which is Django's database cache by
default: every server process reads and writes the same counts, so four workers, or two
servers behind a balancer, allow what one would and not four times as much. The key of a
count holds the identity (an address, an e-mail address) only as a keyed hash, and the daily
job (``run_scheduled``) deletes the counts whose hour has passed.

A count is read, added to and written back as one step (``one_at_a_time``): requests of one
client that arrive together are counted one after another, so they cannot all take the last
place (on PostgreSQL a lock per key held to the end of a transaction; SQLite's transactions
here take its one write lock when they begin).
"""

import hashlib
import math
from contextlib import contextmanager

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from ninja.throttling import SimpleRateThrottle

from . import client

CACHE = "limits"


def key(scope: str, ident) -> str:
    """The cache key of ``scope``'s count for ``ident``, with the identity as a keyed hash:
    the table of counts holds no address, and every key has the same length."""
    digest = salted_hmac("ambitionsgraf.limits", str(ident), algorithm="sha256").hexdigest()
    return f"limit:{scope}:{digest}"


def _lock_id(cache_key: str) -> int:
    """The advisory lock's number for a key: 56 bits of a hash, within PostgreSQL's bigint."""
    return int.from_bytes(hashlib.blake2b(cache_key.encode(), digest_size=7).digest(), "big")


@contextmanager
def one_at_a_time(cache_key: str | None):
    """Within the block, no other request counts under ``cache_key``: a transaction on the
    counts' database, holding (on PostgreSQL) an advisory lock on the key until it ends."""
    counts = caches[CACHE]
    if cache_key is None or not isinstance(counts, DatabaseCache):
        yield
        return
    using = router.db_for_write(counts.cache_model_class)
    with transaction.atomic(using=using):
        connection = connections[using]
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_lock_id(cache_key)])
        yield


class SharedCounts:
    """Mixed into a ninja throttle: its counts are kept in the shared "limits" cache, and a
    request is counted while no other counts under the same key."""

    @property
    def cache(self):
        return caches[CACHE]

    def allow_request(self, request) -> bool:
        with one_at_a_time(self.get_cache_key(request)):
            return super().allow_request(request)


class Limit(SharedCounts, SimpleRateThrottle):
    """``rate`` ("5/hour") of ``scope`` for ``ident``; ``allow_request`` counts one more."""

    def __init__(self, scope: str, ident: str, rate: str):
        self.scope, self.ident = scope, ident
        super().__init__(rate=rate)

    def get_cache_key(self, request) -> str:
        return key(self.scope, self.ident)

    def minutes_to_wait(self) -> int:
        """Whole minutes until one more is allowed, at least one."""
        return max(1, math.ceil((self.wait() or 60) / 60))


def per_client(request, scope: str, rate: str) -> Limit:
    """The limit of ``scope`` for the request's client (``client.counted_as``)."""
    return Limit(scope, client.counted_as(request), rate)


def forget_expired() -> int:
    """Delete the counts whose time has passed (the database cache itself deletes them only
    when the table is full); returns how many. Nothing to do for another kind of cache."""
    counts = caches[CACHE]
    if not isinstance(counts, DatabaseCache):
        return 0
    connection = connections[router.db_for_write(counts.cache_model_class)]
    table = connection.ops.quote_name(settings.CACHES[CACHE]["LOCATION"])
    now = timezone.now().replace(microsecond=0)
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {table} WHERE expires < %s",
            [connection.ops.adapt_datetimefield_value(now)],
        )
        return cursor.rowcount
