"""Ending or changing a membership: an admin removes a colleague or a coach, or someone
leaves; an admin makes a colleague a coach or a coach an admin.

The rule that holds it together: an organisation always keeps at least one admin, or no one
could manage it, invite anyone or delete it. The check and the deletion happen with the
organisation's row locked, so two admins who remove each other at the same moment cannot
leave it with none: the second finds the first gone and is refused.
"""

from django.db import transaction
from django.http import Http404

from ambitionsgraf.audit.log import Action, record
from ambitionsgraf.lib import mail

from .models import Membership, Organisation, Role


class LastAdmin(Exception):
    """The membership is the organisation's only admin."""


def is_only_admin(membership: Membership) -> bool:
    if membership.role != Role.ADMIN:
        return False
    admins = Membership.objects.filter(organisation_id=membership.organisation_id, role=Role.ADMIN)
    return not admins.exclude(pk=membership.pk).exists()


def end(membership: Membership, *, request) -> None:
    """Delete the membership and log it: as leaving when it is the requester's own, as a
    removal by the requester (who must still be an admin) otherwise. Raises LastAdmin, and
    changes nothing, when it is the organisation's only admin."""
    leaving = membership.user_id == request.user.pk
    with transaction.atomic():
        _lock(membership, request, by_admin=not leaving)
        if not Membership.objects.filter(pk=membership.pk).exists():
            return  # gone already: the same request twice, or a colleague was quicker
        if is_only_admin(membership):
            raise LastAdmin
        membership.delete()
        record(
            Action.MEMBER_LEFT if leaving else Action.MEMBER_REMOVED,
            request=request,
            organisation=membership.organisation,
            subject=membership.user.email,
            role=membership.role,
        )
    if not leaving:
        _tell(membership, "membership_ended", by=request.user)


def give_role(membership: Membership, role: Role, *, request) -> bool:
    """Another admin makes an admin a coach or a coach an admin, and the person is told. The
    role is the one asked for, not "the other one", so a form sent twice changes it once.
    Never the last admin: the requester is another admin, checked under the lock. False when
    the person was removed a moment ago."""
    with transaction.atomic():
        _lock(membership, request, by_admin=True)
        current = Membership.objects.filter(pk=membership.pk).first()
        if current is None:
            return False
        if current.role == role:
            return True  # given already: a double click, or a colleague was quicker
        membership.role = role
        membership.save(update_fields=["role"])
        record(
            Action.ROLE_CHANGED,
            request=request,
            organisation=membership.organisation,
            subject=membership.user.email,
            role=membership.role,
        )
    _tell(membership, "role_changed", by=request.user)
    return True


def _lock(membership: Membership, request, *, by_admin: bool) -> None:
    """Lock the organisation's row for the rest of the transaction; with `by_admin`, the
    requester must still be one of its admins (a colleague may have removed them a moment
    ago), or it is not found."""
    list(Organisation.objects.select_for_update().filter(pk=membership.organisation_id))
    if (
        by_admin
        and not Membership.objects.filter(
            organisation_id=membership.organisation_id, user=request.user, role=Role.ADMIN
        ).exists()
    ):
        raise Http404


def _tell(membership: Membership, mail_name: str, *, by) -> None:
    """The person hears of a change to their access from us, in their language, not by
    finding the pages closed or changed; `by` is the admin who made it."""
    user = membership.user
    mail.send(
        mail_name,
        to=user.email,
        language=user.language,
        context={
            "organisation": membership.organisation,
            "by": by.name or by.email,
            "coach": membership.role == Role.COACH,
        },
    )
