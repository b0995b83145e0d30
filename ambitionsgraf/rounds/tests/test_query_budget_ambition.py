"""Saving the ambition costs the same number of queries however many areas it touches."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ambitionsgraf.rounds.models import Ambition

# Sign-in, round, areas, the round locked, the saved ambitions read, one statement per kind
# of change, the audit entry, the session and the transactions around them.
SAVE_QUERIES = 14


@pytest.fixture
def save(admin_a_client, org_a, round_a, model_version):
    url = reverse("rounds:ambition", args=[org_a.code, round_a.code])
    keys = [area.key for area in model_version.areas.all()]

    def post(targets: dict) -> int:
        data = {f"target_{key}": value for key, value in targets.items()}
        with CaptureQueriesContext(connection) as queries:
            response = admin_a_client.post(url, data)
        assert response.status_code == 302
        return len(queries)

    post.keys = keys
    return post


def test_a_first_ambition_for_every_area_costs_what_one_area_costs(save, round_a):
    one = save({save.keys[0]: "3"})
    Ambition.objects.filter(round=round_a).delete()

    every = save(dict.fromkeys(save.keys, "3"))

    assert len(save.keys) > 5
    assert every == one <= SAVE_QUERIES


def test_changing_and_removing_every_area_at_once_costs_no_more_than_adding(save, round_a):
    first = save({key: "3" for key in save.keys})
    half = len(save.keys) // 2
    changed = save({key: ("4" if i < half else "") for i, key in enumerate(save.keys)})

    assert Ambition.objects.filter(round=round_a).count() == half
    assert changed <= first + 1  # one kind of change more: a delete beside the update
    assert changed <= SAVE_QUERIES


def test_a_save_that_changes_nothing_writes_no_ambition(save, round_a):
    save({key: "3" for key in save.keys})
    stamps = list(Ambition.objects.filter(round=round_a).values_list("updated_at", flat=True))

    save({key: "3" for key in save.keys})

    assert (
        list(Ambition.objects.filter(round=round_a).values_list("updated_at", flat=True)) == stamps
    )
