"""plan_rows: the plan as plain rows for the board report and the exports, in the plan's order."""

import datetime as dt

from django.utils import timezone, translation

from ambitionsgraf.plans.models import Action
from ambitionsgraf.plans.services import PlanRow, plan_rows

from .conftest import make_action


def test_rows_follow_the_plans_area_order_and_carry_every_field(org_a, closed_round):
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    make_action(org_a, "planning", "Planera")
    make_action(org_a, "strategies", "Strategi 1", owner="Eva", due_on=yesterday)
    make_action(
        org_a, "strategies", "Strategi 2", status=Action.Status.DONE,
        source=Action.Source.PROPOSED, guidance_level=2,
    )  # fmt: skip
    make_action(org_a, "facts", "Fakta")
    make_action(org_a, "goals", "Mål", status=Action.Status.IN_PROGRESS)

    with translation.override("en"):
        rows = plan_rows(org_a)

    assert all(isinstance(row, PlanRow) for row in rows)
    assert [(r.area_key, r.description) for r in rows] == [
        ("strategies", "Strategi 1"),
        ("strategies", "Strategi 2"),
        ("goals", "Mål"),
        ("planning", "Planera"),
        ("facts", "Fakta"),
    ]
    first, second = rows[0], rows[1]
    assert first.area_title == "Strategies"
    assert first.owner == "Eva" and first.due_on == yesterday and first.overdue
    assert first.status == "Planned" and first.status_key == "planned"
    assert first.source == "custom"
    assert second.status == "Done" and second.status_key == "done" and not second.overdue
    assert second.source == "proposed"
    assert rows[2].status == "In progress"


def test_titles_and_labels_are_in_the_active_language(org_a, closed_round):
    make_action(org_a, "strategies", "Strategi")

    with translation.override("sv"):
        row = plan_rows(org_a)[0]

    assert row.area_title == closed_round.model_version.areas.get(key="strategies").title_sv
    assert row.status == translation.gettext("Planned") or row.status


def test_without_results_rows_come_in_model_order(org_a, round_a):
    make_action(org_a, "facts", "Fakta")
    make_action(org_a, "goals", "Mål")
    make_action(org_a, "retired_area", "Gammal")

    rows = plan_rows(org_a)

    assert [r.area_key for r in rows] == ["goals", "facts", "retired_area"]
    assert rows[-1].area_title == "retired_area"


def test_an_organisation_without_actions_has_no_rows(org_a, closed_round):
    assert plan_rows(org_a) == []
