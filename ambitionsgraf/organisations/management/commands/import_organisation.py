"""Read an organisation exported from another installation (docs/export-format.md)."""

from django.core.management.base import BaseCommand, CommandError

from ambitionsgraf.organisations.import_data import ImportRefused, import_organisation, read_file


class Command(BaseCommand):
    help = (
        "Import an organisation from an export file, in one transaction: all of it, or nothing "
        "with a message saying why. Load the model versions its rounds use first (load_model)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file", help="A file written by export_organisation or the settings page"
        )

    def handle(self, *args, file, **options):
        try:
            imported = import_organisation(read_file(file))
        except ImportRefused as error:
            raise CommandError(f"Nothing was imported. {error}") from None
        organisation = imported.organisation
        self.stdout.write(
            f"Imported {organisation.name} ({organisation.org_number}): {imported.rounds} "
            f"round(s), {imported.respondents} respondent(s), {imported.answers} answer(s), "
            f"{imported.actions} action(s), {imported.events} audit event(s)."
        )
        if imported.new_accounts:
            self.stdout.write(
                "New accounts, without a password anyone knows: each person sets one with "
                "'Forgot your password?' on the sign-in page: " + ", ".join(imported.new_accounts)
            )
        if imported.existing_accounts:
            self.stdout.write(
                "Existing accounts given access: " + ", ".join(imported.existing_accounts)
            )
        self.stdout.write(
            "The respondents' old personal links do not work here: send new links to those "
            "who have not finished (Remind on the round's page)."
        )
