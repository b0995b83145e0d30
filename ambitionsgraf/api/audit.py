"""The audit log's events for API tokens: the token's name as subject, its scope and prefix
as details (never the secret)."""

from ambitionsgraf.audit.log import Action, record

CREATED, REVOKED = "API_TOKEN_CREATED", "API_TOKEN_REVOKED"


def record_token(which: str, *, request, token) -> None:
    record(
        getattr(Action, which),
        request=request,
        organisation=token.organisation,
        subject=token.name,
        scope=token.scope,
        prefix=token.prefix,
    )
