from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.shortcuts import redirect, render
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ambitionsgraf.audit.log import Action, record
from ambitionsgraf.lib.form_status import over_limit, status_for
from ambitionsgraf.lib.limits import per_client
from ambitionsgraf.organisations.forms import OrganisationForm
from ambitionsgraf.organisations.models import Membership, Role

from . import two_factor
from .forms import AccountForm

SIGNUPS_PER_CLIENT = "10/hour"


def _wait_for_limit(request, account: AccountForm) -> int:
    """At most SIGNUPS_PER_CLIENT registrations an hour from one client address: enough for a
    municipality behind one address, too few for a script filling the service with
    organisations. Over it, the form says when to try again, nothing is made, and the seconds
    to wait are returned (0: go ahead)."""
    limit = per_client(request, "signup", SIGNUPS_PER_CLIENT)
    if limit.allow_request(request):
        return 0
    minutes = limit.minutes_to_wait()
    account.add_error(
        None,
        ngettext(
            "Many organisations have been registered from your network in the last hour. "
            "Try again in %(minutes)s minute.",
            "Many organisations have been registered from your network in the last hour. "
            "Try again in %(minutes)s minutes.",
            minutes,
        )
        % {"minutes": minutes},
    )
    return minutes * 60


def signup(request):
    """Create an account and an organisation in one step; the new user becomes its admin."""
    wait = 0
    if request.method == "POST":
        account = AccountForm(request.POST, prefix="account")
        organisation = OrganisationForm(request.POST, prefix="org")
        valid = account.is_valid() and organisation.is_valid()
        wait = _wait_for_limit(request, account) if valid else 0
        if valid and not wait:
            try:
                with transaction.atomic():
                    user = account.save(language=get_language()[:2])
                    org = organisation.save()
                    Membership.objects.create(organisation=org, user=user, role=Role.ADMIN)
            except IntegrityError:
                # The address or the organisation number was registered a moment ago (often
                # by this same form, sent twice by a double click): checked again, the forms
                # say which.
                account = AccountForm(request.POST, prefix="account")
                organisation = OrganisationForm(request.POST, prefix="org")
                account.is_valid()
                organisation.is_valid()
            else:
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
                messages.success(request, _("Welcome! Your organisation is registered."))
                return redirect("organisations:overview", org.code)
    else:
        account = AccountForm(prefix="account")
        organisation = OrganisationForm(prefix="org")
    response = render(
        request,
        "accounts/signup.html",
        {"account": account, "organisation_form": organisation},
        status=status_for(account, organisation),
    )
    return over_limit(response, wait) if wait else response


@login_required
def account(request):
    user = request.user
    on = two_factor.is_on(user)
    return render(
        request,
        "accounts/account.html",
        {
            "memberships": user.memberships.select_related("organisation"),
            "two_factor_on": on,
            "recovery_codes_left": two_factor.recovery_codes_left(user) if on else 0,
        },
    )


@login_required
@require_POST
def sign_out_everywhere(request):
    """End every session of the account, on every device, this one included."""
    with transaction.atomic():
        request.user.sign_out_everywhere()
        record(Action.SIGNED_OUT_EVERYWHERE, request=request)
    logout(request)
    messages.success(request, _("You are signed out on every device. Sign in again to go on."))
    return redirect("accounts:login")


class SignOutView(auth_views.LogoutView):
    pass
