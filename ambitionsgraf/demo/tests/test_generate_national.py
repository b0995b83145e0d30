"""The synthetic national data set: its shape, its stored summaries, and no second copy."""

from collections import Counter
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from ambitionsgraf.agency import national, national_data
from ambitionsgraf.organisations.models import Organisation
from ambitionsgraf.plans.models import Action
from ambitionsgraf.quickcheck.models import QuickCheck
from ambitionsgraf.results import summaries
from ambitionsgraf.results.models import RoundSummary
from ambitionsgraf.results.service import load_round
from ambitionsgraf.rounds.models import Answer, Respondent, Round
from ambitionsgraf.scale import mix

pytestmark = pytest.mark.django_db


@pytest.fixture
def generated(model_version):
    out = StringIO()
    call_command("generate_national", "--organisations", "20", "--seed", "7", stdout=out)
    return out.getvalue()


def test_it_reports_what_it_made_and_how_long_it_took(generated):
    assert "Generated in" in generated
    assert "20 organisations" in generated
    assert "60 closed rounds" in generated
    assert "60 round summaries" in generated


def test_every_type_of_organisation_with_three_yearly_closed_rounds(generated):
    organisations = Organisation.objects.all()
    assert Counter(o.type for o in organisations) == mix.type_counts(20)
    assert len({o.org_number for o in organisations}) == 20
    for organisation in organisations:
        rounds = organisation.rounds.all()
        assert [r.status for r in rounds] == ["closed"] * 3
        assert len({r.closed_at.year for r in rounds}) == 3
    assert Organisation.objects.filter(national_statistics=True).count() >= 12  # most agree


def test_rounds_have_about_ten_finished_respondents_answering_the_full_model(generated):
    for round_ in Round.objects.all():
        finished = round_.respondents.filter(finished_at__isnull=False)
        assert 7 <= finished.count() <= 16
        assert {r.perspective for r in finished} == {"leadership", "procurement", "operations"}
    respondent = Respondent.objects.filter(finished_at__isnull=False).first()
    asked = len(respondent.questions())
    assert 0.8 * asked <= respondent.answers.count() <= asked
    assert Answer.objects.filter(dont_know=True).exists()


def test_ambitions_actions_and_quick_checks_are_made(generated):
    assert Round.objects.filter(ambitions__isnull=False).distinct().count() >= 45
    assert Action.objects.exists()
    assert QuickCheck.objects.count() == 40


def test_the_stored_summaries_are_those_the_results_pages_compute(generated):
    assert RoundSummary.objects.count() == 60
    rounds = list(Round.objects.all()[:12])
    kept = summaries.read_many(r.pk for r in rounds)
    for round_ in rounds:
        assert kept[round_.pk] == summaries.Summary.of(round_.pk, load_round(round_).result)


def test_the_national_picture_counts_the_consenting_organisations(generated):
    consenting = Organisation.objects.filter(national_statistics=True).count()
    units, areas = national_data.selection(national_data.round_rows())
    picture = national.picture(units, areas.keys)
    assert picture.organisations.value == consenting
    assert len(picture.trend) == 3


def test_it_refuses_to_make_the_same_data_set_twice(generated):
    with pytest.raises(CommandError, match="already"):
        call_command("generate_national", "--organisations", "20", stdout=StringIO())
    assert Organisation.objects.count() == 20


def test_the_full_mix_is_the_countrys():
    assert mix.type_counts(4000) == mix.TYPE_COUNTS
    profiles = mix.organisations(4000)
    municipalities = Counter(p.county for p in profiles if p.type == "municipality")
    assert municipalities == mix.MUNICIPALITIES
    assert len({p.county for p in profiles if p.type == "region"}) == 21
    assert len({p.org_number for p in profiles}) == 4000


@pytest.mark.parametrize("total", [5, 20, 137])
def test_a_smaller_data_set_keeps_every_type(total):
    counts = mix.type_counts(total)
    assert sum(counts.values()) == total
    assert all(counts.values())
