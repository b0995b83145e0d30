"""The questionnaire's area pages: saving, saving twice, moving back and forth, resuming."""

import pytest
from django.urls import reverse

from ambitionsgraf.conftest import area_post, in_language, make_respondent, page_text
from ambitionsgraf.rounds.models import Answer
from ambitionsgraf.rounds.questionnaire import areas_for

ALREADY_SAVED = "Your answers on this page were already saved."


def area_url(token, number):
    return reverse("questionnaire:area", args=[token, number])


@pytest.fixture
def areas(respondent_a):
    return areas_for(respondent_a[0])


def test_area_page_renders_its_questions(client, respondent_a, areas):
    _respondent, token = respondent_a
    area, questions = areas[0]

    response = client.get(area_url(token, 1))

    assert response.status_code == 200
    text = page_text(response)
    assert area.title_sv in text
    for q in questions:
        assert f'name="q{q.pk}"' in text


def test_answering_an_area_saves_levels_dont_know_and_comments(client, respondent_a, areas):
    respondent, token = respondent_a
    _area, questions = areas[0]
    first, second, *rest = questions
    data = area_post(rest, level="4")
    data |= {f"q{first.pk}": "2", f"c{first.pk}": "  Vi har ett utkast.  "}
    data |= {f"q{second.pk}": "dk", f"c{second.pk}": ""}

    response = client.post(area_url(token, 1), data)

    assert response.status_code == 302
    saved = {a.question_id: a for a in respondent.answers.all()}
    assert (saved[first.pk].level, saved[first.pk].dont_know) == (2, False)
    assert saved[first.pk].comment == "Vi har ett utkast."
    assert (saved[second.pk].level, saved[second.pk].dont_know) == (None, True)
    assert all(saved[q.pk].level == 4 for q in rest)
    respondent.refresh_from_db()
    assert respondent.started_at is not None
    assert respondent.last_area == 1


def test_saved_answers_are_shown_when_the_page_is_opened_again(client, respondent_a, areas):
    _respondent, token = respondent_a
    _area, questions = areas[0]
    data = area_post(questions, level="4", comment="Min kommentar")
    client.post(area_url(token, 1), data)

    response = client.get(area_url(token, 1))

    html = response.content.decode()
    for q in questions:
        assert f'name="q{q.pk}" value="4" checked' in html
    assert "Min kommentar" in html


def test_posting_the_same_page_twice_saves_one_set_and_says_already_saved(
    client, respondent_a, areas
):
    respondent, token = respondent_a
    _area, questions = areas[0]
    data = area_post(questions, level="3", comment="En gång")

    first = client.post(area_url(token, 1), data, follow=True)
    second = client.post(area_url(token, 1), data, follow=True)

    assert Answer.objects.filter(respondent=respondent).count() == len(questions)
    assert in_language("sv", ALREADY_SAVED) not in page_text(first)
    assert in_language("sv", ALREADY_SAVED) in page_text(second)


def test_emptying_an_answer_removes_it(client, respondent_a, areas):
    respondent, token = respondent_a
    _area, questions = areas[0]
    client.post(area_url(token, 1), area_post(questions, level="3"))

    client.post(area_url(token, 1), area_post(questions, level=""))

    assert not respondent.answers.exists()


def test_a_level_outside_the_choices_is_refused(client, respondent_a, areas):
    respondent, token = respondent_a
    _area, questions = areas[0]

    response = client.post(area_url(token, 1), area_post(questions, level="7"))

    assert response.status_code == 400
    assert response.context["form"].errors
    assert not respondent.answers.exists()


@pytest.mark.parametrize(
    "number, nav, target",
    [
        (1, "next", ("area", 2)),
        (2, "prev", ("area", 1)),
        (1, "prev", ("welcome", None)),
        (2, "summary", ("summary", None)),
        ("last", "next", ("summary", None)),
    ],
)
def test_back_and_forward_buttons_save_and_redirect(
    client, respondent_a, areas, number, nav, target
):
    respondent, token = respondent_a
    number = len(areas) if number == "last" else number
    _area, questions = areas[number - 1]

    response = client.post(area_url(token, number), area_post(questions, nav=nav))

    name, arg = target
    args = [token, arg] if arg else [token]
    assert response.status_code == 302
    assert response["Location"] == reverse(f"questionnaire:{name}", args=args)
    assert respondent.answers.count() == len(questions)


def test_resume_updates_last_area_and_welcome_links_to_the_next_area(client, respondent_a, areas):
    respondent, token = respondent_a
    for number in (1, 2):
        client.post(area_url(token, number), area_post(areas[number - 1][1]))

    respondent.refresh_from_db()
    assert respondent.last_area == 2
    response = client.get(reverse("questionnaire:welcome", args=[token]))
    assert f'href="{area_url(token, 3)}"' in response.content.decode()


def test_welcome_links_to_the_first_area_before_anything_is_saved(client, respondent_a):
    _respondent, token = respondent_a

    response = client.get(reverse("questionnaire:welcome", args=[token]))

    assert f'href="{area_url(token, 1)}"' in response.content.decode()


def test_only_questions_for_the_respondents_perspective_are_shown(client, round_a, model_version):
    """goals_decided is put to leadership and the procurement function, not to operations."""
    decided = model_version.areas.get(key="goals").questions.get(key="goals_decided")
    assert sorted(decided.perspectives) == ["leadership", "procurement"]
    _operations, operations_token = make_respondent(round_a, "operations")
    _leadership, leadership_token = make_respondent(round_a, "leadership")

    operations_page = page_text(client.get(area_url(operations_token, 1)))
    leadership_page = page_text(client.get(area_url(leadership_token, 1)))

    assert decided.text_sv not in operations_page
    assert f'name="q{decided.pk}"' not in operations_page
    assert decided.text_sv in leadership_page


def test_an_answer_to_a_question_not_put_to_the_perspective_is_not_saved(
    client, respondent_a, areas, model_version
):
    respondent, token = respondent_a
    decided = model_version.areas.get(key="goals").questions.get(key="goals_decided")
    data = area_post(areas[0][1]) | {f"q{decided.pk}": "5"}

    client.post(area_url(token, 1), data)

    assert not respondent.answers.filter(question=decided).exists()
