"""Asking for a new password, within limits.

Anyone who knows an e-mail address can ask for a reset link to be sent to it: without a
limit, a script could fill a head of procurement's inbox with them. So the requests are
counted (``lib.limits``, as the API's rate limits): at most
PER_EMAIL an hour for one e-mail address, whether or not it has an account, so the limit
tells nothing about who has one, and PER_CLIENT an hour from one client address, high enough
for a whole municipality behind one address. Over either, nothing is sent and the form says
when to try again.
"""

from django.contrib.auth import views as auth_views
from django.utils.translation import ngettext

from ambitionsgraf.lib.form_status import ErrorsAnswer400, over_limit
from ambitionsgraf.lib.limits import Limit, per_client

PER_EMAIL = "5/hour"
PER_CLIENT = "50/hour"


def _limits(request, email: str) -> list[Limit]:
    # The same address however it is written; the key holds only a hash of it.
    return [
        Limit("password_reset_email", email.strip().lower(), PER_EMAIL),
        per_client(request, "password_reset", PER_CLIENT),
    ]


class ResetView(ErrorsAnswer400, auth_views.PasswordResetView):
    def form_valid(self, form):
        limits = _limits(self.request, form.cleaned_data["email"])
        refused = [limit for limit in limits if not limit.allow_request(self.request)]
        if not refused:
            return super().form_valid(form)
        minutes = max(limit.minutes_to_wait() for limit in refused)
        form.add_error(
            None,
            ngettext(
                "You have asked for a new password too many times. Try again in %(minutes)s "
                "minute. The link may already be in your e-mail: look in the junk mail too.",
                "You have asked for a new password too many times. Try again in %(minutes)s "
                "minutes. The link may already be in your e-mail: look in the junk mail too.",
                minutes,
            )
            % {"minutes": minutes},
        )
        return over_limit(self.form_invalid(form), minutes * 60)


class NewPasswordView(ErrorsAnswer400, auth_views.PasswordResetConfirmView):
    """The new password, from the link in the e-mail."""
