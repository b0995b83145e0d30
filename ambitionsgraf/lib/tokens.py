"""Secret links: the token goes in the e-mail, only its hash is stored."""

import hashlib
import secrets


def new_token() -> str:
    return secrets.token_urlsafe(24)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_code() -> str:
    """A short opaque code for URLs of organisations and rounds (not a secret)."""
    return secrets.token_urlsafe(8).replace("-", "x").replace("_", "y")
