"""The plan page runs a fixed number of SQL queries, however many actions and comments it has."""

import pytest

from ambitionsgraf.conftest import logged_in, make_admin, make_organisation, make_round, queries_of
from ambitionsgraf.plans.models import ActionComment

from .conftest import give_results, make_action, plan_path

# One closed round; a second one adds the trend comparison for the "done, but no change
# yet" flag (two more rounds read), which does not grow with actions either.
MAX_PLAN = 17
AREAS = ["goals", "strategies", "planning", "follow_up", "facts", "retired_area"]


def organisation_with_plan(model_version, actions: int):
    """An admin's client and the plan of an organisation with a closed round and `actions`
    actions spread over the areas (one in an area the model no longer has), each commented."""
    org = make_organisation(f"Kommun med {actions} åtgärder")
    admin = make_admin(org, f"admin{actions}@kommun.example", name="Admin")
    round_ = make_round(org, model_version)
    give_results(round_)
    round_.close()
    for i in range(actions):
        action = make_action(org, AREAS[i % len(AREAS)], f"Åtgärd {i}", owner="Anna")
        ActionComment.objects.create(action=action, author=admin, text=f"Kommentar {i}")
    return logged_in(admin), plan_path(org)


def test_plan_page_queries_do_not_grow_with_actions(model_version):
    few = queries_of(*organisation_with_plan(model_version, 6))
    many = queries_of(*organisation_with_plan(model_version, 36))

    print(f"plan page queries: 6 actions {few}, 36 actions {many}")
    assert few == many


@pytest.mark.parametrize("actions", [0, 6, 36])
def test_plan_page_stays_within_its_query_budget(
    model_version, django_assert_max_num_queries, actions
):
    client, url = organisation_with_plan(model_version, actions)

    with django_assert_max_num_queries(MAX_PLAN):
        response = client.get(url)
    assert response.status_code == 200
