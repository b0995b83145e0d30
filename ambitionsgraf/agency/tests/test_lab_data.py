"""The model lab's read: the answers in the database, laid out in columns as they are read,
give the same figures as the lab's rules over each respondent's answers."""

import random

import pytest

from ambitionsgraf.agency import lab, lab_data
from ambitionsgraf.conftest import finished_respondents, make_organisation, make_round
from ambitionsgraf.results.scoring import Response
from ambitionsgraf.rounds.models import Answer

pytestmark = pytest.mark.django_db


def varied_answers(respondents, rng):
    """Each answer changed at random: another level, don't know, or not answered at all."""
    for respondent, _token in respondents:
        for answer in Answer.objects.filter(respondent=respondent):
            roll = rng.random()
            if roll < 0.1:
                answer.delete()
            elif roll < 0.2:
                answer.level, answer.dont_know = None, True
                answer.save()
            else:
                answer.level = rng.choice([1, 2, 3, 3, 4, 5])
                answer.save()


def responses_of(version):
    """Each counted respondent's answers as a mapping, the way the lab's rules read them."""
    made = {}
    answers = Answer.objects.filter(
        respondent__round__model_version=version,
        respondent__round__status="closed",
        respondent__round__organisation__national_statistics=True,
        respondent__finished_at__isnull=False,
    ).select_related("respondent", "question")
    for answer in answers:
        if answer.level is None and not answer.dont_know:
            continue
        response = made.setdefault(
            answer.respondent_id, Response(perspective=answer.respondent.perspective, answers={})
        )
        response.answers[answer.question.key] = answer.level
    return list(made.values())


def test_the_columns_read_from_the_database_give_the_rules_figures(model_version):
    rng = random.Random(7)
    for n in range(2):
        organisation = make_organisation(f"Kommun {n}", national_statistics=True)
        round_ = make_round(organisation, model_version)
        for perspective, count in (("leadership", 4), ("procurement", 5), ("operations", 3)):
            varied_answers(finished_respondents(round_, perspective, count), rng)
        round_.close()
    hidden = make_round(make_organisation("Utan samtycke"), model_version)
    finished_respondents(hidden, "leadership", 3, level=1)
    hidden.close()

    view = lab_data.load_lab(model_version)
    specs = lab_data.area_specs(model_version.areas.prefetch_related("questions"))
    expected = lab.compute_lab(specs, responses_of(model_version), min_answers=30)

    assert view.result.respondents == {"leadership": 8, "procurement": 10, "operations": 6}
    assert view.result == expected
