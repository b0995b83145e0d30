"""An admin revokes a respondent's personal link, or sends a new one.

Tokens are stored only as hashes. Revoking stores the hash of a fresh random token that is
never shown to anyone, so the old link dies and no new one exists until the admin sends one.
Sending a new link issues a token, mails it and clears the revocation. Answers belong to the
respondent, not to the link, so neither loses anything.
"""

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ambitionsgraf.audit.log import Action, record
from ambitionsgraf.lib.tokens import new_token, token_hash

from . import emails
from .models import Respondent, Round

logger = logging.getLogger(__name__)


class LinkRefused(Exception):
    """The link cannot be changed: the round is closed, or the address is erased."""


def refusal(round_: Round, respondent: Respondent) -> str | None:
    """Why an admin cannot revoke or send this respondent's link now, or None if they can."""
    if not round_.is_open or round_.is_due():
        return _("The round is closed. Personal links can no longer be changed.")
    if not respondent.email:
        return _("This respondent has erased their e-mail address, so no link can be sent to them.")
    return None


def _locked(respondent: Respondent) -> Respondent:
    """The respondent and their round, locked, after checking the link may change."""
    round_ = Round.objects.select_for_update().select_related("organisation")
    round_ = round_.get(pk=respondent.round_id)
    locked = Respondent.objects.select_for_update().get(pk=respondent.pk)
    locked.round = round_
    reason = refusal(round_, locked)
    if reason:
        raise LinkRefused(reason)
    return locked


def revoke(*, respondent: Respondent, request=None) -> bool:
    """Kill the respondent's link; False (changing nothing) if it was already revoked.

    Raises LinkRefused, changing nothing, for a closed round or an erased address."""
    with transaction.atomic():
        locked = _locked(respondent)
        if locked.link_revoked_at is not None:
            return False
        locked.token_hash = token_hash(new_token())  # the token itself is thrown away
        locked.link_revoked_at = timezone.now()
        locked.save(update_fields=["token_hash", "link_revoked_at"])
        record(
            Action.RESPONDENT_LINK_REVOKED,
            request=request,
            organisation=locked.round.organisation,
            subject=locked.round.name,
            perspective=locked.perspective,  # never the address
        )
    respondent.token_hash, respondent.link_revoked_at = locked.token_hash, locked.link_revoked_at
    return True


def resend(*, respondent: Respondent, request=None) -> None:
    """Give the respondent a new link, mailed once saved; the one in earlier e-mails dies.

    Raises LinkRefused, changing nothing, for a closed round or an erased address."""
    with transaction.atomic():
        locked = _locked(respondent)
        token = new_token()
        locked.token_hash = token_hash(token)
        locked.link_revoked_at = None
        locked.save(update_fields=["token_hash", "link_revoked_at"])
        record(
            Action.RESPONDENT_LINK_RESENT,
            request=request,
            organisation=locked.round.organisation,
            subject=locked.round.name,
            perspective=locked.perspective,  # never the address
        )

        def send():
            try:
                emails.send_new_link(locked, token)
            except Exception:  # the change stands; the admin can send again
                logger.exception("The new link to respondent %s could not be sent", locked.pk)

        transaction.on_commit(send)
    respondent.token_hash, respondent.link_revoked_at = locked.token_hash, None
