"""Write to the audit log: `record(Action.ROUND_CLOSED, request=request, organisation=org,
subject=round_.name)`. Call it after the change has been made, inside the same transaction
when there is one, so a change and its log row land together or not at all."""

from .models import Action, Event

__all__ = ["Action", "record"]

SIGN_IN_ACTIONS = {Action.SIGNED_IN, Action.SIGN_IN_FAILED, Action.RECOVERY_CODE_USED}


def record(
    action: Action,
    *,
    request=None,
    actor=None,
    actor_label: str = "",
    organisation=None,
    subject: str = "",
    **details,
) -> Event:
    """Add one event. The actor is the signed-in user of `request` unless given; a request's
    address is kept only for sign-in events, where it helps tell an attack from a typo."""
    if actor is None and request is not None and request.user.is_authenticated:
        actor = request.user
    if actor is not None and not actor_label:
        actor_label = actor.email
    ip = None
    if request is not None and action in SIGN_IN_ACTIONS:
        ip = request.META.get("REMOTE_ADDR") or None
    return Event.objects.create(
        action=action,
        actor=actor,
        actor_label=actor_label[:254],
        organisation=organisation,
        organisation_label=organisation.name if organisation is not None else "",
        subject=str(subject)[:300],
        details=details,
        ip_address=ip,
    )
