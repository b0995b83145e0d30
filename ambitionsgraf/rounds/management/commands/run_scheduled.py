"""The daily job: close rounds past their closing date, send the automatic reminders, and erase
respondents' e-mail addresses once their round has been closed long enough.

Run it once a day from cron; see "Scheduled jobs" in the README. Running it twice changes nothing.
"""

from django.core.management.base import BaseCommand

from ambitionsgraf.rounds import reminders, retention


class Command(BaseCommand):
    help = (
        "Close rounds whose closing date has passed, send the reminder before closing, and "
        "anonymise respondents' e-mail addresses past the retention time."
    )

    def handle(self, *args, **options):
        report = reminders.run_scheduled()
        for round_ in report.closed:
            self.stdout.write(f"Closed: {round_.organisation.name} – {round_.name} ({round_.code})")
        for round_, count in report.reminded:
            self.stdout.write(
                f"Reminded {count} respondent(s): {round_.organisation.name} – {round_.name} "
                f"({round_.code}, closes {round_.closes_on:%Y-%m-%d})"
            )
        anonymised = retention.anonymise_respondents()
        for organisation, count in anonymised.items():
            self.stdout.write(f"Anonymised {count} respondent(s): {organisation.name}")
        if not report.closed and not report.reminded and not anonymised:
            self.stdout.write("Nothing to do.")
