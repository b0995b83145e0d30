"""Write to the audit log: `record(Action.ROUND_CLOSED, request=request, organisation=org,
subject=round_.name)`. Call it after the change has been made, inside the same transaction
when there is one, so a change and its log row land together or not at all.

`details` are plain JSON values (strings, numbers, lists, dicts) that the log page turns into
words in the reader's language (see `describe.py`). Never put a respondent's e-mail address or
answers in them.
"""

from ambitionsgraf.lib import client

from .models import Action, Event

__all__ = ["Action", "area_ref", "new_event", "record", "record_all"]

SIGN_IN_ACTIONS = {Action.SIGNED_IN, Action.SIGN_IN_FAILED, Action.RECOVERY_CODE_USED}


def new_event(
    action: Action,
    *,
    request=None,
    actor=None,
    actor_label: str = "",
    organisation=None,
    subject: str = "",
    **details,
) -> Event:
    """One event, not yet saved. The actor is the signed-in user of `request` unless given; a
    request's address is kept only for sign-in events, where it helps tell an attack from a
    typo."""
    if actor is None and request is not None and request.user.is_authenticated:
        actor = request.user
    if actor is not None and not actor_label:
        actor_label = actor.email
    ip = None
    if request is not None and action in SIGN_IN_ACTIONS:
        ip = client.address(request)
    return Event(
        action=action,
        actor=actor,
        actor_label=actor_label[:254],
        organisation=organisation,
        organisation_label=organisation.name if organisation is not None else "",
        subject=str(subject)[:300],
        details=details,
        ip_address=ip,
    )


def record(action: Action, **kwargs) -> Event:
    """Add one event (the arguments are those of `new_event`)."""
    event = new_event(action, **kwargs)
    event.save()
    return event


def record_all(events: list[Event]) -> None:
    """Add several events made by `new_event` in one query."""
    Event.objects.bulk_create(events)


def area_ref(area) -> dict:
    """An area as the log keeps it: its key and title in both languages, so the page can name
    it in the reader's language even after the model has moved on."""
    return {"key": area.key, "sv": area.title_sv, "en": area.title_en}
