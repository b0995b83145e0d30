"""Kept results of closed rounds, so that pages over many rounds read one row per round.

A ``RoundSummary`` is what ``scoring.compute_round`` says of a closed round's finished answers:
per area the organisation's level, each perspective's and the pooled level, and the counts of
respondents. It is a copy, never the truth: ``summaries`` uses a row only while it still
matches what it was computed from (see there), and computes a fresh one otherwise.
"""

from django.db import models

from ambitionsgraf.maturity.models import ModelVersion
from ambitionsgraf.rounds.models import Round


class RoundSummary(models.Model):
    round = models.OneToOneField(
        Round, on_delete=models.CASCADE, primary_key=True, related_name="summary"
    )
    # What it was computed from: the round's closing moment and model version, and the scoring
    # rules (a hash of their code). A row whose stamp differs from its round's is not used.
    closed_at = models.DateTimeField(null=True)
    model_version = models.ForeignKey(
        ModelVersion, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    rules = models.CharField(max_length=16)
    computed_at = models.DateTimeField()
    has_results = models.BooleanField()
    # {"keys": [area key, ...], "shown": [perspective, ...], "respondents": {perspective: n},
    #  "pooled_respondents": n, "excluded_respondents": n}
    figures = models.JSONField()
    # Per area (in the order of "keys") five levels as 64-bit floats, NaN for none; see
    # ``results.summary``.
    levels = models.BinaryField()

    class Meta:
        verbose_name = "round summary"

    def __str__(self):
        return f"summary of round {self.round_id}"
