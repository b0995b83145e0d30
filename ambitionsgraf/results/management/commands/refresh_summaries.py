import time

from django.core.management.base import BaseCommand

from ambitionsgraf.results import summaries
from ambitionsgraf.rounds.models import Round


class Command(BaseCommand):
    help = (
        "Compute the kept results of every closed round that has none or an outdated one "
        "(after an import, or a release that changed the scoring). Pages do this themselves "
        "when they meet one; running it after a release keeps the first visitors waiting less."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="recompute every closed round")

    def handle(self, *args, **options):
        started = time.monotonic()
        ids = list(Round.objects.closed().order_by("pk").values_list("pk", flat=True))
        if options["all"]:
            summaries.refresh_many(Round.objects.filter(pk__in=ids).iterator())
        else:
            # Reading computes and keeps whatever is missing or outdated; nothing more is needed.
            summaries.read_levels(ids, ambitions=False, perspectives=())
        self.stdout.write(
            f"{len(ids)} closed rounds summarised in {time.monotonic() - started:.1f} s."
        )
