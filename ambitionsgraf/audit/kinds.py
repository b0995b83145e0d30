"""The kinds of events an admin can filter the log by, and which events belong to an
organisation's log."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Action, Event

# Sign-in events are about a person, not an organisation: they are stored without one and shown
# in the log of each organisation the person is a member of now.
SIGN_IN = (
    Action.SIGNED_IN,
    Action.SIGN_IN_FAILED,
    Action.SIGNED_OUT_EVERYWHERE,
    Action.TWO_FACTOR_ENABLED,
    Action.TWO_FACTOR_DISABLED,
    Action.RECOVERY_CODE_USED,
)

KINDS = {
    "sign_ins": (_("Sign-ins"), SIGN_IN),
    "access": (
        _("Invitations and access"),
        (
            Action.INVITATION_SENT,
            Action.INVITATION_ACCEPTED,
            Action.INVITATION_WITHDRAWN,
            Action.MEMBER_REMOVED,
            Action.MEMBER_LEFT,
            Action.ROLE_CHANGED,
            Action.SETTINGS_CHANGED,
            Action.API_TOKEN_CREATED,
            Action.API_TOKEN_REVOKED,
        ),
    ),
    "rounds": (
        _("Rounds and respondents"),
        (
            Action.ROUND_OPENED,
            Action.ROUND_CLOSED,
            Action.RESPONDENTS_INVITED,
            Action.RESPONDENTS_REMINDED,
            Action.RESPONDENT_LINK_REVOKED,
            Action.RESPONDENT_LINK_RESENT,
            Action.RESPONDENT_ERASED,
            Action.RESPONDENTS_ANONYMISED,
        ),
    ),
    "plan": (
        _("Ambition and action plan"),
        (
            Action.AMBITION_CHANGED,
            Action.ACTION_ADDED,
            Action.ACTION_CHANGED,
            Action.ACTION_DROPPED,
            Action.AGREED_LEVEL_CHANGED,
        ),
    ),
    "data": (
        _("Exports and data"),
        (
            Action.EXPORT_DOWNLOADED,
            Action.DATA_EXPORTED,
            Action.CONSENT_CHANGED,
            Action.ORGANISATION_DELETED,
        ),
    ),
}


def kind_choices() -> list[tuple[str, str]]:
    return [(key, label) for key, (label, _actions) in KINDS.items()]


def organisation_events(organisation, kind: str = ""):
    """The events of the organisation's log, newest first: its own, and the sign-in events of
    the people who are its members now. `kind` is a key of KINDS, or "" for all."""
    members = organisation.memberships.values("user_id")
    where = Q(organisation=organisation) | Q(
        organisation__isnull=True, action__in=SIGN_IN, actor__in=members
    )
    events = Event.objects.filter(where)
    if kind:
        events = events.filter(action__in=KINDS[kind][1])
    return events.order_by("-at", "-pk")
