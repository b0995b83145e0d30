"""The dialogue workshop pages: order, what an area page shows, agreeing on a level, finishing."""

from decimal import Decimal

import pytest
from django.urls import reverse

from ambitionsgraf.conftest import english, finished_respondents, in_language, page_text
from ambitionsgraf.rounds.models import Answer

RANGE = "Choose a level from 1 to 5, in steps of a half (for example 3 or 3.5)."


def set_area_answers(respondents, area_key, level):
    Answer.objects.filter(
        respondent__in=[r for r, _token in respondents], question__area__key=area_key
    ).update(level=level)


@pytest.fixture
def workshop_round(round_a):
    """Three finished per perspective, all at level 3, except that the perspectives differ
    most on facts (leadership 5, procurement 1), then on planning (leadership 4)."""
    made = {
        p: finished_respondents(round_a, p, 3) for p in ("leadership", "procurement", "operations")
    }
    set_area_answers(made["leadership"], "facts", 5)
    set_area_answers(made["procurement"], "facts", 1)
    set_area_answers(made["leadership"], "planning", 4)
    round_a.close()
    return round_a


def url(name, org, round_, *args):
    return reverse(f"workshop:{name}", args=[org.code, round_.code, *args])


def agreed(round_):
    return {a.area.key: (a.level, a.reason) for a in round_.agreed_levels.select_related("area")}


def test_start_lists_the_areas_biggest_disagreement_first(admin_a_client, org_a, workshop_round):
    response = admin_a_client.get(url("start", org_a, workshop_round))

    assert response.status_code == 200
    keys = [a.area.key for a in response.context["areas"]]
    assert keys == [
        "facts",
        "planning",
        "goals",
        "strategies",
        "follow_up",
        "responsibility",
        "organisation",
        "interplay",
    ]
    html = response.content.decode()
    assert html.index(url("area", org_a, workshop_round, 1)) < html.index(
        url("area", org_a, workshop_round, 2)
    )


def test_an_area_page_shows_the_levels_the_answers_by_perspective_and_the_form(
    admin_a_client, org_a, workshop_round
):
    response = admin_a_client.get(url("area", org_a, workshop_round, 1))

    assert response.status_code == 200
    text = page_text(response)
    assert in_language("sv", "Area %(n)s of %(count)s", n=1, count=8) in text
    assert response.context["a"].area.key == "facts"
    levels = dict(response.context["levels"])
    assert levels[in_language("sv", "Whole organisation")] == pytest.approx(3.0)
    assert sorted(v for v in levels.values()) == [1.0, 3.0, 3.0, 5.0]
    first = response.context["questions"][0]
    labels = [row["label"] for row in first["rows"]]
    assert labels == [
        in_language("sv", name)
        for name in ("Leadership", "Procurement function", "Operations", "All respondents")
    ]
    leadership = first["rows"][0]
    assert [count for count, _pct in leadership["cells"]] == [0, 0, 0, 0, 3]
    assert 'name="level"' in text and 'name="reason"' in text
    assert "js/workshop.js" in text


def test_the_area_page_in_english(admin_a_client, org_a, workshop_round):
    response = admin_a_client.get(english("workshop:area", org_a.code, workshop_round.code, 2))

    assert response.status_code == 200
    text = page_text(response)
    assert "Area 2 of 8" in text
    assert "Planning" in text
    assert "Level we agree on" in text
    assert [row["label"] for row in response.context["questions"][0]["rows"]] == [
        "Leadership",
        "Procurement function",
        "Operations",
        "All respondents",
    ]


def test_a_perspective_with_fewer_than_three_finished_never_appears_on_its_own(
    admin_a_client, org_a, round_a
):
    finished_respondents(round_a, "leadership", 3, level=2)
    finished_respondents(round_a, "procurement", 3, level=4)
    finished_respondents(round_a, "operations", 2, level=5)

    response = admin_a_client.get(url("area", org_a, round_a, 1))

    assert response.status_code == 200
    operations = in_language("sv", "Operations")
    assert operations not in [label for label, _value in response.context["levels"]]
    for item in response.context["questions"]:
        labels = [row["label"] for row in item["rows"]]
        assert operations not in labels
        assert in_language("sv", "Smaller groups combined") not in labels
        if "operations" in item["question"].perspectives:
            # Leadership and procurement beside the total would give away the two by subtraction.
            assert item["withheld"]
            assert labels == [in_language("sv", "All respondents")]


