import datetime as dt

import pytest
from django.utils import timezone

from ambitionsgraf.conftest import make_organisation, make_round


@pytest.mark.django_db
def test_close_due_closes_only_rounds_past_their_date_in_a_fixed_number_of_queries(
    model_version, django_assert_num_queries
):
    org = make_organisation()
    today = timezone.localdate()
    past = [make_round(org, model_version, name=f"Gammal {n}") for n in range(3)]
    for round_ in past:
        round_.closes_on = today - dt.timedelta(days=1)
        round_.save()
    today_round = make_round(org, model_version, name="Stänger i dag")
    today_round.closes_on = today
    today_round.save()
    undated = make_round(org, model_version, name="Utan datum")

    with django_assert_num_queries(5):
        closed = org.rounds.close_due()

    assert {r.pk for r in closed} == {r.pk for r in past}
    assert set(org.rounds.open()) == {today_round, undated}
    assert all(r.closed_at for r in org.rounds.closed())
