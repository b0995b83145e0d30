"""The database floor `make bench` prints: the statements a page really sends, replayed with
their transactions, and the best share of the ceiling that leaves."""

import pytest
from django.db import connection
from django.urls import reverse

from ambitionsgraf.conftest import area_post
from ambitionsgraf.rounds.models import Answer
from ambitionsgraf.rounds.questionnaire import areas_for
from ambitionsgraf.scale.bench_floor import Floor, Statement, batches, captured, replay
from ambitionsgraf.scale.bench_report import Figures, floor_lines


def test_statements_in_a_row_inside_transactions_are_replayed_as_one_transaction():
    statements = [
        Statement("a", False),
        Statement("b", True),
        Statement("c", True),
        Statement("d", False),
        Statement("e", True),
    ]

    assert batches(statements) == [
        (False, ["a"]),
        (True, ["b", "c"]),
        (False, ["d"]),
        (True, ["e"]),
    ]


def test_the_best_share_is_what_the_ceiling_leaves_once_the_floor_is_paid():
    floor = Floor(statements=5, transactions=1, cpu_ms=0.5)
    ceiling = Figures(
        requests=4000, seconds=1, p50_ms=0.4, p99_ms=1, max_ms=2, errors=0, bad_status=0
    )

    assert floor.best_share(0.5) == pytest.approx(0.5)
    lines = floor_lines({"saving an answer page": floor}, ceiling, cores=2)
    assert "the ceiling takes 0.50 ms" in lines[0]
    assert lines[1] == (
        "  saving an answer page: 5 statements in 1 transaction(s), 0.50 ms"
        " -> at best 50% of the ceiling"
    )
    assert floor_lines({}, ceiling, cores=2) == []


def saving(client, token, questions, level):
    url = reverse("questionnaire:area", args=[token, 1])
    return lambda: client.post(url, area_post(questions, level=level))


def test_a_save_is_captured_with_the_statements_it_sends_and_its_transaction(client, respondent_a):
    respondent, token = respondent_a
    _area, questions = areas_for(respondent)[0]
    saving(client, token, questions, "2")()  # the first save of a process reads more

    statements = captured(saving(client, token, questions, "4"))

    assert "token_hash" in statements[0].sql  # reading the link, outside any transaction
    assert statements[0].in_transaction is False
    writes = [s for s in statements if "INSERT" in s.sql or "ambitionsgraf_save_area" in s.sql]
    assert len(writes) == 1
    # Through the ORM the save is a transaction of its own; on PostgreSQL one statement.
    assert writes[0].in_transaction is (connection.vendor != "postgresql")
    assert set(Answer.objects.filter(respondent=respondent).values_list("level", flat=True)) == {4}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="replays over psycopg")
@pytest.mark.django_db(transaction=True)  # committed, or the replay would wait on the test's locks
def test_replaying_a_save_sends_the_pages_own_statements_and_counts_their_cpu(client, respondent_a):
    respondent, token = respondent_a
    _area, questions = areas_for(respondent)[0]
    saving(client, token, questions, "2")()
    statements = captured(saving(client, token, questions, "3"))
    Answer.objects.filter(respondent=respondent).update(level=1)

    floor = replay(statements, times=20)

    assert floor.statements == len(statements) == 2
    assert floor.cpu_ms > 0
    # The very statements of the save reached the same database: it saved level 3 again.
    assert set(Answer.objects.filter(respondent=respondent).values_list("level", flat=True)) == {3}
