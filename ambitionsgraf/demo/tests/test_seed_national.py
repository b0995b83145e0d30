"""The national demo data: enough organisations for the national picture, one filter that shows
a hidden figure, and nothing duplicated when seeded again."""

import pytest

from ambitionsgraf.agency import national, national_data
from ambitionsgraf.demo import seed_national
from ambitionsgraf.organisations.models import Organisation
from ambitionsgraf.rounds.models import Answer, Respondent, Round

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(model_version):
    return seed_national.seed()


def demo_organisations():
    numbers = [d.org_number for d in seed_national.demo_organisations()]
    return Organisation.objects.filter(org_number__in=numbers)


def test_it_makes_at_least_forty_organisations_of_every_type_with_closed_rounds(seeded):
    organisations = demo_organisations()
    assert organisations.count() >= 40
    assert {o.type for o in organisations} == {
        "municipality", "region", "state_agency", "company", "other",
    }  # fmt: skip
    assert len({o.county for o in organisations}) >= 15
    for organisation in organisations:
        assert 1 <= organisation.rounds.closed().count() <= 3
    assert not Round.objects.filter(organisation__in=organisations, status="open").exists()


def test_rounds_have_six_to_twelve_finished_respondents_over_the_three_perspectives(seeded):
    for round_ in Round.objects.filter(organisation__in=demo_organisations()):
        finished = round_.respondents.filter(finished_at__isnull=False)
        assert 6 <= finished.count() <= 12
        assert {r.perspective for r in finished} == {"leadership", "procurement", "operations"}
    assert Answer.objects.filter(dont_know=True).exists()
    assert Answer.objects.filter(level=1).exists() and Answer.objects.filter(level=5).exists()


def test_the_lines_say_how_many_and_how_many_without_consent(seeded):
    without = demo_organisations().filter(national_statistics=False).count()
    assert without == 3
    assert seeded[0] == (
        f"nationella demodata: {demo_organisations().count()} organisationer med avslutade "
        f"omgångar ({without} utan samtycke)"
    )


def test_seeding_twice_duplicates_nothing(seeded):
    counts = (Organisation.objects.count(), Respondent.objects.count(), Answer.objects.count())
    assert seed_national.seed() == seeded
    assert counts == (
        Organisation.objects.count(),
        Respondent.objects.count(),
        Answer.objects.count(),
    )


def test_filtering_on_the_small_county_shows_a_hidden_figure(seeded):
    rows = national_data.round_rows()
    units, areas = national_data.selection(rows, county=seed_national.SMALL_COUNTY)
    picture = national.picture(units, areas.keys)
    assert len({u.organisation for u in units}) == 3
    assert picture.organisations.hidden
    assert all(area.mean_level.hidden for area in picture.areas)


def test_the_whole_country_shows_its_figures(seeded):
    units, areas = national_data.selection(national_data.round_rows())
    picture = national.picture(units, areas.keys)
    assert picture.organisations.value == 41
    assert all(not area.mean_level.hidden for area in picture.areas)
    assert all(not area.perspective_difference.hidden for area in picture.areas)
    assert len(picture.trend) >= 2
