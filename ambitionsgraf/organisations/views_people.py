"""The organisation's people: an admin removes a colleague or a coach, makes one the other,
or withdraws an invitation or sends it again; anyone leaves. The list itself is on the overview.

Each view finds the organisation first (admins only, except for leaving), so an outsider gets
404 whatever they send. An organisation always keeps one admin (membership.py).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from . import membership as people
from .access import get_organisation
from .forms import RoleForm
from .invitations import send_again, withdraw
from .models import Role

PAGE_METHODS = ("GET", "HEAD", "POST")


def _people_url(organisation) -> str:
    """Back to the overview after a change, at its top: the message saying what was done is
    there, and a jump to the list (#people-heading) would scroll it out of sight."""
    return reverse("organisations:overview", args=[organisation.code])


@login_required
def remove_member(request, code, member_id):
    organisation = get_organisation(request, code, manage=True)
    if request.method not in PAGE_METHODS:
        return HttpResponseNotAllowed(PAGE_METHODS)
    member = get_object_or_404(organisation.memberships.select_related("user"), pk=member_id)
    if member.user_id == request.user.pk:
        return redirect("organisations:leave", organisation.code)
    name = member.user.name or member.user.email
    if request.method == "POST":
        # Never LastAdmin: the requester is another admin (end() checks it under the lock).
        people.end(member, request=request)
        if member.role == Role.COACH:
            text = _("%(name)s is no longer a coach of %(organisation)s.")
        else:
            text = _("%(name)s is no longer an admin of %(organisation)s.")
        messages.success(request, text % {"name": name, "organisation": organisation.name})
        return redirect(_people_url(organisation))
    return render(
        request,
        "organisations/remove_member.html",
        {
            "organisation": organisation,
            "member": member,
            "name": name,
            "coach": member.role == Role.COACH,
            "tokens": organisation.api_tokens.active().filter(created_by=member.user).count(),
        },
    )


@login_required
def switch_role(request, code, member_id):
    organisation = get_organisation(request, code, manage=True)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    member = get_object_or_404(organisation.memberships.select_related("user"), pk=member_id)
    if member.user_id == request.user.pk:  # not offered: an admin who steps down leaves
        raise Http404
    form = RoleForm(request.POST)
    if not form.is_valid():  # no button of the page sends this
        messages.error(request, _("Choose admin or coach."))
        return redirect(_people_url(organisation))
    role = Role(form.cleaned_data["role"])
    values = {"name": member.user.name or member.user.email, "organisation": organisation.name}
    if not people.give_role(member, role, request=request):
        messages.info(request, _("%(name)s had already been removed.") % values)
    elif role == Role.COACH:
        text = _("%(name)s is now a coach: they read and comment, and change nothing.")
        messages.success(request, text % values)
    else:
        messages.success(request, _("%(name)s is now an admin of %(organisation)s.") % values)
    return redirect(_people_url(organisation))


@login_required
def leave(request, code):
    organisation = get_organisation(request, code)
    if request.method not in PAGE_METHODS:
        return HttpResponseNotAllowed(PAGE_METHODS)
    mine = organisation.membership
    error = None
    if request.method == "POST":
        try:
            people.end(mine, request=request)
        except people.LastAdmin:
            error = _(
                "You are the only admin of %(organisation)s, so you cannot leave it. "
                "Invite another admin first."
            ) % {"organisation": organisation.name}
        else:
            messages.success(
                request, _("You have left %(organisation)s.") % {"organisation": organisation.name}
            )
            return redirect("organisations:home")
    return render(
        request,
        "organisations/leave.html",
        {
            "organisation": organisation,
            "coach": mine.role == Role.COACH,
            "only_admin": error is not None or people.is_only_admin(mine),
            "error": error,
            "errors_shown": bool(error),
        },
        status=400 if error else 200,
    )


@login_required
def withdraw_invitation(request, code, invitation_id):
    done = _("The invitation to %(email)s is withdrawn. The link in the e-mail no longer works.")
    return _on_invitation(request, code, invitation_id, withdraw, done)


@login_required
def resend_invitation(request, code, invitation_id):
    done = _(
        "A new invitation is sent to %(email)s. The link in the earlier e-mail no longer works."
    )
    return _on_invitation(request, code, invitation_id, send_again, done)


def _on_invitation(request, code, invitation_id, act, done: str):
    """Withdraw or send again an invitation not yet accepted (`act` says False when it was
    accepted meanwhile), then back to the list."""
    organisation = get_organisation(request, code, manage=True)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    invitation = get_object_or_404(organisation.invitations, pk=invitation_id)
    email = {"email": invitation.email}
    if act(invitation, request=request):
        messages.success(request, done % email)
    else:
        messages.info(
            request,
            _("%(email)s had already accepted the invitation. You can remove them in the list.")
            % email,
        )
    return redirect(_people_url(organisation))
