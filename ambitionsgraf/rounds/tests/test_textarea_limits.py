"""A text that fits a textarea's limit in the browser is accepted by the server.

A textarea's maxlength counts a line break as one character, but the browser sends each as two
(CR LF). Found by the form properties: a long comment with line breaks was refused as too long
although the page had let the person type it.
"""

import pytest
from django.urls import reverse

from ambitionsgraf.plans.forms import ActionForm, CommentForm
from ambitionsgraf.plans.workshop_forms import AgreedLevelForm
from ambitionsgraf.rounds.forms import AmbitionForm, MultilineField
from ambitionsgraf.rounds.questionnaire import AreaForm, areas_for


def typed(limit: int) -> str:
    """`limit` characters as a textarea counts them, with a line break every ten."""
    return ("Nio tecken\n" * (limit // 11 + 1))[: limit - 1].rstrip() + "."


def sent(text: str) -> str:
    return text.replace("\n", "\r\n")


def test_multiline_field_counts_a_line_break_as_one_and_keeps_it():
    field = MultilineField(max_length=25)

    assert field.clean(sent("första raden\nandra raden")) == "första raden\nandra raden"
    assert field.clean("en\rtvå") == "en\ntvå"


@pytest.mark.parametrize(
    "make, name, limit",
    [
        (lambda: CommentForm, "text", 2000),
        (lambda: ActionForm, "description", 2000),
        (lambda: AgreedLevelForm, "reason", 4000),
    ],
)
def test_plan_and_workshop_texts_accept_what_the_textarea_allowed(make, name, limit):
    text = typed(limit)
    assert len(text) <= limit < len(sent(text))
    form_class = make()
    kwargs = {"areas": [("goals", "Mål")]} if form_class is ActionForm else {}
    data = {name: sent(text), "area_key": "goals", "status": "planned", "level": "3"}

    form = form_class(data, **kwargs)

    assert name not in form.errors, form.errors
    assert form.cleaned_data[name] == text


def test_ambition_reason_accepts_what_the_textarea_allowed(model_version):
    area = model_version.areas.get(key="goals")
    text = typed(2000)

    form = AmbitionForm({"target_goals": "3", "reason_goals": sent(text)}, areas=[area])

    assert form.is_valid(), form.errors
    assert form.cleaned_data["reason_goals"] == text


def test_questionnaire_comment_accepts_what_the_textarea_allowed(client, respondent_a):
    respondent, token = respondent_a
    _area, questions = areas_for(respondent)[0]
    text = typed(2000)
    form = AreaForm({f"c{questions[0].pk}": sent(text)}, questions=questions)
    assert form.is_valid(), form.errors

    response = client.post(
        reverse("questionnaire:area", args=[token, 1]),
        {f"q{questions[0].pk}": "3", f"c{questions[0].pk}": sent(text), "nav": "next"},
    )

    assert response.status_code == 302
    assert respondent.answers.get().comment == text


def test_a_text_over_the_limit_is_still_refused():
    form = CommentForm({"text": sent("x" * 1000 + "\n" + "y" * 1000)})

    assert "text" in form.errors
