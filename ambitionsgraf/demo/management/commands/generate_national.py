from django.core.management.base import BaseCommand, CommandError

from ambitionsgraf.scale import generate, mix


class Command(BaseCommand):
    help = (
        "Generate a synthetic national data set (4,000 organisations with three closed rounds "
        "each, about five million answers) for benchmarks. See docs/benchmarks.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("--organisations", type=int, default=mix.FULL_SIZE)
        parser.add_argument("--seed", type=int, default=1, help="the same seed, the same data")

    def handle(self, *args, organisations, seed, verbosity, **options):
        if organisations < 1:
            raise CommandError("--organisations must be at least 1.")
        log = self.stdout.write if verbosity > 1 else None
        try:
            report = generate.generate(organisations, seed=seed, log=log)
        except (generate.AlreadyGenerated, RuntimeError) as error:
            raise CommandError(str(error)) from error
        types = ", ".join(f"{n} {kind}" for kind, n in sorted(report.per_type.items()))
        self.stdout.write(
            f"Generated in {report.seconds:.1f} s on {report.database}: "
            f"{report.organisations} organisations ({types}), {report.rounds} closed rounds, "
            f"{report.respondents} respondents, {report.answers} answers, "
            f"{report.ambitions} ambitions, {report.actions} actions, "
            f"{report.quick_checks} quick checks, {report.summaries} round summaries."
        )
