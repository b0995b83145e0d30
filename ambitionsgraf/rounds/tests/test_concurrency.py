"""Nothing is lost when a respondent answers in two tabs or clicks a button twice, and a
save racing another save of the same respondent neither fails nor duplicates an answer.
(The round closing while someone answers: test_concurrency_closing.py.)"""

import threading
import time

import pytest
from django.db import connection, transaction
from django.urls import reverse

from ambitionsgraf.conftest import in_language, make_respondent, page_text
from ambitionsgraf.lib.testing import at_the_same_moment, needs_concurrent_writers
from ambitionsgraf.rounds import answering
from ambitionsgraf.rounds.models import Answer, Respondent
from ambitionsgraf.rounds.questionnaire import areas_for

from .tabs import Tab, saved

STILL_FINISHED = "Your changes are saved. You are still marked as finished."
ALREADY_FINISHED = "You were already marked as finished. Your answers are saved."
ALREADY_SAVED = "Your answers on this page were already saved."


@pytest.fixture
def areas(respondent_a):
    return areas_for(respondent_a[0])


@pytest.fixture
def tabs(respondent_a):
    _respondent, token = respondent_a
    return Tab(token), Tab(token)


# ---------------------------------------------------------------- two tabs


def test_two_tabs_answering_different_questions_of_one_area_keep_both(respondent_a, areas, tabs):
    respondent, _token = respondent_a
    first, second, third, *_rest = areas[0][1]
    one, two = tabs
    one.open(1)
    two.open(1)

    one.choose(first, "2").choose(second, "3", "Från flik ett")
    assert one.save().status_code == 302
    two.choose(third, "4")
    assert two.save().status_code == 302

    assert saved(respondent) == {
        first.pk: (2, False, ""),
        second.pk: (3, False, "Från flik ett"),
        third.pk: (4, False, ""),
    }


def test_two_tabs_answering_the_same_question_keep_the_later_save(respondent_a, areas, tabs):
    respondent, _token = respondent_a
    first, second, *_rest = areas[0][1]
    one, two = tabs
    one.open(1)
    two.open(1)

    one.choose(first, "2", "Först").choose(second, "dk").save()
    two.choose(first, "5", "Sedan").save()

    assert Answer.objects.filter(respondent=respondent, question=first).count() == 1
    assert saved(respondent) == {first.pk: (5, False, "Sedan"), second.pk: (None, True, "")}


def test_an_older_tab_changing_only_a_comment_keeps_the_level_saved_since(
    respondent_a, areas, tabs
):
    respondent, _token = respondent_a
    first, *_rest = areas[0][1]
    one, two = tabs
    one.open(1)
    one.choose(first, "2", "Ett utkast finns").save()
    one.open(1)
    two.open(1)  # shows level 2 and the comment

    one.choose(first, "4").save()
    two.choose(first, "2", "Utkastet är beslutat\noch publicerat").save()

    assert saved(respondent) == {first.pk: (4, False, "Utkastet är beslutat\noch publicerat")}


def test_a_tab_with_nothing_changed_saves_nothing_and_says_so(respondent_a, areas, tabs):
    respondent, _token = respondent_a
    first, *_rest = areas[0][1]
    one, two = tabs
    one.open(1)
    two.open(1)
    one.choose(first, "3").save()

    response = two.save(follow=True)

    assert saved(respondent) == {first.pk: (3, False, "")}
    assert in_language("sv", ALREADY_SAVED) in page_text(response)


def test_two_tabs_on_different_areas_save_both_and_resume_after_the_furthest(
    client, respondent_a, areas, tabs
):
    respondent, token = respondent_a
    one, two = tabs
    one.open(2)
    two.open(1)
    for question in areas[1][1]:
        one.choose(question, "3")
    for question in areas[0][1]:
        two.choose(question, "2")

    one.save()
    two.save()

    levels = {q.pk: 3 for q in areas[1][1]} | {q.pk: 2 for q in areas[0][1]}
    assert {pk: level for pk, (level, _dk, _c) in saved(respondent).items()} == levels
    respondent.refresh_from_db()
    assert respondent.last_area == 2
    welcome = client.get(reverse("questionnaire:welcome", args=[token]))
    assert reverse("questionnaire:area", args=[token, 3]) in welcome.content.decode()


