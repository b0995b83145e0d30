"""Agency staff must sign in with two factors.

A signed-in analyst or model owner whose session was not verified with a code gets nothing but
the set-up pages (without an authenticator app yet), sign-out and static files; the language
switch is a link to the same page under /en/, so it works on those pages too. With an app already
set up, such a session is ended and they sign in again, this time with a code.
Place after django-otp's OTPMiddleware and Django's MessageMiddleware.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

from . import two_factor

ALWAYS_OPEN = {"accounts:logout", "set_language"}
SETUP_PAGES = {"accounts:two_factor_setup", "accounts:recovery_codes"}


def _view_name(request) -> str:
    try:
        return resolve(request.path_info).view_name
    except Resolver404:
        return ""


class AgencyTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and user.is_agency_staff
            and not user.is_verified()
            and not request.path_info.startswith(settings.STATIC_URL)
        ):
            view_name = _view_name(request)
            if view_name not in ALWAYS_OPEN:
                if two_factor.is_on(user):
                    return self._sign_in_again(request)
                if view_name not in SETUP_PAGES:
                    messages.info(
                        request,
                        _(
                            "Agency staff sign in with two factors: the password and a code "
                            "from an app on your phone. Set it up to go on."
                        ),
                        fail_silently=True,
                    )
                    return redirect("accounts:two_factor_setup")
        return self.get_response(request)

    @staticmethod
    def _sign_in_again(request):
        logout(request)
        messages.info(
            request,
            _("Agency staff sign in with a code as well as the password. Sign in again."),
            fail_silently=True,
        )
        if request.method == "GET":
            return redirect_to_login(request.get_full_path())
        return redirect(settings.LOGIN_URL)
