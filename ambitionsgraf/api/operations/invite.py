"""Invite respondents to an open round (tokens with read and write access only).

The same service as the invite page (`rounds.services.invite_respondents`): each respondent
gets a personal link by e-mail once the invitations are saved, and the audit log records how
many were invited from which perspective, never the addresses.
"""

from collections import Counter

from django.db import IntegrityError, transaction
from ninja import Router
from ninja.responses import Status

from ambitionsgraf.audit.log import Action, record
from ambitionsgraf.rounds import services

from ..auth import organisation_of, require_write
from ..errors import ApiError
from ..invitations import check_invitees
from ..schemas import InviteIn, InviteOut
from .organisation import CodePath, _round
from .responses import responses

router = Router(tags=["Organisation"])


def actor_label(token) -> str:
    """Who the audit log says did it: the token, never the session of whoever is signed in."""
    return f"API: {token.name} ({token.prefix}…)"


@router.post(
    "/organisations/{code}/rounds/{round_code}/respondents",
    response=responses({201: InviteOut}, (400, 401, 403, 404, 409, 422, 429)),
    summary="Invite respondents to an open round",
)
def invite_respondents(
    request, payload: InviteIn, code: str = CodePath, round_code: str = CodePath
):
    """Each entry: an e-mail address, the perspective the person answers from, and the language
    of the e-mail and questionnaire. All or nothing: with any problem (422) no one is invited.
    A read-only token gets 403; a closed round 409."""
    organisation = organisation_of(request, code)
    round_ = _round(organisation, round_code)
    require_write(request)
    if not round_.is_open:
        raise ApiError(409, "round_closed", "The round is closed. No one more can be invited.")
    groups = check_invitees(round_, payload.respondents)
    per_perspective = Counter()
    try:
        with transaction.atomic():
            for (perspective, language), emails in groups.items():
                services.invite_respondents(
                    round=round_, emails_=emails, perspective=perspective, language=language
                )
                per_perspective[perspective] += len(emails)
            for perspective, count in per_perspective.items():
                record(
                    Action.RESPONDENTS_INVITED,
                    actor_label=actor_label(request.auth),
                    organisation=organisation,
                    subject=round_.name,
                    count=count,
                    perspective=perspective,
                )
    except IntegrityError:  # the same address invited by someone else at this very moment
        raise ApiError(
            409, "conflict", "Someone invited the same address just now. Try again."
        ) from None
    invited = [
        {"email": email, "perspective": perspective, "language": language}
        for (perspective, language), emails in groups.items()
        for email in emails
    ]
    return Status(201, {"round_code": round_.code, "count": len(invited), "invited": invited})
