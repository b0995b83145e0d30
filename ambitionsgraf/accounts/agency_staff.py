"""Agency staff (analysts and model owners) are made by the operator, never by sign-up:
`manage.py create_agency_user`. A new one gets no password, only a one-time link to choose one."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from .models import AgencyRole, User


def set_password_link(user: User) -> str:
    """Django's password-reset link: it works once, until the password is set, for
    PASSWORD_RESET_TIMEOUT (three days by default)."""
    with translation.override(user.language or settings.LANGUAGE_CODE):
        path = reverse(
            "accounts:password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
    return settings.SITE_URL + path


def give_agency_role(email: str, role: AgencyRole, name: str = "") -> tuple[User, bool]:
    """Make `email` agency staff with `role`: a new account without a password, or the role of
    an existing one changed. Returns the user and whether the account is new."""
    email = User.objects.normalize_email(email).lower()
    with transaction.atomic():
        user = User.objects.select_for_update().filter(email__iexact=email).first()
        created = user is None
        if created:
            user = User.objects.create_user(email=email, password=None, name=name)
        user.agency_role = role
        if name:
            user.name = name
        user.save(update_fields=["agency_role", "name"])
    return user, created


def take_agency_role(email: str) -> User | None:
    """Make `email` an ordinary user again (their two-factor sign-in stays on)."""
    with transaction.atomic():
        user = User.objects.select_for_update().filter(email__iexact=email.strip()).first()
        if user is not None:
            user.agency_role = ""
            user.save(update_fields=["agency_role"])
    return user
