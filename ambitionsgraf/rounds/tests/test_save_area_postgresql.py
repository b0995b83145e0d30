"""On PostgreSQL an area page is saved by one call of the SQL function ambitionsgraf_save_area
(migration 0004) instead of six statements through the ORM. The function has to do exactly
what the Python rule in ``answering`` does, so these tests run both on the same generated
cases and compare what each leaves in the database. (Refusing a closed round:
test_concurrency_closing.py; two tabs saving at once: test_concurrency.py.)"""

import datetime as dt
import itertools
import random

import pytest
from django.db import connection, transaction
from django.utils import timezone

from ambitionsgraf.conftest import make_respondent
from ambitionsgraf.rounds import answering
from ambitionsgraf.rounds.answering import Posted
from ambitionsgraf.rounds.models import Answer, Respondent, Round

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the SQL function exists only on PostgreSQL"
)

# What a question may have saved before the page is sent: (level, don't know, comment).
SAVED = [None, (3, False, ""), (None, True, ""), (None, False, "Sparad"), (2, False, "Sparad")]
CHOICES = ["", "1", "2", "3", "4", "5", "dk"]
# Empty, a new comment, only whitespace (empty once stripped), and the saved one padded.
COMMENTS = ["", "Ny kommentar", "  \r\n ", "  Sparad\n"]
CHANGED = [(True, True), (True, False), (False, True), (False, False)]  # choice, comment
CASES = list(itertools.product(SAVED, CHOICES, COMMENTS, CHANGED))

STARTED = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
SAVED_AT = dt.datetime(2026, 3, 9, 10, 0, tzinfo=dt.UTC)
NOW = dt.datetime(2026, 3, 16, 11, 0, tzinfo=dt.UTC)


class Clock:
    """timezone.now, set by the test."""

    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now


@pytest.fixture
def clock(monkeypatch):
    clock = Clock(SAVED_AT)
    monkeypatch.setattr(timezone, "now", clock)
    return clock


def pages(seed=2026, most=5):
    """Every case exactly once, shuffled and dealt into pages of 1 to `most` questions, each
    page with a respondent's progress before it and the area it saves."""
    rng = random.Random(seed)
    cases = CASES.copy()
    rng.shuffle(cases)
    while cases:
        size = rng.randint(1, most)
        page, cases = cases[:size], cases[size:]
        last_area = rng.choice([0, 2, 6])
        started_at = None if last_area == 0 or rng.random() < 0.3 else STARTED
        yield page, last_area, started_at, rng.randint(1, 6)


def run(save, clock, round_, questions, page, last_area, started_at, position):
    """One page saved by `save` for a new respondent who had saved what `page` says; what the
    save returned and left in memory and in the database."""
    respondent, _token = make_respondent(round_, "leadership")
    Respondent.objects.filter(pk=respondent.pk).update(last_area=last_area, started_at=started_at)
    respondent.last_area, respondent.started_at = last_area, started_at
    clock.now = SAVED_AT
    Answer.objects.bulk_create(
        Answer(respondent=respondent, question=q, level=s[0], dont_know=s[1], comment=s[2])
        for q, (s, *_posted) in zip(questions, page, strict=False)
        if s is not None
    )
    posted = {
        q: Posted(choice, comment, choice_changed, comment_changed)
        for q, (_s, choice, comment, (choice_changed, comment_changed)) in zip(
            questions, page, strict=False
        )
    }

    clock.now = NOW
    changed = save(respondent=respondent, position=position, posted=posted)

    in_memory = (respondent.last_area, respondent.started_at)
    respondent.refresh_from_db()
    return {
        "changed": changed,
        "in memory": in_memory,
        "stored": (respondent.last_area, respondent.started_at),
        "answers": {
            a.question_id: (a.level, a.dont_know, a.comment, a.updated_at)
            for a in Answer.objects.filter(respondent=respondent)
        },
    }


def test_the_sql_function_saves_every_case_exactly_as_the_python_rule_does(
    clock, round_a, model_version
):
    questions = Respondent(round=round_a, perspective="leadership").questions()[:5]
    outcomes = []

    for page, last_area, started_at, position in pages(most=len(questions)):
        args = (clock, round_a, questions, page, last_area, started_at, position)
        in_sql = run(answering._save_area_in_postgresql, *args)
        in_python = run(answering._save_area_in_python, *args)
        assert in_sql == in_python, (page, last_area, started_at, position)
        outcomes.append((page, in_python))

    # The cases reach every outcome: nothing changed, written, removed, started now or before.
    assert {o["changed"] for _page, o in outcomes} == {True, False}
    assert {a[3] for _page, o in outcomes for a in o["answers"].values()} == {SAVED_AT, NOW}
    assert any(
        before is not None and q.pk not in o["answers"]
        for page, o in outcomes
        for q, (before, *_posted) in zip(questions, page, strict=False)
    )
    assert {o["stored"][1] for _page, o in outcomes} == {STARTED, NOW}


def test_saving_an_area_is_one_statement(respondent_a, django_assert_num_queries):
    respondent, _token = respondent_a
    questions = respondent.questions()[:4]

    with django_assert_num_queries(1):
        changed = answering.save_area(
            respondent=respondent, position=1, posted={q: Posted("4", "Ett") for q in questions}
        )

    assert changed
    assert respondent.last_area == 1 and respondent.started_at is not None
    assert set(respondent.answers.values_list("level", "comment")) == {(4, "Ett")}


class CallerFailed(Exception):
    """Something the caller did after saving, in the same transaction, went wrong."""


def test_a_save_inside_the_callers_transaction_is_undone_with_it(respondent_a):
    respondent, _token = respondent_a
    questions = respondent.questions()[:3]

    with pytest.raises(CallerFailed), transaction.atomic():
        answering.save_area(
            respondent=respondent, position=2, posted={q: Posted("3", "") for q in questions}
        )
        raise CallerFailed

    respondent.refresh_from_db()
    assert not respondent.answers.exists()
    assert (respondent.last_area, respondent.started_at) == (0, None)


@pytest.mark.parametrize("save", ["_save_area_in_postgresql", "_save_area_in_python"])
def test_a_respondent_whose_round_is_gone_is_refused_the_same_way(respondent_a, save):
    respondent, _token = respondent_a
    question = respondent.questions()[0]
    respondent.round_id = Round.objects.order_by("-pk").values_list("pk", flat=True)[0] + 1

    with pytest.raises(Round.DoesNotExist):
        getattr(answering, save)(
            respondent=respondent, position=1, posted={question: Posted("2", "")}
        )
