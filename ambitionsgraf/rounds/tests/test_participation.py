from django.utils import timezone

from ambitionsgraf.conftest import finished_respondents, make_respondent, make_round
from ambitionsgraf.rounds.participation import participation, participation_of


def counts(rows):
    return [(row["key"], row["invited"], row["started"], row["finished"]) for row in rows]


def test_every_perspective_has_a_row_even_when_no_one_of_it_was_invited(round_a):
    finished_respondents(round_a, "leadership", 2)
    started, _token = make_respondent(round_a, "leadership")
    started.started_at = timezone.now()
    started.save(update_fields=["started_at"])
    make_respondent(round_a, "procurement")

    assert counts(participation(round_a)) == [
        ("leadership", 3, 3, 2),
        ("procurement", 1, 0, 0),
        ("operations", 0, 0, 0),
    ]


def test_several_rounds_are_counted_in_one_query_as_each_alone(
    org_a, model_version, django_assert_num_queries
):
    rounds = [make_round(org_a, model_version, name=f"Skattning {n}") for n in range(3)]
    finished_respondents(rounds[0], "operations", 3)
    make_respondent(rounds[1], "leadership")

    with django_assert_num_queries(1):
        together = participation_of(rounds)

    assert {pk: counts(rows) for pk, rows in together.items()} == {
        r.pk: counts(participation(r)) for r in rounds
    }
    assert counts(together[rounds[2].pk]) == [
        ("leadership", 0, 0, 0),
        ("procurement", 0, 0, 0),
        ("operations", 0, 0, 0),
    ]
