from django.apps import AppConfig


class ResultsConfig(AppConfig):
    name = "ambitionsgraf.results"

    def ready(self):
        from ambitionsgraf.rounds.signals import rounds_closed

        from . import summaries

        def keep_summaries(sender, rounds, **kwargs):
            """A head start for the pages over many rounds: they compute a missing summary
            themselves, so this is never needed for a right figure (``summaries``)."""
            summaries.refresh_many(rounds)

        rounds_closed.connect(keep_summaries, weak=False, dispatch_uid="results_keep_summaries")
