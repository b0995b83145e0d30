"""Once a dialogue workshop agrees on a level, the results page counts the gap from it as the
action plan and the board report do, so the three never rank the areas differently."""

import re
from decimal import Decimal

from django.urls import reverse

from ambitionsgraf.conftest import english, page_text
from ambitionsgraf.plans.models import AgreedLevel

from .conftest import GAP_ORDER
from .test_plan_page import area_order


def gap_list(response) -> list[str]:
    items = re.search(r'<ol class="gap-list">(.*?)</ol>', page_text(response), re.S)[1]
    return re.findall(r"<li>(.*?)</li>", items, re.S)


def titles(round_) -> dict:
    return {a.title_en: a.key for a in round_.model_version.areas.all()}


def test_results_rank_the_gaps_from_the_agreed_level_as_the_plan_does(
    admin_a_client, org_a, closed_round
):
    goals = closed_round.model_version.areas.get(key="goals")
    AgreedLevel.objects.create(round=closed_round, area=goals, level=Decimal("3.5"))
    results_url = english("results:round", org_a.code, closed_round.code)

    items = gap_list(admin_a_client.get(results_url))
    plan = area_order(admin_a_client.get(english("plans:plan", org_a.code)))

    keys = titles(closed_round)
    ranked = [keys[re.search(r'class="gap-area">(.*?)<', item)[1]] for item in items]
    assert ranked[:4] == plan[:4] == ["strategies", "follow_up", "planning", "goals"]
    goals_item = items[3]
    assert "gap −0.5 (agreed level 3.5, ambition 3.0)" in goals_item
    assert "agreed level" not in items[0]  # strategies: no workshop level, the computed one
    text = page_text(admin_a_client.get(results_url))
    assert "the gap counts from that level, as in the action plan" in text


def test_the_levels_table_shows_the_gap_from_the_agreed_level_beside_the_computed_one(
    admin_a_client, org_a, closed_round
):
    goals = closed_round.model_version.areas.get(key="goals")
    AgreedLevel.objects.create(round=closed_round, area=goals, level=Decimal("3.5"))

    text = page_text(admin_a_client.get(english("results:round", org_a.code, closed_round.code)))

    assert "Gap from the agreed level" in text
    row = re.search(r"<tr>\s*<th scope=\"row\">Goals</th>(.*?)</tr>", text, re.S)[1]
    cells = re.findall(r'<td class="num">(.*?)</td>', row)
    assert cells[:5] == ["2.3", "3.5", "3.0", "+0.7", "−0.5"]


def test_without_a_workshop_the_results_keep_the_computed_gap_and_no_extra_column(
    admin_a_client, org_a, closed_round
):
    response = admin_a_client.get(english("results:round", org_a.code, closed_round.code))

    keys = titles(closed_round)
    items = gap_list(response)
    ranked = [keys[re.search(r'class="gap-area">(.*?)<', item)[1]] for item in items]
    assert ranked[:4] == GAP_ORDER
    assert "Gap from the agreed level" not in page_text(response)
    assert reverse("plans:plan", args=[org_a.code]) in page_text(response)
