from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.utils import translation

from ambitionsgraf.accounts.agency_staff import (
    give_agency_role,
    set_password_link,
    take_agency_role,
)
from ambitionsgraf.accounts.models import AgencyRole


class Command(BaseCommand):
    help = (
        "Make someone agency staff (analyst or model owner), creating the account if needed, and "
        "print a one-time link to choose a password. --remove-role makes them an ordinary user."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        what = parser.add_mutually_exclusive_group(required=True)
        what.add_argument("--role", choices=AgencyRole.values)
        what.add_argument("--remove-role", action="store_true")
        parser.add_argument("--name", default="", help="The person's name")

    def handle(self, *args, email, role, remove_role, name, **options):
        email = email.strip()
        try:
            validate_email(email)
        except ValidationError:
            raise CommandError(f"{email!r} is not an e-mail address.") from None
        if remove_role:
            user = take_agency_role(email)
            if user is None:
                raise CommandError(f"There is no account with the e-mail address {email}.")
            self.stdout.write(f"{user.email} is no longer agency staff.")
            return
        user, created = give_agency_role(email, AgencyRole(role), name=name.strip())
        with translation.override("en"):  # the command speaks English, like its other lines
            label = str(AgencyRole(role).label)
        if created:
            self.stdout.write(f"Created {user.email} ({label}).")
        else:
            self.stdout.write(f"{user.email} is now {label}.")
        if not user.has_usable_password():
            days = settings.PASSWORD_RESET_TIMEOUT // (24 * 3600)
            self.stdout.write(
                f"Send them this link to choose a password (it works once, for {days} days):"
            )
            self.stdout.write(f"  {set_password_link(user)}")
        self.stdout.write(
            "Agency staff must use two-factor sign-in: without an authenticator app they are "
            "asked to set one up when they sign in."
        )
