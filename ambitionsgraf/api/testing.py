"""Helpers for tests that call the API: a token and the header that carries it."""

from .models import ApiToken, Scope


def make_token(organisation, scope: str = Scope.READ_WRITE, name: str = "Testprogram"):
    """A saved token of `organisation` and its secret."""
    return ApiToken.issue(organisation=organisation, name=name, scope=scope)


def bearer(secret: str) -> dict:
    """The keyword argument a Django test client request needs to send the token."""
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
