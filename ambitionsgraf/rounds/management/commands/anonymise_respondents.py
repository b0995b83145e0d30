"""Erase respondents' e-mail addresses a set number of days after their round closed.

`run_scheduled` does this every day; run it by hand to use another number of days. Running it
twice changes nothing the second time.
"""

from django.core.management.base import BaseCommand, CommandError

from ambitionsgraf.rounds import retention
from ambitionsgraf.rounds.respondent_privacy import retention_days


class Command(BaseCommand):
    help = (
        "Erase the e-mail addresses of respondents whose round closed more than N days ago "
        "(default: RESPONDENT_EMAIL_RETENTION_DAYS). Their answers are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help=f"days after the round closed (default {retention_days()})",
        )

    def handle(self, *args, days=None, **options):
        if days is not None and days < 0:
            raise CommandError("--days cannot be negative.")
        report = retention.anonymise_respondents(days=days)
        total = sum(report.values())
        for organisation, count in report.items():
            self.stdout.write(f"Anonymised {count} respondent(s): {organisation.name}")
        self.stdout.write(f"Anonymised {total} respondent e-mail address(es) in all.")
