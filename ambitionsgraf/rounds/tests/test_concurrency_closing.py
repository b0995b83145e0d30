"""The round closes while a respondent answers (closed by the admin, or its closing date
passes): the save is refused with a clear message, their earlier answers are kept, and
nothing new is saved."""

import datetime as dt

import pytest
from django.utils import timezone

from ambitionsgraf.conftest import in_language, page_text
from ambitionsgraf.rounds import answering
from ambitionsgraf.rounds.models import Round
from ambitionsgraf.rounds.questionnaire import areas_for

from .tabs import Tab, saved

CLOSED_BEFORE_SAVE = (
    "The round closed before your latest changes could be saved, so they were not saved."
)
CLOSED_BEFORE_FINISH = (
    "The round closed before you marked yourself as finished, so it could not be done."
)
KEPT_UNFINISHED = (
    "The answers you saved earlier are kept. The results count only those who marked "
    "themselves as finished, so yours are not part of them."
)
KEPT_FINISHED = "The answers you saved earlier are kept and count in the results."


@pytest.fixture
def areas(respondent_a):
    return areas_for(respondent_a[0])


@pytest.fixture
def tabs(respondent_a):
    _respondent, token = respondent_a
    return Tab(token), Tab(token)


@pytest.fixture
def half_done(respondent_a, areas, tabs):
    """Area 1 is saved with level 2; tab one has area 2 open with answers chosen, unsaved."""
    respondent, _token = respondent_a
    one, _two = tabs
    one.open(1)
    for question in areas[0][1]:
        one.choose(question, "2", "Sparad före stängning")
    one.save()
    one.open(2)
    for question in areas[1][1]:
        one.choose(question, "5")
    respondent.refresh_from_db()
    return one, saved(respondent)


def assert_nothing_new(respondent, before):
    last_area = respondent.last_area
    respondent.refresh_from_db()
    assert saved(respondent) == before
    assert respondent.last_area == last_area
    assert respondent.finished_at is None


def test_a_round_closed_between_opening_and_saving_a_page_refuses_and_keeps_earlier_answers(
    respondent_a, round_a, half_done
):
    respondent, _token = respondent_a
    one, before = half_done
    round_a.close()

    response = one.save()

    assert response.status_code == 409
    text = page_text(response)
    assert in_language("sv", CLOSED_BEFORE_SAVE) in text
    assert in_language("sv", KEPT_UNFINISHED) in text
    assert_nothing_new(respondent, before)


def test_the_refusal_is_in_the_respondents_language(respondent_a, round_a, areas):
    respondent, token = respondent_a
    tab = Tab(token, language="en")
    tab.open(1)
    tab.choose(areas[0][1][0], "3")
    round_a.close()

    response = tab.save()

    assert response.status_code == 409
    assert CLOSED_BEFORE_SAVE in page_text(response)
    assert not saved(respondent)


def test_a_closing_date_passing_between_opening_and_saving_refuses_the_same_way(
    respondent_a, round_a, half_done
):
    respondent, _token = respondent_a
    one, before = half_done
    Round.objects.filter(pk=round_a.pk).update(
        closes_on=timezone.localdate() - dt.timedelta(days=1)
    )

    response = one.save()

    assert response.status_code == 409
    assert in_language("sv", CLOSED_BEFORE_SAVE) in page_text(response)
    assert_nothing_new(respondent, before)
    round_a.refresh_from_db()
    assert not round_a.is_open


def test_the_round_closing_inside_the_save_refuses_it_whole(respondent_a, round_a, half_done):
    """The page was checked while the round was open; it closed before the save took its
    lock (the service re-reads the round under the lock)."""
    respondent, _token = respondent_a
    _one, before = half_done
    _area, questions = areas_for(respondent)[1]
    Round.objects.filter(pk=round_a.pk).update(status=Round.Status.CLOSED)

    with pytest.raises(answering.RoundClosed):
        answering.save_area(
            respondent=respondent,
            position=2,
            posted={q: answering.Posted("5", "") for q in questions},
        )
    with pytest.raises(answering.RoundClosed):
        answering.finish(respondent=respondent)
    assert_nothing_new(respondent, before)


def test_a_closing_date_passing_inside_the_save_refuses_it_whole(respondent_a, round_a, half_done):
    """The page was checked the day before; the save takes its lock after midnight, with the
    round still marked open (nobody has looked since): the date alone refuses it."""
    respondent, _token = respondent_a
    _one, before = half_done
    _area, questions = areas_for(respondent)[1]
    Round.objects.filter(pk=round_a.pk).update(
        closes_on=timezone.localdate() - dt.timedelta(days=1)
    )

    with pytest.raises(answering.RoundClosed):
        answering.save_area(
            respondent=respondent,
            position=2,
            posted={q: answering.Posted("5", "Efter stängning") for q in questions},
        )
    assert_nothing_new(respondent, before)
    round_a.refresh_from_db()
    assert round_a.is_open  # the save refuses; closing is for whoever looks next


def test_finishing_after_the_round_closed_says_so_and_keeps_the_answers(
    respondent_a, round_a, half_done
):
    respondent, _token = respondent_a
    one, before = half_done
    round_a.close()

    response = one.finish()

    assert response.status_code == 409
    assert in_language("sv", CLOSED_BEFORE_FINISH) in page_text(response)
    assert_nothing_new(respondent, before)


def test_a_finished_respondent_is_told_their_answers_count(respondent_a, round_a, half_done):
    respondent, _token = respondent_a
    one, _before = half_done
    one.finish()
    round_a.close()

    response = one.save()

    assert response.status_code == 409
    assert in_language("sv", KEPT_FINISHED) in page_text(response)
