"""Response declarations: every operation documents its errors with the one error body."""

from ..errors import ErrorBody

PUBLIC_ERRORS = (422, 429)
TOKEN_ERRORS = (401, 404, 422, 429)


def responses(ok: dict, errors=PUBLIC_ERRORS) -> dict:
    """`ok` maps the success status to its schema, e.g. {200: RoundOut}."""
    return {**ok, **dict.fromkeys(errors, ErrorBody)}


# Codes and keys in paths: letters, digits, - and _ (anything else is 422, never a query).
CODE_PATTERN = r"^[-A-Za-z0-9_]{1,64}$"
MAX_VERSION = 2**31 - 1
