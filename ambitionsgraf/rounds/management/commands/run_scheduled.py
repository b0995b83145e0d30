"""The daily job: close rounds past their closing date and send the automatic reminders.

Run it once a day from cron; see "Scheduled jobs" in the README. Running it twice changes nothing.
"""

from django.core.management.base import BaseCommand

from ambitionsgraf.rounds import reminders


class Command(BaseCommand):
    help = "Close rounds whose closing date has passed and send the reminder before closing."

    def handle(self, *args, **options):
        report = reminders.run_scheduled()
        for round_ in report.closed:
            self.stdout.write(f"Closed: {round_.organisation.name} – {round_.name} ({round_.code})")
        for round_, count in report.reminded:
            self.stdout.write(
                f"Reminded {count} respondent(s): {round_.organisation.name} – {round_.name} "
                f"({round_.code}, closes {round_.closes_on:%Y-%m-%d})"
            )
        if not report.closed and not report.reminded:
            self.stdout.write("Nothing to do.")
