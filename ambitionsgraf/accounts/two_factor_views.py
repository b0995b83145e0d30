"""The account's two-factor pages: set up an authenticator app, see new recovery codes once,
make new ones, and turn two-factor sign-in off (never for agency staff)."""

import time

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp import login as otp_login

from ambitionsgraf.audit.log import Action, record
from ambitionsgraf.lib.form_status import over_limit, status_for

from . import two_factor
from .forms import CodeForm, CurrentPasswordForm
from .sign_in import wait_message

NEW_CODES_KEY = "accounts_new_recovery_codes"
NEW_CODES_SECONDS = 10 * 60  # new codes stay on their page this long, until "I have saved them"


def _remember_new_codes(request, codes: list[str]) -> None:
    request.session[NEW_CODES_KEY] = {"codes": codes, "until": time.time() + NEW_CODES_SECONDS}


def _new_codes(request) -> list[str]:
    data = request.session.get(NEW_CODES_KEY)
    if not data or time.time() > data["until"]:
        request.session.pop(NEW_CODES_KEY, None)
        return []
    return data["codes"]


@login_required
@require_http_methods(["GET", "POST"])
def setup(request):
    """Show the key (QR code and text) of a new authenticator app; its first code turns it on."""
    user = request.user
    if two_factor.is_on(user):
        messages.info(request, _("Two-factor sign-in is already on."))
        return redirect("accounts:account")
    device = two_factor.unconfirmed_app_device(user)
    form = CodeForm(
        request.POST or None,
        label=_("Code from the app"),
        help_text=_("The 6 digits the app shows for Ambitionsgraf now."),
    )
    wait = 0
    if request.method == "POST" and form.is_valid():
        code = two_factor.normalise_code(form.cleaned_data["code"])
        result = two_factor.check_code(device, code) if code.isdigit() else two_factor.CodeCheck()
        if result.device is not None:
            with transaction.atomic():
                codes = two_factor.confirm(result.device)
                # Other sessions of the account were opened without a code: end them.
                user.sign_out_everywhere()
                record(Action.TWO_FACTOR_ENABLED, request=request)
            update_session_auth_hash(request, user)
            otp_login(request, result.device)
            _remember_new_codes(request, codes)
            messages.success(request, _("Two-factor sign-in is on."))
            return redirect("accounts:recovery_codes")
        wait = result.wait_seconds
        form.add_error(
            "code",
            wait_message(wait)
            if wait
            else _(
                "That is not the code the app shows now. Check that you added the key shown "
                "on this page, then write the newest code."
            ),
        )
    secret = two_factor.secret_base32(device)
    uri = two_factor.otpauth_uri(secret, user.email, digits=device.digits, period=device.step)
    response = render(
        request,
        "accounts/two_factor_setup.html",
        {"form": form, "secret": two_factor.grouped(secret), "qr": two_factor.qr_data_uri(uri)},
        status=status_for(form),
    )
    return over_limit(response, wait) if wait else response


@login_required
@require_http_methods(["GET", "POST"])
def recovery_codes(request):
    """New recovery codes, shown until the user says they have saved them (at most 10 min)."""
    if request.method == "POST":
        request.session.pop(NEW_CODES_KEY, None)
        return redirect("accounts:account")
    codes = _new_codes(request)
    if not codes or not two_factor.is_on(request.user):
        return redirect("accounts:account")
    return render(
        request,
        "accounts/recovery_codes.html",
        {"codes": [two_factor.display_recovery_code(c) for c in codes]},
    )


@login_required
@require_POST
def new_recovery_codes(request):
    """Replace the recovery codes: the old ones stop working at once."""
    if not two_factor.is_on(request.user):
        return redirect("accounts:account")
    codes = two_factor.new_recovery_codes(request.user)
    _remember_new_codes(request, codes)
    messages.success(request, _("You have new recovery codes. The old ones no longer work."))
    return redirect("accounts:recovery_codes")


@login_required
@require_http_methods(["GET", "POST"])
def turn_off(request):
    """Turn two-factor sign-in off after the password; agency staff must keep it."""
    user = request.user
    if user.is_agency_staff:
        messages.error(
            request,
            _("Agency staff must use two-factor sign-in, so it cannot be turned off."),
        )
        return redirect("accounts:account")
    if not two_factor.is_on(user):
        return redirect("accounts:account")
    form = CurrentPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            two_factor.turn_off(user)
            record(Action.TWO_FACTOR_DISABLED, request=request)
        request.session.pop(DEVICE_ID_SESSION_KEY, None)
        request.session.pop(NEW_CODES_KEY, None)
        messages.success(
            request, _("Two-factor sign-in is off. You now sign in with your password only.")
        )
        return redirect("accounts:account")
    return render(request, "accounts/two_factor_off.html", {"form": form}, status=status_for(form))
