"""Sign-ins and failed sign-ins go to the audit log (without an organisation: the log page
shows its members' sign-ins)."""

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from ambitionsgraf.audit.log import Action, record

from .models import User

LABEL_LENGTH = 254  # the longest e-mail address; anything longer typed in is cut


@receiver(user_logged_in, dispatch_uid="accounts_audit_signed_in")
def signed_in(sender, request, user, **kwargs):
    record(
        Action.SIGNED_IN,
        request=request,
        actor=user,
        two_factor=getattr(user, "otp_device", None) is not None,
    )


@receiver(user_login_failed, dispatch_uid="accounts_audit_sign_in_failed")
def sign_in_failed(sender, credentials, request=None, **kwargs):
    typed = str(credentials.get("username") or credentials.get("email") or "").strip()
    typed = typed[:LABEL_LENGTH]
    account = User.objects.filter(email__iexact=typed).first() if typed else None
    record(
        Action.SIGN_IN_FAILED,
        request=request,
        actor=account,
        actor_label=typed,
        step="password",
    )
