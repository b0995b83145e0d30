"""Signing in: the password first, then, for a user with two-factor sign-in, a code.

After the right password a user with an authenticator app is not signed in yet: the sign-in waits
in the session (`pending.py`) for a code from the app or a recovery code. django-axes still
guards the password step; wrong codes are throttled by the devices themselves.
"""

import math

from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login

from ambitionsgraf.audit.log import Action, record
from ambitionsgraf.lib.form_status import ErrorsAnswer400, over_limit, status_for

from . import pending, two_factor
from .forms import CodeForm, SignInForm

LOW = 3  # recovery codes left when the user is told to make new ones
WRONG_CODE = gettext_lazy(
    "The code is wrong or has already been used. Codes from the app change every 30 seconds: "
    "write the one it shows now, or one of your recovery codes."
)


def wait_message(seconds: int) -> str:
    """Why a code was not even tried: django-otp doubles the wait after each wrong code."""
    if seconds > 90:
        minutes = math.ceil(seconds / 60)
        return ngettext(
            "Too many wrong codes in a row. Wait %(minutes)d minute and try again.",
            "Too many wrong codes in a row. Wait %(minutes)d minutes and try again.",
            minutes,
        ) % {"minutes": minutes}
    return ngettext(
        "Too many wrong codes in a row. Wait %(seconds)d second and try again.",
        "Too many wrong codes in a row. Wait %(seconds)d seconds and try again.",
        seconds,
    ) % {"seconds": seconds}


class SignInView(ErrorsAnswer400, auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        user = form.get_user()
        if not two_factor.is_on(user):
            return super().form_valid(form)
        pending.start(self.request, user, next_url=self.get_success_url())
        return redirect("accounts:login_code")


@require_http_methods(["GET", "POST"])
def login_code(request):
    """The second step: a code from the authenticator app or an unused recovery code."""
    try:
        waiting = pending.load(request)
    except pending.Expired as expired:
        messages.error(
            request, _("The sign-in took too long. Sign in again with your password and a code.")
        )
        return redirect_to_login(expired.next_url)
    if waiting is None:
        return redirect("accounts:login")
    form = CodeForm(
        request.POST or None,
        help_text=_(
            "The 6 digits your authenticator app shows now, or one of your recovery codes."
        ),
    )
    wait = 0
    if request.method == "POST" and form.is_valid():
        result = two_factor.check_sign_in_code(waiting.user, form.cleaned_data["code"])
        if result.device is not None:
            return _sign_in(request, waiting, result)
        wait = result.wait_seconds
        form.add_error("code", wait_message(wait) if wait else WRONG_CODE)
        record(Action.SIGN_IN_FAILED, request=request, actor=waiting.user, step="code")
    response = render(request, "accounts/login_code.html", {"form": form}, status=status_for(form))
    return over_limit(response, wait) if wait else response


def _sign_in(request, waiting: pending.PendingSignIn, result: two_factor.CodeCheck):
    user = waiting.user
    with transaction.atomic():
        pending.clear(request)
        user.otp_device = result.device  # read by the SIGNED_IN audit event
        auth_login(request, user, backend=waiting.backend)
        otp_login(request, result.device)
        if result.used_recovery_code:
            left = two_factor.recovery_codes_left(user)
            record(Action.RECOVERY_CODE_USED, request=request, actor=user, left=left)
            text = ngettext(
                "You signed in with a recovery code, so it no longer works. "
                "You have %(left)d recovery code left.",
                "You signed in with a recovery code, so it no longer works. "
                "You have %(left)d recovery codes left.",
                left,
            ) % {"left": left}
            if left <= LOW:
                text += " " + _("Make new recovery codes on your account page before they run out.")
            messages.warning(request, text)
    return redirect(waiting.next_url)
