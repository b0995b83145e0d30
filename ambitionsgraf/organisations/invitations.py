"""Inviting someone to be an admin or a coach of an organisation: by one of its admins, from
the organisation's pages, or by the operator (`manage.py invite_organisation_admin`) when no
admin can, as when someone else registered the organisation first. An admin can send an
invitation not yet accepted again (a new link, valid for INVITATION_VALID_DAYS from now; the
old one stops working) or withdraw it."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from ambitionsgraf.audit.log import Action, record
from ambitionsgraf.lib import mail
from ambitionsgraf.lib.tokens import new_token, token_hash

from .models import Invitation, Role

MAILS = {Role.ADMIN: "admin_invitation", Role.COACH: "coach_invitation"}


def send_invitation(
    organisation, *, email, role, language, inviter, request=None, actor_label=""
) -> str:
    """Make the invitation and its log row together, then e-mail the link; returns the link's
    path. `inviter` is named in the e-mail: the admin who invites, or the operator's name.

    An address has at most one invitation waiting: one sent to it before and not accepted is
    replaced (its link stops working), so the latest role and language count and the list
    shows the address once."""
    token = new_token()
    with transaction.atomic():
        organisation.invitations.filter(email__iexact=email, accepted_at__isnull=True).delete()
        invitation = Invitation.objects.create(
            organisation=organisation,
            email=email,
            role=role,
            language=language,
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
    return _mail(invitation, token, inviter)


def send_again(invitation, *, request) -> bool:
    """A new link for an invitation not yet accepted, in the language it was first sent in;
    False when it was accepted meanwhile (nothing changes then)."""
    token = new_token()
    with transaction.atomic():
        sent = Invitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True).update(
            token_hash=token_hash(token), created_at=timezone.now(), invited_by=request.user
        )
        if sent:
            record(
                Action.INVITATION_SENT,
                request=request,
                organisation=invitation.organisation,
                subject=invitation.email,
                role=invitation.role,
                again=True,
            )
    if sent:
        _mail(invitation, token, request.user)
    return bool(sent)


def _mail(invitation, token: str, inviter) -> str:
    with translation.override(invitation.language):
        link = reverse("organisations:accept_invitation", args=[token])
    mail.send(
        MAILS[Role(invitation.role)],
        to=invitation.email,
        language=invitation.language,
        context={
            "organisation": invitation.organisation,
            "inviter": inviter,
            "link": link,
            "days": settings.INVITATION_VALID_DAYS,
        },
    )
    return link


def withdraw(invitation, *, request) -> bool:
    """Delete an invitation not yet accepted, so its link stops working; False when it was
    accepted meanwhile (nothing changes then)."""
    with transaction.atomic():
        deleted, _rows = Invitation.objects.filter(
            pk=invitation.pk, accepted_at__isnull=True
        ).delete()
        if deleted:
            record(
                Action.INVITATION_WITHDRAWN,
                request=request,
                organisation=invitation.organisation,
                subject=invitation.email,
                role=invitation.role,
            )
    return bool(deleted)
