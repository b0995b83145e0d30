"""Counting a kind of request against a limit, per client address or another key, for the
public forms that send e-mail or write to the database (django-ninja's throttling, as the
API's rate limits; the counts live in Django's cache, per process unless it is shared)."""

import math

from ninja.throttling import SimpleRateThrottle

from . import client


class Limit(SimpleRateThrottle):
    """``rate`` ("5/hour") of ``scope`` for ``ident``; ``allow_request`` counts one more."""

    cache_format = "limit_%(scope)s_%(ident)s"

    def __init__(self, scope: str, ident: str, rate: str):
        self.scope, self.ident = scope, ident
        super().__init__(rate=rate)

    def get_cache_key(self, request) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.ident}

    def minutes_to_wait(self) -> int:
        """Whole minutes until one more is allowed, at least one."""
        return max(1, math.ceil((self.wait() or 60) / 60))


def per_client(request, scope: str, rate: str) -> Limit:
    """The limit of ``scope`` for the request's client address (``client.address``)."""
    return Limit(scope, client.address(request) or "unknown", rate)
