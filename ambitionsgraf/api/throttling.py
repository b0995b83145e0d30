"""Rate limits (django-ninja's throttling): per address for requests without a token, per token
for requests with one. Over the limit: 429 with a Retry-After header.

The rates are read on every request from settings.API_RATE_LIMITS, e.g.
{"anonymous": "60/min", "token": "600/min"}; without the setting the defaults below apply.
The counts live in Django's default cache: with several server processes, give them a shared
cache (see docs/api.md), or each process counts on its own.
"""

from django.conf import settings
from ninja.errors import Throttled
from ninja.throttling import SimpleRateThrottle

DEFAULT_RATES = {"anonymous": "60/min", "token": "600/min"}


def rate(scope: str) -> str:
    return {**DEFAULT_RATES, **getattr(settings, "API_RATE_LIMITS", {})}[scope]


class _SettingsRateThrottle(SimpleRateThrottle):
    cache_format = "api_throttle_%(scope)s_%(ident)s"

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
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class TokenThrottle(_SettingsRateThrottle):
    """Requests with a valid token, counted per token."""

    scope = "token"

    def get_cache_key(self, request):
        token = getattr(request, "auth", None)
        if token is None:
            return None
        return self.cache_format % {"scope": self.scope, "ident": token.pk}