# ---------------------------------------------------------------- double submit


def test_a_page_sent_twice_saves_one_answer_per_question(respondent_a, areas, tabs):
    respondent, _token = respondent_a
    questions = areas[0][1]
    one, _two = tabs
    one.open(1)
    for question in questions:
        one.choose(question, "4", "Dubbelklick")

    first = one.save(follow=True)
    second = one.save(follow=True)

    assert first.status_code == second.status_code == 200
    assert Answer.objects.filter(respondent=respondent).count() == len(questions)
    assert in_language("sv", ALREADY_SAVED) in page_text(second)


def test_finish_sent_twice_keeps_the_first_time_and_lands_on_the_summary(respondent_a, tabs):
    respondent, token = respondent_a
    one, two = tabs

    first = one.finish()
    respondent.refresh_from_db()
    finished_at = respondent.finished_at
    second = two.finish(follow=True)

    summary = reverse("questionnaire:summary", args=[token])
    assert first.status_code == 302 and first["Location"] == summary
    assert second.status_code == 200
    assert in_language("sv", ALREADY_FINISHED) in page_text(second)
    respondent.refresh_from_db()
    assert respondent.finished_at == finished_at


# ---------------------------------------------------------------- saving after finishing


def test_saving_a_page_after_finishing_in_another_tab_is_kept_and_says_still_finished(
    respondent_a, areas, tabs
):
    """While the round is open a finished respondent may still change answers (as the
    welcome and summary pages promise); the change counts and they stay finished."""
    respondent, _token = respondent_a
    first, *_rest = areas[0][1]
    one, two = tabs
    one.open(1)
    two.finish()
    respondent.refresh_from_db()
    finished_at = respondent.finished_at

    response = one.choose(first, "4").save(follow=True)

    assert response.status_code == 200
    assert in_language("sv", STILL_FINISHED) in page_text(response)
    respondent.refresh_from_db()
    assert respondent.finished_at == finished_at
    assert saved(respondent) == {first.pk: (4, False, "")}


def test_an_area_page_of_a_finished_respondent_says_answers_can_still_change(respondent_a, tabs):
    one, two = tabs
    two.finish()

    response = one.open(1)

    message = "You have finished. You can still change your answers until the round closes."
    assert in_language("sv", message) in page_text(response)


# ---------------------------------------------------------------- a real race


def test_an_answer_created_by_another_request_meanwhile_is_updated_not_duplicated(
    respondent_a, areas, monkeypatch
):
    """Another request saves the same question after this save read the saved answers and
    before it writes: the upsert updates that row instead of failing on the unique rule.
    (The ORM's save, which is the one SQLite uses; PostgreSQL's SQL function upserts the same
    way, inside one statement where nothing can be slipped in between.)"""
    respondent, _token = respondent_a
    first, second, *_rest = areas[0][1]
    merged = answering._merged

    def meanwhile(answer, posted):
        if not Answer.objects.filter(respondent=respondent, question=first).exists():
            Answer.objects.create(respondent=respondent, question=first, level=1, comment="Annan")
        return merged(answer, posted)

    monkeypatch.setattr(answering, "_merged", meanwhile)

    changed = answering._save_area_in_python(
        respondent=respondent,
        position=1,
        posted={first: answering.Posted("3", "Den här"), second: answering.Posted("dk", "")},
    )

    assert changed
    assert saved(respondent) == {first.pk: (3, False, "Den här"), second.pk: (None, True, "")}


