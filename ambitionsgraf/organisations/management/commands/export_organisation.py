"""Write all of an organisation's data to one JSON file (docs/export-format.md)."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from ambitionsgraf.lib import orgnr
from ambitionsgraf.organisations.export_data import export_file
from ambitionsgraf.organisations.models import Organisation


class Command(BaseCommand):
    help = "Export all of an organisation's data as one JSON file (to standard output without -o)."

    def add_arguments(self, parser):
        parser.add_argument("org_number", help="The organisation number, e.g. 212000-0142")
        parser.add_argument("-o", "--output", help="The file to write (it is replaced)")

    def handle(self, *args, org_number, output=None, **options):
        try:
            number = orgnr.normalise(org_number)
        except ValidationError as error:
            raise CommandError(
                f"{org_number!r} is not an organisation number: {error.messages[0]}"
            ) from None
        organisation = Organisation.objects.filter(org_number=number).first()
        if organisation is None:
            raise CommandError(f"No organisation with the number {number} is registered here.")
        name, text = export_file(organisation, actor_label="manage.py export_organisation")
        if not output:
            self.stdout.write(text, ending="")
            return
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as error:
            raise CommandError(f"The file could not be written: {error}") from None
        self.stdout.write(f"Exported {organisation.name} ({number}) to {output}")
