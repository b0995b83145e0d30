"""Rate limits (django-ninja's throttling): per address for requests without a token, per token
for requests with one. Over the limit: 429 with a Retry-After header. The open data's files,
the same figures as the API's /national, count with the API's requests without a token
(``per_address``).

The rates are read on every request from settings.API_RATE_LIMITS, e.g.
{"anonymous": "60/min", "token": "600/min"}; without the setting the defaults below apply.
The counts are kept as ``lib.limits`` keeps them: in the database, shared by every server
process, under a hash of the address or token. The address is the connection's
unless settings.NINJA_NUM_PROXIES (the NUM_PROXIES variable) says how many proxies in front
add to X-Forwarded-For: a header any client can write is never trusted by default. An IPv6
address counts as its /64 network (``lib.client.counted_as``).
"""

import math
import threading
from functools import wraps

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext
from ninja.errors import Throttled
from ninja.throttling import SimpleRateThrottle

from ambitionsgraf.lib import client, limits

DEFAULT_RATES = {"anonymous": "60/min", "token": "600/min"}


def rate(scope: str) -> str:
    return {**DEFAULT_RATES, **getattr(settings, "API_RATE_LIMITS", {})}[scope]


class _SettingsRateThrottle(limits.SharedCounts, SimpleRateThrottle, threading.local):
    """django-ninja keeps one of each throttle for every request of a process, and a throttle
    keeps the request's key, history and time on itself while it counts. As a threading.local
    each thread has its own, so two requests at once in a threaded server cannot write one
    client's count under the other's key."""

    def __init__(self):
        super().__init__(rate=rate(self.scope))

    def allow_request(self, request) -> bool:
        self.rate = rate(self.scope)
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)

    def check(self, request) -> None:
        if not self.allow_request(request):
            raise Throttled(wait=self.wait())


class AnonymousThrottle(_SettingsRateThrottle):
    """Requests without a valid token, counted per address."""

    scope = "anonymous"

    def get_cache_key(self, request):
        if getattr(request, "auth", None) is not None:
            return None
        return limits.key(f"api_{self.scope}", client.counted_as(request))


class TokenThrottle(_SettingsRateThrottle):
    """Requests with a valid token, counted per token."""

    scope = "token"

    def get_cache_key(self, request):
        token = getattr(request, "auth", None)
        if token is None:
            return None
        return limits.key(f"api_{self.scope}", token.pk)


def per_address(view):
    """A plain view counted per address with the API's requests without a token, under the
    same limit: over it, 429 with Retry-After and a short message in the visitor's language."""

    @wraps(view)
    def counted(request, *args, **kwargs):
        throttle = AnonymousThrottle()
        if throttle.allow_request(request):
            return view(request, *args, **kwargs)
        seconds = max(1, math.ceil(throttle.wait() or 1))
        message = gettext(
            "Too many requests from your address. Try again in %(seconds)s seconds."
        ) % {"seconds": seconds}
        response = HttpResponse(message, status=429, content_type="text/plain; charset=utf-8")
        response["Retry-After"] = str(seconds)
        return response

    return counted
