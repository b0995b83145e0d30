"""The public quick check page: the form, the result, and nothing stored without consent."""

import re

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from ambitionsgraf.conftest import english, in_language, page_text
from ambitionsgraf.lib.testing import COUNT_QUERIES
from ambitionsgraf.quickcheck.models import QuickCheck

from .conftest import filled

pytestmark = pytest.mark.django_db
HALVES = "Choose a level from 1 to 5, in steps of a half (for example 3 or 3.5)."
ROW = re.compile(r'<tr>\s*<th scope="row">(.*?)</th>(.*?)</tr>', re.S)


def table(text) -> dict[str, list[str]]:
    """The result table: area title -> its cells."""
    cell = re.compile(r'<td class="num">(.*?)</td>')
    return {title: cell.findall(cells) for title, cells in ROW.findall(text)}


def url():
    return reverse("quickcheck:start")


def test_the_page_lists_every_area_with_its_core_question_and_an_ambition(client, core_questions):
    response = client.get(url())
    assert response.status_code == 200
    text = page_text(response)
    assert len(core_questions) == 8
    for q in core_questions:
        assert q.text_sv in text
        assert q.area.title_sv in text
        for n in range(1, 6):
            assert f'id="level-{q.area.key}-{n}"' in text
        assert f'id="level-{q.area.key}-dk"' in text
        assert f'name="ambition_{q.area.key}"' in text
        assert '<option value="3.5">' in text  # halves, as for a round's ambition
    assert text.count('<fieldset class="question"') == 8
    assert in_language("sv", "Your ambition for this area") in text
    consent = "Save my answers anonymously so the national procurement agency can learn from them"
    assert in_language("sv", consent) in text
    assert 'name="save"' in text and 'name="save" checked' not in text


def test_the_front_page_invites_to_the_quick_check(client, db):
    response = client.get(reverse("front"))
    assert f'href="{url()}"' in response.content.decode()


def test_nothing_is_stored_without_consent(client, core_questions):
    data = filled(core_questions, organisation_type="municipality")
    response = client.post(url(), data)
    assert response.status_code == 200
    assert response.templates[0].name == "quickcheck/result.html"
    assert QuickCheck.objects.count() == 0
    assert Session.objects.count() == 0
    assert "sessionid" not in response.cookies
    assert in_language(
        "sv",
        "Your answers have not been saved anywhere. To keep them, print this page or save it "
        "as a PDF from your browser.",
    ) in page_text(response)


def test_with_consent_one_row_is_stored_with_the_answers(client, core_questions, model_version):
    data = filled(core_questions, level="2", ambition="3,5", save="on", organisation_type="region")
    data[f"level_{core_questions[0].area.key}"] = "dk"
    response = client.post(url(), data)
    assert response.status_code == 200
    check = QuickCheck.objects.get()
    keys = [q.area.key for q in core_questions]
    assert check.model_version == model_version
    assert check.answers == {key: (None if key == keys[0] else 2) for key in keys}
    assert check.ambitions == dict.fromkeys(keys, 3.5)
    assert check.organisation_type == "region"
    assert check.created_on == timezone.localdate()
    assert Session.objects.count() == 0
    assert "sessionid" not in response.cookies
    thanks = "Thank you. Your answers have been saved without anything that identifies you."
    assert in_language("sv", thanks) in page_text(response)


def test_the_model_has_no_field_that_could_hold_personal_data():
    fields = {f.name: f for f in QuickCheck._meta.get_fields()}
    assert set(fields) == {
        "id",
        "model_version",
        "created_on",
        "answers",
        "ambitions",
        "organisation_type",
    }
    assert fields["created_on"].get_internal_type() == "DateField"  # a day, not a moment
    assert fields["model_version"].related_model._meta.label == "maturity.ModelVersion"
    assert fields["organisation_type"].choices  # a fixed list, not free text


def test_missing_answers_get_clear_messages_and_store_nothing(client, core_questions):
    response = client.post(url(), {"save": "on"})
    assert response.status_code == 400
    text = page_text(response)
    assert response.templates[0].name == "quickcheck/start.html"
    assert QuickCheck.objects.count() == 0
    assert in_language("sv", "Something needs to be corrected") in text
    # Each message twice per area: in the summary at the top and by the field.
    missing_level = in_language("sv", "Choose the description that fits best, or “Don't know”.")
    assert text.count(missing_level) == 16
    assert text.count(in_language("sv", "Choose your ambition for this area.")) == 16
    key = core_questions[0].area.key
    assert f'href="#level-{key}-1"' in text and f'href="#id_ambition_{key}"' in text
    assert f'aria-describedby="id_level_{key}_error"' in text
    assert f'<ul class="errorlist" id="id_level_{key}_error">' in text
    assert 'aria-invalid="true"' in text
    assert "<title>" + in_language("sv", "Error:") in text


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("level", "9", "Choose one of the five levels or “Don't know”."),
        ("level", "x" * 100_000, "Choose one of the five levels or “Don't know”."),
        ("ambition", "0", HALVES),
        ("ambition", "3.3", HALVES),
        ("ambition", "NaN", HALVES),
        ("ambition", "<script>", HALVES),
        ("ambition", "9" * 100_000, HALVES),
        ("organisation_type", "x" * 50_000, "Choose a type from the list, or leave it empty."),
    ],
)
def test_invalid_input_gets_a_clear_message_and_stores_nothing(
    client, core_questions, field, value, message
):
    data = filled(core_questions, save="on")
    key = core_questions[2].area.key
    data["organisation_type" if field == "organisation_type" else f"{field}_{key}"] = value
    response = client.post(url(), data)
    assert response.status_code == 400
    text = page_text(response)
    assert in_language("sv", message) in text
    assert "<script>" not in text.split("<main", 1)[1]
    assert QuickCheck.objects.count() == 0


