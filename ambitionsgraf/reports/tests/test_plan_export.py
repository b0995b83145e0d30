"""The action plan as CSV and XLSX: every action in the plan's order, dates as dates."""

import datetime as dt

from ambitionsgraf.conftest import in_language
from ambitionsgraf.plans.services import plan_rows
from ambitionsgraf.reports.tests.conftest import action, path, read_csv, read_xlsx

HEADER = ["Area key", "Area", "Action", "Owner", "Due date", "Status", "Status key", "Source"]


def export(client, org, extension, language="sv"):
    response = client.get(path("reports:plan_export", org.code, extension, language=language))
    assert response.status_code == 200
    return response


def test_plan_csv_lists_every_action_in_the_plans_order(admin_a_client, org_a, report_round):
    expected = plan_rows(org_a)

    rows = read_csv(export(admin_a_client, org_a, "csv"))

    assert rows[0] == [in_language("sv", text) for text in HEADER]
    assert len(rows) - 1 == len(expected) == 3
    for row, plan in zip(rows[1:], expected, strict=True):
        assert row[0] == plan.area_key
        assert row[1] == plan.area_title
        assert row[2] == (
            "'" + plan.description if plan.description[0] == "=" else plan.description
        )
        assert row[3] == plan.owner
        assert row[4] == (plan.due_on.isoformat() if plan.due_on else "")
        assert row[5:7] == [plan.status, plan.status_key]
        assert row[7] == plan.source_label


def test_plan_xlsx_has_real_dates_and_keeps_formula_like_text_as_text(
    admin_a_client, org_a, report_round
):
    rows = {row[2]: row for row in read_xlsx(export(admin_a_client, org_a, "xlsx"))[1:]}

    spend = rows["Gör en första utgiftsanalys."]
    assert isinstance(spend[4], dt.datetime)
    assert spend[6] == "planned"
    assert rows["=Ta fram mätbara mål"][6] == "done"


def test_plan_export_in_english(admin_a_client, org_a, report_round):
    rows = read_csv(export(admin_a_client, org_a, "csv", language="en"))

    assert rows[0] == HEADER
    statuses = {row[6]: row[5] for row in rows[1:]}
    assert statuses == {"planned": "Planned", "in_progress": "In progress", "done": "Done"}


def test_plan_export_of_an_organisation_without_actions_or_rounds_has_only_the_header(
    admin_a_client, org_a
):
    assert read_csv(export(admin_a_client, org_a, "csv")) == [
        [in_language("sv", text) for text in HEADER]
    ]


def test_plan_export_has_only_the_organisations_own_actions(
    admin_a_client, org_a, org_b, report_round
):
    action(org_b, "goals", "Bergbys hemliga åtgärd")

    rows = read_csv(export(admin_a_client, org_a, "csv"))

    assert "Bergbys hemliga åtgärd" not in {row[2] for row in rows}