@pytest.mark.parametrize(
    "raw, expected", [("1", "1.0"), ("1.5", "1.5"), ("3,5", "3.5"), ("4.0", "4.0"), ("5", "5.0")]
)
def test_an_agreed_level_is_saved_with_its_reason(
    admin_a_client, org_a, workshop_round, raw, expected
):
    response = admin_a_client.post(
        url("area", org_a, workshop_round, 1),
        {"level": raw, "reason": "  Vi har ingen kategoristyrning.  ", "nav": "next"},
    )

    assert response.status_code == 302
    assert response["Location"] == url("area", org_a, workshop_round, 2)
    assert agreed(workshop_round) == {
        "facts": (Decimal(expected), "Vi har ingen kategoristyrning.")
    }


@pytest.mark.parametrize("raw", ["0", "5.5", "2.3", "abc", "0.5", "-1", "NaN", "Infinity", "6"])
def test_a_bad_level_is_refused_with_a_message_and_nothing_is_saved(
    admin_a_client, org_a, workshop_round, raw
):
    admin_a_client.post(url("area", org_a, workshop_round, 1), {"level": "2", "reason": "Först"})
    before = agreed(workshop_round)

    response = admin_a_client.post(
        url("area", org_a, workshop_round, 1), {"level": raw, "reason": "Sedan", "nav": "next"}
    )

    assert response.status_code == 400
    text = page_text(response)
    assert in_language("sv", RANGE) in text
    assert 'aria-invalid="true"' in text
    assert agreed(workshop_round) == before


def test_an_empty_level_removes_the_agreed_level(admin_a_client, org_a, workshop_round):
    admin_a_client.post(url("area", org_a, workshop_round, 1), {"level": "2", "reason": "Först"})
    admin_a_client.post(url("area", org_a, workshop_round, 2), {"level": "3", "reason": ""})

    response = admin_a_client.post(
        url("area", org_a, workshop_round, 1), {"level": "", "reason": "Först", "nav": "next"}
    )

    assert response.status_code == 302
    assert agreed(workshop_round) == {"planning": (Decimal("3.0"), "")}


def test_a_reason_without_a_level_is_not_silently_dropped(admin_a_client, org_a, workshop_round):
    response = admin_a_client.post(
        url("area", org_a, workshop_round, 1), {"level": "", "reason": "Vi tycker 3", "nav": "next"}
    )

    assert response.status_code == 400
    assert in_language("sv", "Choose the level you agree on, or leave the reason empty.") in (
        page_text(response)
    )
    assert agreed(workshop_round) == {}


def test_a_page_left_empty_moves_on_without_saving(admin_a_client, org_a, workshop_round):
    response = admin_a_client.post(
        url("area", org_a, workshop_round, 3), {"level": "", "reason": "", "nav": "next"}
    )

    assert response["Location"] == url("area", org_a, workshop_round, 4)
    assert agreed(workshop_round) == {}


@pytest.mark.parametrize(
    "number, nav, target",
    [(1, "prev", ("start",)), (3, "prev", ("area", 2)), (8, "next", ("summary",))],
)
def test_previous_and_next_go_where_they_say(
    admin_a_client, org_a, workshop_round, number, nav, target
):
    response = admin_a_client.post(
        url("area", org_a, workshop_round, number), {"level": "3", "nav": nav}
    )

    assert response["Location"] == url(target[0], org_a, workshop_round, *target[1:])
    assert len(agreed(workshop_round)) == 1


def test_the_page_shows_the_saved_level_and_reason(admin_a_client, org_a, workshop_round):
    admin_a_client.post(url("area", org_a, workshop_round, 2), {"level": "3.5", "reason": "Plan"})

    response = admin_a_client.get(url("area", org_a, workshop_round, 2))

    form = response.context["form"]
    assert form["level"].value() == "3.5"
    assert form["reason"].value() == "Plan"
    assert '<option value="3.5" selected>3,5</option>' in response.content.decode()


def test_an_area_number_outside_the_workshop_is_404(admin_a_client, org_a, workshop_round):
    assert admin_a_client.get(url("area", org_a, workshop_round, 0)).status_code == 404
    assert admin_a_client.get(url("area", org_a, workshop_round, 9)).status_code == 404