def test_values_are_kept_when_the_form_is_shown_again(client, core_questions):
    data = filled(core_questions, level="4", ambition="4.5", save="on", organisation_type="region")
    missing = core_questions[-1].area.key
    del data[f"level_{missing}"]
    text = page_text(client.post(url(), data))
    first = core_questions[0].area.key
    assert f'id="level-{first}-4" name="level_{first}" value="4" checked' in text
    assert f'id="level-{missing}-4" name="level_{missing}" value="4" checked' not in text
    assert '<option value="4.5" selected>' in text
    assert re.search(r'<input type="checkbox" name="save"[^>]* checked>', text)
    assert '<option value="region" selected>' in text


def test_the_result_shows_the_table_and_the_largest_gaps_in_english(client, core_questions):
    data = filled(core_questions, level="3", ambition="3")
    first, second, third = (q.area.key for q in core_questions[:3])
    data |= {f"level_{first}": "1", f"ambition_{first}": "4.5", f"level_{second}": "dk"}
    data |= {f"level_{third}": "2", f"ambition_{third}": "4"}
    response = client.post(english("quickcheck:start"), data)
    text = page_text(response)
    assert response.status_code == 200
    assert re.search(r'<svg [^>]*role="img"', text)
    rows = table(text)
    assert len(rows) == 8
    assert rows[core_questions[0].area.title_en] == ["1.0", "4.5", "+3.5"]
    assert rows[core_questions[1].area.title_en] == ["Don't know", "3.0", "–"]
    assert rows[core_questions[2].area.title_en] == ["2.0", "4.0", "+2.0"]
    assert rows[core_questions[3].area.title_en] == ["3.0", "3.0", "0.0"]
    assert "The 2 largest gaps between today and your ambition:" in text
    assert "level 1.0 today, ambition 4.5: 3.5 levels to go" in text
    reading = text[text.index("What your answers say") :]
    assert reading.index(core_questions[0].area.title_en) < reading.index(
        core_questions[2].area.title_en
    )
    assert "A rough picture, not an assessment." in text
    assert f'href="{english("accounts:signup")}"' in text
    assert f'href="{english("method")}"' in text


def test_the_page_works_in_english(client, core_questions):
    response = client.get(english("quickcheck:start"))
    text = page_text(response)
    assert response.status_code == 200
    assert '<html lang="en">' in text
    for q in core_questions:
        assert q.text_en in text
        assert q.area.title_en in text
    assert "3 – Established" in text


def test_the_page_runs_few_queries(client, core_questions, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        client.get(url())
    with django_assert_max_num_queries(3):
        client.post(url(), filled(core_questions))
    with django_assert_max_num_queries(6 + COUNT_QUERIES):
        client.post(url(), filled(core_questions, save="on"))
    assert QuickCheck.objects.count() == 1


def test_other_methods_are_refused(client, db):
    assert client.put(url()).status_code == 405


def test_without_a_published_model_the_page_says_so(client, db):
    response = client.get(url())
    assert response.status_code == 200
    assert "<form" not in response.content.decode().split("<main", 1)[1]
    assert client.post(url(), {"save": "on"}).status_code == 200
    assert QuickCheck.objects.count() == 0


def test_at_most_twenty_quick_checks_an_hour_are_saved_from_one_address(client, core_questions):
    """The saved quick checks are counted apart from full assessments; a script must not skew
    them. Over the limit the visitor still gets their result, and is told it was not saved."""
    data = filled(core_questions, save="on")
    assert all(client.post(url(), data).status_code == 200 for _ in range(20))
    assert QuickCheck.objects.count() == 20

    over = client.post(url(), data)
    assert over.status_code == 200
    assert QuickCheck.objects.count() == 20
    text = page_text(over)
    assert "Dina svar har inte sparats: många snabbkollar har sparats" in text
    assert "Tack. Dina svar är sparade" not in text
    assert table(over.content.decode())  # the result is shown all the same

    assert client.post(url(), data, REMOTE_ADDR="192.0.2.9").status_code == 200
    assert QuickCheck.objects.count() == 21  # another network counts apart
    english_page = client.post(english("quickcheck:start"), data)
    assert "Your answers have not been saved: many quick checks" in page_text(english_page)
