"""The answers per question as CSV and XLSX: shown distributions counted, hidden ones say why."""

import pytest

from ambitionsgraf.conftest import finished_respondents, in_language, make_round
from ambitionsgraf.lib.numbers import round_level
from ambitionsgraf.reports.tests.conftest import csv_number, path, read_csv, read_xlsx
from ambitionsgraf.results.service import load_round

HIDDEN = "Too few respondents to show."


def export(client, org, round_, extension, language="sv"):
    response = client.get(
        path("reports:questions_export", org.code, round_.code, extension, language=language)
    )
    assert response.status_code == 200
    return response


def distributions(round_):
    return [(a, q, d) for a in load_round(round_).areas for q, d in a.questions]


def test_questions_csv_reads_back_as_load_rounds_distributions(admin_a_client, org_a, report_round):
    expected = distributions(report_round)

    rows = read_csv(export(admin_a_client, org_a, report_round, "csv"))

    header, body = rows[0], rows[1:]
    assert header[:4] == [
        in_language("sv", t) for t in ("Area key", "Area", "Question key", "Question")
    ]
    assert len(header) == 12
    assert len(body) == len(expected) == 40
    for row, (a, q, d) in zip(body, expected, strict=True):
        assert row[:4] == [a.area.key, a.area.tr("title", "sv"), q.key, q.tr("text", "sv")]
        assert d.shown
        assert [int(n) for n in row[4:10]] == [*d.counts, d.dont_know]
        assert csv_number(row[10]) == pytest.approx(float(round_level(d.mean)), abs=1e-9)
        assert row[11] == ""


def test_questions_xlsx_holds_the_counts_and_the_unrounded_mean(
    admin_a_client, org_a, report_round
):
    expected = distributions(report_round)

    rows = read_xlsx(export(admin_a_client, org_a, report_round, "xlsx"))[1:]

    for row, (_a, q, d) in zip(rows, expected, strict=True):
        assert row[2] == q.key
        assert row[4:10] == [*d.counts, d.dont_know]
        assert row[10] == pytest.approx(d.mean)


def test_a_level_column_is_named_after_the_models_level(admin_a_client, org_a, report_round):
    header = read_csv(export(admin_a_client, org_a, report_round, "csv", language="en"))[0]

    assert header[4:12] == [
        "Level 1: Missing", "Level 2: Started", "Level 3: Established", "Level 4: Integrated",
        "Level 5: Strategic", "Don't know", "Average", "Note",
    ]  # fmt: skip


def test_a_hidden_distribution_is_a_row_that_says_so_with_no_numbers(
    admin_a_client, org_a, model_version
):
    """Two from leadership, none from procurement: questions put only to those two perspectives
    were asked of two people, so they are hidden; the others are shown."""
    round_ = make_round(org_a, model_version)
    finished_respondents(round_, "leadership", 2, level=4)
    finished_respondents(round_, "operations", 4, level=2)
    hidden = {q.key for _a, q, d in distributions(round_) if not d.shown}
    assert hidden, "the model should have questions put only to leadership and procurement"

    for response in (
        read_csv(export(admin_a_client, org_a, round_, "csv")),
        read_xlsx(export(admin_a_client, org_a, round_, "xlsx")),
    ):
        for row in response[1:]:
            if row[2] in hidden:
                assert all(cell in ("", None) for cell in row[4:11]), row
                assert row[11] == in_language("sv", HIDDEN)
            else:
                assert row[11] in ("", None)
                assert row[4:10] != ["", "", "", "", "", ""]