def test_finishing_the_workshop_and_opening_it_again(admin_a_client, org_a, workshop_round):
    admin_a_client.post(url("area", org_a, workshop_round, 1), {"level": "2", "reason": "Data"})

    response = admin_a_client.post(url("summary", org_a, workshop_round))

    assert response["Location"] == reverse("results:round", args=[org_a.code, workshop_round.code])
    workshop_round.refresh_from_db()
    finished = workshop_round.workshop_finished_at
    assert finished is not None

    admin_a_client.post(url("area", org_a, workshop_round, 1), {"level": "2", "reason": "Data"})
    workshop_round.refresh_from_db()
    assert workshop_round.workshop_finished_at == finished  # nothing changed: still finished

    admin_a_client.post(url("area", org_a, workshop_round, 1), {"level": "2.5", "reason": "Data"})
    workshop_round.refresh_from_db()
    assert workshop_round.workshop_finished_at is None

    admin_a_client.post(url("summary", org_a, workshop_round))
    workshop_round.refresh_from_db()
    assert workshop_round.workshop_finished_at is not None


def test_the_summary_shows_computed_beside_agreed(admin_a_client, org_a, workshop_round):
    admin_a_client.post(url("area", org_a, workshop_round, 1), {"level": "2", "reason": "Data"})

    response = admin_a_client.get(url("summary", org_a, workshop_round))

    assert response.status_code == 200
    area, difference = response.context["rows"][0]
    assert area.area.key == "facts"
    assert difference == pytest.approx(-1.0)
    text = page_text(response)
    assert "−1,0" in text and "Data" in text
    assert in_language("sv", "Finish the workshop") in text


def test_the_results_page_shows_agreed_levels_beside_computed_ones(
    admin_a_client, org_a, workshop_round
):
    results = reverse("results:round", args=[org_a.code, workshop_round.code])
    before = page_text(admin_a_client.get(results))
    assert in_language("sv", "Agreed level") not in before
    assert url("start", org_a, workshop_round) in before

    admin_a_client.post(
        url("area", org_a, workshop_round, 1), {"level": "2.5", "reason": "Spretigt"}
    )
    after = page_text(admin_a_client.get(results))

    assert in_language("sv", "Agreed level") in after
    assert "2,5" in after
    assert "Spretigt" in after


def test_a_round_without_results_says_so(admin_a_client, org_a, round_a):
    finished_respondents(round_a, "leadership", 2)

    start = admin_a_client.get(url("start", org_a, round_a))
    area = admin_a_client.get(url("area", org_a, round_a, 1))
    posted = admin_a_client.post(url("area", org_a, round_a, 1), {"level": "3"})
    summary = admin_a_client.get(url("summary", org_a, round_a))

    assert start.status_code == 200
    assert in_language(
        "sv",
        "There are no results to discuss yet. The workshop opens when at "
        "least three people have finished the questionnaire.",
    ) in page_text(start)
    for response in (area, posted, summary):
        assert response["Location"] == url("start", org_a, round_a)
    assert agreed(round_a) == {}


def test_the_level_lands_on_the_area_the_form_names_even_if_the_order_shifted(
    admin_a_client, org_a, workshop_round
):
    # The page showed goals as area 1; since then more people finished and the order moved.
    response = admin_a_client.post(
        url("area", org_a, workshop_round, 1), {"area": "goals", "level": "2", "nav": "next"}
    )

    assert agreed(workshop_round) == {"goals": (Decimal("2.0"), "")}
    assert response["Location"] == url("area", org_a, workshop_round, 4)  # goals is third


def test_the_form_names_its_area(admin_a_client, org_a, workshop_round):
    response = admin_a_client.get(url("area", org_a, workshop_round, 2))

    assert '<input type="hidden" name="area" value="planning">' in response.content.decode()


def test_small_perspectives_are_shown_combined_when_together_they_are_three(
    admin_a_client, org_a, round_a
):
    finished_respondents(round_a, "leadership", 2, level=2)
    finished_respondents(round_a, "procurement", 3, level=4)
    finished_respondents(round_a, "operations", 1, level=5)

    response = admin_a_client.get(url("area", org_a, round_a, 1))

    combined = in_language("sv", "Smaller groups combined")
    levels = dict(response.context["levels"])
    assert levels[combined] == pytest.approx(2.0)  # the median of 2, 2 and 5
    assert in_language("sv", "Leadership") not in levels
    for item in response.context["questions"]:
        labels = [row["label"] for row in item["rows"]]
        if set(item["question"].perspectives) == {"leadership", "procurement", "operations"}:
            assert labels == [
                in_language("sv", "Procurement function"),
                combined,
                in_language("sv", "All respondents"),
            ]
            assert [c for c, _pct in item["rows"][1]["cells"]] == [0, 2, 0, 0, 1]
        else:  # put to leadership and procurement: only the two leaders of the pool were asked
            assert item["withheld"]
            assert labels == [in_language("sv", "All respondents")]
