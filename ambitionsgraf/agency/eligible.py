"""Which rounds the agency's figures may use: closed rounds of organisations that consented to
national statistics. Every national figure, the model lab and the open data start here, so
withdrawing consent removes an organisation from the next figures everywhere at once."""

from ambitionsgraf.rounds.models import Round


def eligible_rounds(model_version=None):
    rounds = Round.objects.closed().filter(organisation__national_statistics=True)
    if model_version is not None:
        rounds = rounds.filter(model_version=model_version)
    return rounds
