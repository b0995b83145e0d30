"""The daily job: close rounds past their closing date, send the automatic reminders, erase
respondents' e-mail addresses once their round has been closed long enough, drop the IP
addresses of old sign-in events, and delete the rate limits' counts whose hour has passed.

Run it once a day from cron; see "Scheduled jobs" in the README. Running it twice changes nothing.
"""

import datetime as dt

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from ambitionsgraf.audit.models import Event
from ambitionsgraf.lib import limits
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
        before = timezone.now() - dt.timedelta(days=settings.SIGN_IN_ADDRESS_RETENTION_DAYS)
        forgotten = Event.objects.forget_addresses(before)
        if forgotten:
            self.stdout.write(f"Dropped the IP address of {forgotten} sign-in event(s)")
        expired = limits.forget_expired()
        if expired:
            self.stdout.write(f"Deleted {expired} expired rate-limit count(s)")
        if not (report.closed or report.reminded or anonymised or forgotten or expired):
            self.stdout.write("Nothing to do.")
