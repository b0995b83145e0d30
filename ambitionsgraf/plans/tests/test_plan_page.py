"""The plan page: areas by gap from the effective level, where each area stands, proposals for
admins, a clear way forward without results."""

import datetime as dt
import re
from decimal import Decimal

from django.utils import timezone

from ambitionsgraf.conftest import english, finished_respondents, make_round, page_text
from ambitionsgraf.plans.models import Action, AgreedLevel

from .conftest import GAP_ORDER, give_results, make_action, plan_path


def area_order(response) -> list[str]:
    return re.findall(r'<section class="plan-area" id="area-([\w-]+)"', page_text(response))


def area_section(response, key) -> str:
    match = re.search(
        rf'<section class="plan-area" id="area-{key}".*?</section>', page_text(response), re.S
    )
    assert match, f"no section for {key}"
    return match.group(0)


def test_areas_come_in_order_of_the_gap_and_areas_without_ambition_last(
    admin_a_client, org_a, closed_round
):
    response = admin_a_client.get(plan_path(org_a))

    assert response.status_code == 200
    order = area_order(response)
    assert order[:4] == GAP_ORDER
    assert set(order[4:]) == {"responsibility", "organisation", "interplay", "facts"}
    text = page_text(response)
    assert f"”{closed_round.name}”" in text  # Swedish quotation marks
    assert "Provisorisk" not in text


def test_each_area_shows_its_level_ambition_and_gap(admin_a_client, org_a, closed_round):
    response = admin_a_client.get(english("plans:plan", org_a.code))

    strategies = area_section(response, "strategies")
    assert "Current level" in strategies and "2.3" in strategies
    assert "Ambition" in strategies and "4.5" in strategies
    assert "+2.2" in strategies
    facts = area_section(response, "facts")
    assert "not set" in facts
    assert "Proposed actions" not in facts


def test_the_agreed_level_of_a_workshop_is_used_and_said(admin_a_client, org_a, closed_round):
    goals = closed_round.model_version.areas.get(key="goals")
    AgreedLevel.objects.create(round=closed_round, area=goals, level=Decimal("3.5"))

    response = admin_a_client.get(english("plans:plan", org_a.code))

    section = area_section(response, "goals")
    assert "3.5" in section and "(agreed in the workshop)" in section
    assert "−0.5" in section
    assert "Proposed actions" not in section  # above its ambition now
    assert area_order(response)[:4] == ["strategies", "follow_up", "planning", "goals"]
    assert "(agreed in the workshop)" not in area_section(response, "strategies")


def test_areas_with_a_gap_get_proposals_from_the_guidance_of_their_level(
    admin_a_client, org_a, closed_round
):
    response = admin_a_client.get(english("plans:plan", org_a.code))

    strategies = closed_round.model_version.areas.get(key="strategies")
    level_two = strategies.guidance.get(level=2)
    section = area_section(response, "strategies")
    assert "Proposed actions" in section
    assert "from level 2 to level 3" in section
    for text in level_two.action_texts("en"):
        assert text in section
    for text in strategies.guidance.get(level=3).action_texts("en"):
        assert text not in section
    assert "Proposed actions" not in area_section(response, "planning")  # above its ambition


def test_where_each_area_stands_counts_the_actions_per_status(admin_a_client, org_a, closed_round):
    make_action(org_a, "goals", "A", status=Action.Status.DONE)
    make_action(org_a, "goals", "B", status=Action.Status.DONE)
    make_action(org_a, "goals", "C", status=Action.Status.IN_PROGRESS)
    make_action(org_a, "strategies", "D")

    response = admin_a_client.get(english("plans:plan", org_a.code))

    goals = area_section(response, "goals")
    assert "2 of 3 done" in goals
    assert "Planned: 0" in goals and "In progress: 1" in goals and "Done: 2" in goals
    assert "0 of 1 done" in area_section(response, "strategies")
    assert "No actions yet." in area_section(response, "planning")
    assert "2 of 4 actions done." in page_text(response)


def test_an_overdue_action_is_marked_with_text_and_a_sign(admin_a_client, org_a, closed_round):
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    late = make_action(org_a, "goals", "Sen åtgärd", due_on=yesterday)
    make_action(org_a, "goals", "Klar men sen", due_on=yesterday, status=Action.Status.DONE)
    make_action(org_a, "goals", "I tid", due_on=timezone.localdate())

    response = admin_a_client.get(english("plans:plan", org_a.code))

    items = re.findall(
        r'<li class="plan-action[^"]*" id="action-(\w+)".*?</li>', page_text(response), re.S
    )
    assert items
    html = page_text(response)
    overdue = re.findall(r'class="plan-action plan-action-overdue" id="action-(\w+)"', html)
    assert overdue == [late.code]
    assert "⚠</span> Overdue" in area_section(response, "goals")
    assert "1 overdue" in area_section(response, "goals")


def test_an_open_round_gives_a_provisional_plan_and_a_newer_closed_round_wins(
    admin_a_client, org_a, model_version, round_a
):
    give_results(round_a)

    response = admin_a_client.get(english("plans:plan", org_a.code))
    assert "Provisional." in page_text(response)
    assert f"“{round_a.name}”, which is still open" in page_text(response)

    older = make_round(org_a, model_version, name="Skattning 2025")
    give_results(older, ambitions={"facts": "5.0"})
    older.close()

    response = admin_a_client.get(english("plans:plan", org_a.code))
    assert "Provisional." not in page_text(response)
    assert "“Skattning 2025”, closed" in page_text(response)
    assert area_order(response)[0] == "facts"


def test_without_results_the_page_says_so_and_how_to_get_there(admin_a_client, org_a, round_a):
    finished_respondents(round_a, "leadership", 2)  # too few to show anything

    response = admin_a_client.get(english("plans:plan", org_a.code))

    assert response.status_code == 200
    text = page_text(response)
    assert "There are no results to base the plan on yet." in text
    assert "at least three people have finished" in text
    assert area_order(response) == []


def test_without_any_round_the_page_still_answers(admin_a_client, org_a, model_version):
    make_action(org_a, "goals", "Tidig åtgärd")

    response = admin_a_client.get(english("plans:plan", org_a.code))

    assert response.status_code == 200
    assert "There are no results to base the plan on yet." in page_text(response)
    assert area_order(response) == ["goals"]


def test_a_round_past_its_closing_date_is_closed_when_the_plan_is_read(
    admin_a_client, org_a, round_a
):
    give_results(round_a)
    round_a.closes_on = timezone.localdate() - dt.timedelta(days=1)
    round_a.save()

    response = admin_a_client.get(english("plans:plan", org_a.code))

    round_a.refresh_from_db()
    assert not round_a.is_open
    assert "Provisional." not in page_text(response)


def test_an_action_of_an_area_the_model_no_longer_has_is_still_shown(
    admin_a_client, org_a, closed_round
):
    make_action(org_a, "retired_area", "Gammal åtgärd")

    response = admin_a_client.get(english("plans:plan", org_a.code))

    assert area_order(response)[-1] == "retired_area"
    assert "Gammal åtgärd" in area_section(response, "retired_area")


def test_the_page_is_in_swedish_at_the_unprefixed_address(admin_a_client, org_a, closed_round):
    response = admin_a_client.get(plan_path(org_a))

    assert '<html lang="sv">' in page_text(response)
    strategies = closed_round.model_version.areas.get(key="strategies")
    for text in strategies.guidance.get(level=2).action_texts("sv"):
        assert text in area_section(response, "strategies")
