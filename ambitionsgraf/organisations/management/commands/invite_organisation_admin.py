from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from ambitionsgraf.lib import orgnr
from ambitionsgraf.organisations.forms import InvitationForm
from ambitionsgraf.organisations.invitations import send_invitation
from ambitionsgraf.organisations.models import Organisation, Role


class Command(BaseCommand):
    help = (
        "Invite someone to be an admin of an organisation, by its organisation number: for the "
        "operator, when no admin of it can (someone else registered it, or every admin has "
        "left). Check first, outside the service, that the person speaks for the organisation."
    )

    def add_arguments(self, parser):
        parser.add_argument("org_number", help="The organisation number, such as 212000-0142")
        parser.add_argument("email")
        parser.add_argument("--language", choices=["sv", "en"], default="sv")

    def handle(self, *args, org_number, email, language, **options):
        with translation.override("en"):  # the command speaks English, like its other lines
            organisation = self._organisation(org_number)
            # The admins' own invitation form: the same checks of the address (and that the
            # person is not already a member), the address kept the same way.
            form = InvitationForm(
                {"email": email, "role": Role.ADMIN, "language": language},
                organisation=organisation,
            )
            if not form.is_valid():
                raise CommandError(" ".join(m for ms in form.errors.values() for m in ms))
        email = form.cleaned_data["email"]
        operator = settings.SERVICE_OPERATOR or "Ambitionsgraf"
        link = send_invitation(
            organisation,
            email=email,
            role=Role.ADMIN,
            language=language,
            inviter=operator,
            actor_label=operator,  # the log names who invited: the service's operator
        )
        self.stdout.write(f"Invited {email} to be an admin of {organisation.name}.")
        self.stdout.write("The e-mail holds this link, which works once:")
        self.stdout.write(f"  {settings.SITE_URL}{link}")
        self.stdout.write("The organisation's log shows the invitation to its admins.")

    def _organisation(self, org_number) -> Organisation:
        try:
            number = orgnr.normalise(org_number)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        organisation = Organisation.objects.filter(org_number=number).first()
        if organisation is None:
            raise CommandError(f"No organisation with the number {number} is registered.")
        return organisation
