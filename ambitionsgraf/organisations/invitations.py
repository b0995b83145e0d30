"""Inviting someone to be an admin or a coach of an organisation: by one of its admins, from
the organisation's pages, or by the operator (`manage.py invite_organisation_admin`) when no
admin can, as when someone else registered the organisation first."""

from django.db import transaction
from django.urls import reverse
from django.utils import translation

from ambitionsgraf.audit.log import Action, record
from ambitionsgraf.lib import mail
from ambitionsgraf.lib.tokens import new_token, token_hash

from .models import Invitation, Role

MAILS = {Role.ADMIN: "admin_invitation", Role.COACH: "coach_invitation"}


def send_invitation(
    organisation, *, email, role, language, inviter, request=None, actor_label=""
) -> str:
    """Make the invitation and its log row together, then e-mail the link; returns the link's
    path. `inviter` is named in the e-mail: the admin who invites, or the operator's name."""
    token = new_token()
    with transaction.atomic():
        invitation = Invitation.objects.create(
            organisation=organisation,
            email=email,
            role=role,
            token_hash=token_hash(token),
            invited_by=request.user if request is not None else None,
        )
        record(
            Action.INVITATION_SENT,
            request=request,
            actor_label=actor_label,
            organisation=organisation,
            subject=invitation.email,
            role=role,
        )
    with translation.override(language):
        link = reverse("organisations:accept_invitation", args=[token])
    mail.send(
        MAILS[role],
        to=invitation.email,
        language=language,
        context={"organisation": organisation, "inviter": inviter, "link": link},
    )
    return link
