"""The trend page's queries grow with the number of closed rounds (a handful, one a year),
never with respondents, answers or actions."""

import datetime as dt

from django.urls import reverse

from ambitionsgraf.conftest import logged_in, make_admin, make_organisation, queries_of
from ambitionsgraf.plans.models import Action

from .trend_builders import closed_round

PER_ROUND = 12  # load_round's queries for one round, with room to spare
MAX_TWO_ROUNDS = 22  # measured: 18


def organisation_with_rounds(model_version, rounds: int, per_perspective: int, actions=2):
    org = make_organisation(f"Kommun {rounds} {per_perspective}")
    client = logged_in(make_admin(org, f"admin{rounds}-{per_perspective}@kommun.example"))
    made = [
        closed_round(
            org,
            model_version,
            f"Omgång {i}",
            closed_days_ago=400 * (rounds - i),
            per_perspective=per_perspective,
            ambitions={"goals": 4},
        )  # fmt: skip
        for i in range(rounds)
    ]
    for i in range(actions):
        Action.objects.create(
            organisation=org, area_key="goals", description=f"Åtgärd {i}", status="done",
            done_at=made[0].closed_at + dt.timedelta(days=1),
        )  # fmt: skip
    return client, reverse("results:trend", args=[org.code])


def test_queries_do_not_grow_with_respondents_or_actions(model_version):
    few = queries_of(*organisation_with_rounds(model_version, 2, per_perspective=2))
    many = queries_of(*organisation_with_rounds(model_version, 2, per_perspective=5, actions=10))

    print(f"trend page queries, 2 rounds: 6 respondents {few}, 15 respondents {many}")
    assert few == many


def test_queries_grow_by_at_most_one_round_budget_per_round(model_version):
    two = queries_of(*organisation_with_rounds(model_version, 2, per_perspective=3))
    three = queries_of(*organisation_with_rounds(model_version, 3, per_perspective=3))

    print(f"trend page queries: 2 rounds {two}, 3 rounds {three}")
    assert three - two <= PER_ROUND


def test_two_rounds_stay_within_the_budget(model_version, django_assert_max_num_queries):
    client, url = organisation_with_rounds(model_version, 2, per_perspective=3)

    with django_assert_max_num_queries(MAX_TWO_ROUNDS):
        assert client.get(url).status_code == 200


def test_no_closed_round_costs_almost_nothing(model_version, django_assert_max_num_queries):
    client, url = organisation_with_rounds(model_version, 0, per_perspective=3, actions=0)

    with django_assert_max_num_queries(6):
        assert client.get(url).status_code == 200
