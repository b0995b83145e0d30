"""An area page's questions are rendered once per version, area and language, and each
respondent's own choices, comments and errors are filled in per request, never shown to another."""

from unittest import mock

from django.test import Client
from django.urls import reverse

from ambitionsgraf.conftest import area_post, english, make_respondent, page_text
from ambitionsgraf.rounds import question_block
from ambitionsgraf.rounds.questionnaire import areas_for


def area_url(token, number=1):
    return reverse("questionnaire:area", args=[token, number])


def counting_renders():
    return mock.patch.object(
        question_block, "render_to_string", wraps=question_block.render_to_string
    )


def test_the_model_text_is_rendered_once_and_each_respondent_sees_only_their_own_answers(
    client, round_a
):
    first, first_token = make_respondent(round_a, "operations")
    _second, second_token = make_respondent(round_a, "operations")
    _area, questions = areas_for(first)[0]
    client.post(area_url(first_token), area_post(questions, level="2", comment="Bara min <b>"))

    with counting_renders() as render:
        own = client.get(area_url(first_token)).content.decode()
        other = client.get(area_url(second_token)).content.decode()

    assert render.call_count == 1
    for q in questions:
        assert f'name="q{q.pk}" value="2" checked' in own
        assert f'value="shown_q{q.pk}"' not in own
        assert f'name="shown_q{q.pk}" value="2"' in own
    assert own.count("Bara min &lt;b&gt;") == 2 * len(questions)  # the comment and what was shown
    assert "<b>" not in own.split("<main", 1)[1]
    assert " checked" not in other
    assert "Bara min" not in other
    assert other.count('<details class="comment">') == len(questions)


def test_swedish_and_english_pages_each_keep_their_own_text(client, respondent_a):
    respondent, token = respondent_a
    area, questions = areas_for(respondent)[0]
    question = questions[0]

    url = area_url(token)  # in Swedish: reverse() follows the language a request left active
    swedish = [page_text(client.get(url)) for _ in range(2)]
    english_pages = [page_text(client.get(english("questionnaire:area", token, 1)))]
    swedish.append(page_text(Client().get(url)))  # without the English page's cookie

    for text in swedish:
        assert question.text_sv in text
        assert question.level_texts("sv")[0] in text
        assert "Vet inte" in text
    for text in english_pages:
        assert question.text_en in text
        assert question.level_texts("en")[0] in text
        assert "Don't know" in text
        assert question.text_sv not in text


def test_a_refused_comment_comes_back_with_its_error_by_the_field_and_its_text(
    client, respondent_a
):
    respondent, token = respondent_a
    _area, questions = areas_for(respondent)[0]
    data = area_post(questions, level="3")
    data[f"c{questions[0].pk}"] = "x" * 2001

    response = client.post(area_url(token), data)

    html = response.content.decode()
    pk = questions[0].pk
    assert response.status_code == 400
    assert f'<div id="c{pk}_error">' in html
    assert f'aria-invalid="true" aria-describedby="c{pk}_error"' in html
    assert "x" * 2001 in html
    assert f'name="q{pk}" value="3" checked' in html
    assert html.count('aria-invalid="true"') == 1
    assert not respondent.answers.exists()


def test_the_error_summary_names_each_question_and_leads_to_it(client, respondent_a):
    respondent, token = respondent_a
    _area, questions = areas_for(respondent)[0]
    data = area_post(questions, level="3")
    data[f"q{questions[1].pk}"] = "7"  # no such level
    data[f"c{questions[2].pk}"] = "x" * 2001

    html = client.post(area_url(token), data).content.decode()

    summary = html.split('class="error-summary"', 1)[1].split("</div>", 1)[0]
    assert f'<a href="#question-{questions[1].key}">Fråga 2: ' in summary
    assert f'<a href="#c{questions[2].pk}">Fråga 3: ' in summary
    assert summary.count("<a ") == 2
    assert f'id="question-{questions[1].key}"' in html and f'id="c{questions[2].pk}"' in html
    assert html.split("<title>", 1)[1].startswith("Fel: ")
    assert not respondent.answers.exists()
