"""A sign-in waiting for its second step: the password was right, the code is still to come.

Only the user's id, the backend that accepted the password, where they were going and a deadline
are kept in the session, for five minutes. The step is refused if the password changed or the
account was signed out everywhere in the meantime.
"""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from .models import User

SESSION_KEY = "accounts_pending_sign_in"
LIFETIME = dt.timedelta(minutes=5)


class Expired(Exception):
    """The pending sign-in is too old or no longer valid; sign in again from the password."""

    def __init__(self, next_url: str):
        super().__init__(next_url)
        self.next_url = next_url


@dataclass(frozen=True)
class PendingSignIn:
    user: User
    backend: str
    next_url: str


def start(request, user, next_url: str) -> None:
    request.session[SESSION_KEY] = {
        "user": user.pk,
        "backend": user.backend,
        "next": next_url,
        "until": (timezone.now() + LIFETIME).timestamp(),
        "hash": user.get_session_auth_hash(),
    }


def clear(request) -> None:
    request.session.pop(SESSION_KEY, None)


def load(request) -> PendingSignIn | None:
    """The pending sign-in of this session; None if there is none; `Expired` if it is stale."""
    data = request.session.get(SESSION_KEY)
    if not data:
        return None
    user = User.objects.filter(pk=data["user"], is_active=True).first()
    if (
        timezone.now().timestamp() > data["until"]
        or user is None
        or user.get_session_auth_hash() != data["hash"]
    ):
        clear(request)
        raise Expired(data["next"])
    return PendingSignIn(user=user, backend=data["backend"], next_url=data["next"])
