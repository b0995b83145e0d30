from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ambitionsgraf.accounts.forms import AccountForm
from ambitionsgraf.audit.log import Action, record
from ambitionsgraf.lib.form_status import status_for
from ambitionsgraf.lib.tokens import token_hash
from ambitionsgraf.rounds.models import Round
from ambitionsgraf.rounds.participation import participation_of

from .access import get_organisation
from .forms import InvitationForm
from .invitations import send_invitation
from .models import Invitation, Membership, Role


@login_required
def home(request):
    memberships = list(request.user.memberships.select_related("organisation"))
    if len(memberships) == 1:
        return redirect("organisations:overview", memberships[0].organisation.code)
    return render(request, "organisations/home.html", {"memberships": memberships})


@login_required
def overview(request, code):
    organisation = get_organisation(request, code)
    organisation.rounds.close_due()
    rounds = organisation.rounds.select_related("model_version").annotate(
        invited=Count("respondents"),
        started=Count("respondents", filter=Q(respondents__started_at__isnull=False)),
        finished=Count("respondents", filter=Q(respondents__finished_at__isnull=False)),
    )
    # Meta.ordering does not apply to queries with GROUP BY; say it here.
    rounds = list(rounds.order_by("-created_at"))
    open_rounds = [r for r in rounds if r.status == Round.Status.OPEN]
    if organisation.can_manage and open_rounds:  # per perspective: admins only
        counts = participation_of(open_rounds)
        for round_ in open_rounds:
            round_.participation = counts[round_.pk]
    members = list(organisation.memberships.select_related("user").order_by("user__email"))
    pending = []
    if organisation.can_manage:
        pending = list(organisation.invitations.filter(accepted_at__isnull=True))
    return render(
        request,
        "organisations/overview.html",
        {
            "organisation": organisation,
            "open_rounds": open_rounds,
            "closed_rounds": [r for r in rounds if r.status == Round.Status.CLOSED],
            "last_round": rounds[0] if rounds else None,
            "admins": [m for m in members if m.role == Role.ADMIN],
            "coaches": [m for m in members if m.role == Role.COACH],
            "pending_invitations": pending,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def invite_admin(request, code):
    organisation = get_organisation(request, code, manage=True)
    form = InvitationForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        send_invitation(
            organisation,
            email=email,
            role=form.cleaned_data["role"],
            language=form.cleaned_data["language"],
            inviter=request.user,
            request=request,
        )
        messages.success(request, _("The invitation is sent to %s.") % email)
        return redirect("organisations:overview", organisation.code)
    return render(
        request,
        "organisations/invite_admin.html",
        {"organisation": organisation, "form": form},
        status=status_for(form),
    )


@require_http_methods(["GET", "POST"])
def accept_invitation(request, token):
    invitation = (
        Invitation.objects.select_related("organisation")
        .filter(token_hash=token_hash(token), accepted_at__isnull=True)
        .first()
    )
    if invitation is None:
        return render(request, "organisations/invitation_invalid.html", status=404)
    organisation = invitation.organisation
    if invitation.is_expired:  # also on POST: an old link accepts nothing
        return render(
            request,
            "organisations/invitation_invalid.html",
            {
                "expired": invitation,
                "organisation": organisation,
                "invitation_days": settings.INVITATION_VALID_DAYS,
            },
            status=404,
        )
    user = request.user if request.user.is_authenticated else None
    account = None
    if user is None:
        account = AccountForm(request.POST or None, prefix="account", fixed_email=invitation.email)
    # The link was sent to one address: someone signed in as another cannot use it, so a
    # forwarded or leaked link does not hand the organisation to the wrong account.
    wrong_account = user is not None and user.email.lower() != invitation.email.lower()
    refused = wrong_account and request.method == "POST"
    if request.method == "POST" and not wrong_account and (user or account.is_valid()):
        with transaction.atomic():
            if user is None:
                user = account.save(language=get_language()[:2])
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            membership, _created = Membership.objects.get_or_create(
                organisation=organisation, user=user, defaults={"role": invitation.role}
            )
            invitation.accepted_at = timezone.now()
            invitation.save(update_fields=["accepted_at"])
            record(
                Action.INVITATION_ACCEPTED,
                actor=user,
                organisation=organisation,
                role=membership.role,
            )
        if membership.role == Role.COACH:
            messages.success(request, _("You are now a coach of %s.") % organisation.name)
        else:
            messages.success(request, _("You are now an admin of %s.") % organisation.name)
        return redirect("organisations:overview", organisation.code)
    return render(
        request,
        "organisations/accept_invitation.html",
        {
            "invitation": invitation,
            "organisation": organisation,
            "account": account,
            "coach": invitation.role == Role.COACH,
            "wrong_account": wrong_account,
            "errors_shown": refused,
        },
        status=400 if refused else status_for(account),
    )
