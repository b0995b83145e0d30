"""The personal link's reads, written once as SQL, give what the ORM gives for the same rows."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ambitionsgraf.conftest import answer_all, finish, make_respondent
from ambitionsgraf.lib.tokens import token_hash
from ambitionsgraf.rounds import link_reads
from ambitionsgraf.rounds.models import Answer, Respondent


def test_a_link_reads_the_respondent_round_and_version_as_the_orm_does(round_a):
    respondent, token = make_respondent(round_a, "operations")
    answer_all(respondent)
    finish(respondent)
    round_a.closes_on = dt.date(2031, 5, 31)
    round_a.save(update_fields=["closes_on"])
    expected = Respondent.objects.select_related("round__model_version", "round__organisation").get(
        pk=respondent.pk
    )

    with CaptureQueriesContext(connection) as queries:
        read = link_reads.respondent(token_hash(token))
        pairs = [
            (read, expected),
            (read.round, expected.round),
            (read.round.model_version, expected.round.model_version),
            (read.round.organisation, expected.round.organisation),
        ]
        for got, wanted in pairs:
            for field in type(wanted)._meta.concrete_fields:
                assert getattr(got, field.attname) == getattr(wanted, field.attname), field.name
    assert len(queries) == 1

    assert timezone.is_aware(read.finished_at)  # converted as the ORM converts, on every database
    assert read.round.closes_on == dt.date(2031, 5, 31)
    assert read.round.model_version.is_published


def test_the_area_pages_lean_read_leaves_the_level_texts_for_when_they_are_asked_for(round_a):
    _respondent, token = make_respondent(round_a)
    read = link_reads.respondent(token_hash(token), whole=False)

    with CaptureQueriesContext(connection) as queries:
        names = read.round.model_version.level_names()
        organisation = read.round.organisation
    assert len(queries) == 2
    assert names == round_a.model_version.level_names()
    assert organisation == round_a.organisation


def test_an_unknown_link_reads_nothing(round_a):
    assert link_reads.respondent(token_hash("no-such-link")) is None
    assert link_reads.respondent(token_hash("no-such-link"), whole=False) is None


def test_answers_are_read_for_the_asked_questions_only_with_their_types(round_a):
    respondent, _token = make_respondent(round_a, "operations")
    answer_all(respondent, level=4, comment="Så här")
    questions = respondent.questions()
    Answer.objects.filter(respondent=respondent, question=questions[1]).update(
        level=None, dont_know=True
    )

    read = link_reads.answers(respondent.pk, [questions[0].pk, questions[1].pk])

    assert sorted(read) == sorted(
        [[questions[0].pk, 4, False, "Så här"], [questions[1].pk, None, True, "Så här"]]
    )
    assert all(type(row[2]) is bool for row in read)  # not SQLite's 0 and 1
    assert link_reads.answers(respondent.pk, []) == []