@pytest.mark.django_db(transaction=True)
def test_two_saves_of_one_respondent_at_the_same_moment_leave_one_answer_per_question(
    round_a, model_version
):
    needs_concurrent_writers()
    respondent, _token = make_respondent(round_a, "leadership")
    _area, questions = areas_for(respondent)[0]

    def save(level):
        def job():
            fresh = Respondent.objects.select_related("round").get(pk=respondent.pk)
            answering.save_area(
                respondent=fresh,
                position=1,
                posted={q: answering.Posted(level, f"Nivå {level}") for q in questions},
            )

        return job

    for _attempt in range(5):
        assert at_the_same_moment(save("2"), save("4")) == []
        rows = list(Answer.objects.filter(respondent=respondent).values_list("level", "comment"))
        assert len(rows) == len(questions)
        assert len(set(rows)) == 1  # one save won entirely
        Answer.objects.filter(respondent=respondent).delete()


def _when_a_session_waits_for_a_lock(then, seconds=10.0):
    """Wait until another connection to the database waits for a lock, then call `then`."""
    deadline = time.monotonic() + seconds
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity"
                " WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
            if cursor.fetchone()[0]:
                then()
                return
            time.sleep(0.01)
    then()
    raise AssertionError("no session waited for a lock")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("save", ["save_area", "_save_area_in_python"])
def test_a_save_that_waited_for_another_tabs_save_keeps_what_that_tab_saved(
    round_a, model_version, save
):
    """Tab one saves a level and, before it commits, tab two sends a new comment only, so tab
    two waits for the round's lock. Once tab one commits, tab two must merge its comment with
    the level tab one saved, not with what was saved when tab two began to wait. (On
    PostgreSQL save_area is one SQL function; each of its statements has to read anew.)"""
    needs_concurrent_writers()
    respondent, _token = make_respondent(round_a, "leadership")
    first = areas_for(respondent)[0][1][0]
    save_area = getattr(answering, save)
    holding, release = threading.Event(), threading.Event()

    def tab_one():
        fresh = Respondent.objects.get(pk=respondent.pk)
        with transaction.atomic():
            save_area(respondent=fresh, position=1, posted={first: answering.Posted("2", "")})
            holding.set()
            release.wait(10)

    def tab_two():
        fresh = Respondent.objects.get(pk=respondent.pk)
        holding.wait(10)
        comment = answering.Posted("", "Bara kommentaren", choice_changed=False)
        save_area(respondent=fresh, position=1, posted={first: comment})

    def commit_tab_one_once_tab_two_waits():
        holding.wait(10)
        _when_a_session_waits_for_a_lock(then=release.set)

    assert at_the_same_moment(tab_one, tab_two, commit_tab_one_once_tab_two_waits) == []

    assert saved(respondent) == {first.pk: (2, False, "Bara kommentaren")}


@pytest.mark.django_db(transaction=True)
def test_two_tabs_posting_at_the_same_moment_both_succeed(round_a, model_version):
    needs_concurrent_writers()
    respondent, token = make_respondent(round_a, "procurement")
    first, second, *_rest = areas_for(respondent)[0][1]
    one, two = Tab(token), Tab(token)
    one.open(1)
    two.open(1)
    one.choose(first, "2")
    two.choose(second, "5")
    statuses = []

    errors = at_the_same_moment(
        lambda: statuses.append(one.save().status_code),
        lambda: statuses.append(two.save().status_code),
    )

    assert errors == []
    assert statuses == [302, 302]
    assert saved(respondent) == {first.pk: (2, False, ""), second.pk: (5, False, "")}


@pytest.mark.django_db(transaction=True)
def test_finishing_from_two_tabs_at_the_same_moment_finishes_once(round_a, model_version):
    needs_concurrent_writers()
    respondent, _token = make_respondent(round_a, "operations")
    results = []

    def job():
        fresh = Respondent.objects.select_related("round").get(pk=respondent.pk)
        results.append(answering.finish(respondent=fresh))

    assert at_the_same_moment(job, job) == []

    assert sorted(results) == [False, True]
    respondent.refresh_from_db()
    assert respondent.finished_at is not None
