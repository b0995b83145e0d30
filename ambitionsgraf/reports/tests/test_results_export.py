"""The results per area as CSV and XLSX: read back, the figures are load_round's and the page's."""

import html
import re

import pytest
from django.urls import reverse

from ambitionsgraf.conftest import in_language
from ambitionsgraf.lib.numbers import round_level
from ambitionsgraf.lib.templatetags.ambitionsgraf import level
from ambitionsgraf.reports.tests.conftest import csv_number, path, read_csv, read_xlsx
from ambitionsgraf.results.service import load_round

HEADER = [
    "Area key", "Area", "Whole organisation", "Ambition", "Gap", "Agreed level",
    "Gap from the agreed level", "Leadership", "Procurement function", "Operations", "Spread",
    "Perspectives disagree",
]  # fmt: skip


def export(client, org, round_, extension, language="sv"):
    response = client.get(
        path("reports:results_export", org.code, round_.code, extension, language=language)
    )
    assert response.status_code == 200
    return response


def page_levels(client, org, round_) -> dict[str, dict[str, str]]:
    """The results page's 'Level per area' table: area title -> column header -> figure."""
    page = html.unescape(
        client.get(reverse("results:round", args=[org.code, round_.code])).content.decode()
    )
    table = re.search(r'id="levels-caption".*?</tbody>', page, re.S).group(0)
    headers = re.findall(r'<th scope="col"[^>]*>(.*?)</th>', table)[1:]
    rows = re.findall(r'<th scope="row">(.*?)</th>(.*?)</tr>', table, re.S)
    return {
        title: dict(zip(headers, re.findall(r'<td class="num">(.*?)</td>', cells), strict=True))
        for title, cells in rows
    }


def sv(*texts) -> list[str]:
    return [in_language("sv", text) for text in texts]


PERSPECTIVES = ("Leadership", "Procurement function", "Operations")


def test_results_csv_is_named_after_the_organisation_the_round_and_the_date(
    admin_a_client, org_a, report_round
):
    response = export(admin_a_client, org_a, report_round, "csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="alvstads-kommun-skattning-2026-')
    assert re.search(r'-\d{4}-\d{2}-\d{2}\.csv"$', disposition)


def test_results_csv_reads_back_as_load_rounds_figures(admin_a_client, org_a, report_round):
    view = load_round(report_round)

    rows = read_csv(export(admin_a_client, org_a, report_round, "csv"))

    header, body = rows[0], rows[1:]
    assert header == [in_language("sv", text) for text in HEADER]
    assert len(body) == len(view.areas) == 8
    for row, a in zip(body, view.areas, strict=True):
        r = a.result
        from_agreed = a.effective_gap if a.agreed is not None else None
        expected = [r.organisation_score, r.ambition, r.gap, a.agreed, from_agreed]
        expected += [r.perspective_scores[p] for p in ("leadership", "procurement", "operations")]
        expected += [r.spread]
        assert row[0] == a.area.key
        assert row[1] == a.area.tr("title", "sv")
        for text, value in zip(row[2:11], expected, strict=True):
            if value is None:
                assert text == ""
            else:
                assert csv_number(text) == pytest.approx(float(round_level(value)), abs=1e-9)
        assert row[11] == in_language("sv", "Yes" if r.disagreement else "No")


def test_results_csv_shows_the_same_figures_as_the_results_page(
    admin_a_client, org_a, report_round
):
    page = page_levels(admin_a_client, org_a, report_round)

    rows = read_csv(export(admin_a_client, org_a, report_round, "csv"))[1:]

    assert len(rows) == len(page) == 8
    for row in rows:
        shown = page[row[1]]
        assert row[2:4] == [shown[h] for h in sv("Whole organisation", "Ambition")]
        assert row[4] == shown[in_language("sv", "Gap")].replace("+", "").replace("−", "-")
        assert row[5] == shown[in_language("sv", "Agreed level")].replace("–", "")
        from_agreed = shown[in_language("sv", "Gap from the agreed level")]
        assert row[6] == from_agreed.replace("–", "").replace("+", "").replace("−", "-")
        assert row[7:10] == [shown[h] for h in sv(*PERSPECTIVES)]


def test_results_xlsx_holds_load_rounds_unrounded_numbers(admin_a_client, org_a, report_round):
    view = load_round(report_round)

    rows = read_xlsx(export(admin_a_client, org_a, report_round, "xlsx"))

    assert rows[0] == [in_language("sv", text) for text in HEADER]
    for row, a in zip(rows[1:], view.areas, strict=True):
        r = a.result
        assert row[:2] == [a.area.key, a.area.tr("title", "sv")]
        assert row[2] == pytest.approx(r.organisation_score)
        assert row[3] == pytest.approx(r.ambition)
        assert row[4] == pytest.approx(r.gap)
        assert row[5] == (pytest.approx(a.agreed) if a.agreed is not None else None)
        assert row[6] == (pytest.approx(a.effective_gap) if a.agreed is not None else None)
        assert row[7:10] == [
            pytest.approx(r.perspective_scores[p])
            for p in ("leadership", "procurement", "operations")
        ]
        assert row[10] == pytest.approx(r.spread)
        assert row[11] is r.disagreement


def test_results_xlsx_shows_the_pages_figures(admin_a_client, org_a, report_round):
    page = page_levels(admin_a_client, org_a, report_round)

    rows = read_xlsx(export(admin_a_client, org_a, report_round, "xlsx"))[1:]

    assert len(rows) == len(page) == 8
    for row in rows:
        shown = page[row[1]]
        assert [level(v) for v in row[2:4]] == [
            shown[h] for h in sv("Whole organisation", "Ambition")
        ]
        assert level(row[5]) == shown[in_language("sv", "Agreed level")]
        assert [level(v) for v in row[7:10]] == [shown[h] for h in sv(*PERSPECTIVES)]


def test_results_export_follows_the_language_of_the_address(admin_a_client, org_a, report_round):
    rows = read_csv(export(admin_a_client, org_a, report_round, "csv", language="en"))

    assert rows[0] == HEADER
    assert rows[1][1] == "Goals"
    assert rows[1][2].count(",") == 1  # still a decimal comma, for Swedish Excel
    assert rows[1][11] in ("Yes", "No")


def test_agreed_levels_sit_beside_the_computed_ones(admin_a_client, org_a, report_round):
    rows = {row[0]: row for row in read_xlsx(export(admin_a_client, org_a, report_round, "xlsx"))}

    assert rows["facts"][5] == 1.5
    assert rows["goals"][5] == 2.5
    assert rows["planning"][5] is None
    # The gap from the agreed level, as on the results page; none where nothing was agreed.
    assert rows["goals"][6] == pytest.approx(rows["goals"][3] - 2.5)
    assert rows["planning"][6] is None
