"""Token authentication: `Authorization: Bearer ag_...`. Every organisation operation then
finds its organisation through `organisation_of`, so a token only ever reaches its own
organisation: any other organisation's code gives 404, the same as the pages give outsiders."""

from django.http import Http404
from ninja.security.http import HttpBearer

from .errors import ApiError, RevokedToken
from .models import ApiToken
from .throttling import AnonymousThrottle


class TokenAuth(HttpBearer):
    def __call__(self, request):
        header = request.headers.get(self.header, "")
        scheme, _space, secret = header.partition(" ")
        if scheme.lower() != self.openapi_scheme or not secret.strip():
            return self._refuse(request)
        return self.authenticate(request, secret.strip())

    def authenticate(self, request, token):
        found = ApiToken.find(token)
        if found is None:
            return self._refuse(request)
        if found.is_revoked:
            self._refuse(request)
            raise RevokedToken
        found.record_use()
        return found

    def _refuse(self, request):
        """A request without a valid token counts as anonymous for the rate limit, so guessing
        tokens is throttled like any anonymous use (429 over the limit); then it gets 401."""
        AnonymousThrottle().check(request)
        return None


def organisation_of(request, code: str):
    """The token's organisation if `code` is its code; 404 otherwise."""
    token: ApiToken = request.auth
    if token.organisation.code != code:
        raise Http404
    return token.organisation


def require_write(request) -> None:
    if not request.auth.can_write:
        raise ApiError(
            403,
            "read_only_token",
            "This token can only read. Make a token with read and write access to do this.",
        )
