"""A perspective with fewer than three finished respondents never appears alone in any download:
not as a column of an export, not in the report's tables or graph."""

import re

import pytest

from ambitionsgraf.conftest import finished_respondents, in_language, make_round
from ambitionsgraf.reports.pdf import render_html
from ambitionsgraf.reports.tests.conftest import path, read_csv, read_xlsx

LABELS = {"leadership": "Leadership", "procurement": "Procurement function",
          "operations": "Operations"}  # fmt: skip
POOLED = "Smaller groups combined"


def small_group_round(org, version, groups):
    round_ = make_round(org, version)
    for perspective, (count, level) in groups.items():
        finished_respondents(round_, perspective, count, level=level)
    round_.close()
    return round_


@pytest.fixture
def excluded(org_a, model_version):
    """Operations has two finished: too few alone, and too few to pool with anyone."""
    return small_group_round(
        org_a, model_version, {"leadership": (4, 3), "procurement": (3, 3), "operations": (2, 5)}
    )


@pytest.fixture
def pooled(org_a, model_version):
    """Leadership two and operations one: pooled into a group of three, neither alone."""
    return small_group_round(
        org_a, model_version, {"leadership": (2, 5), "procurement": (4, 2), "operations": (1, 1)}
    )


def headers(client, org, round_, language):
    """The header row of every export of the round, CSV and XLSX."""
    found = []
    for name in ("reports:results_export", "reports:questions_export"):
        for extension, read in (("csv", read_csv), ("xlsx", read_xlsx)):
            url = path(name, org.code, round_.code, extension, language=language)
            response = client.get(url)
            assert response.status_code == 200
            found.append((url, read(response)))
    return found


def report_parts(org, round_, language) -> str:
    """The report's figures: its graph, its tables and the per-area perspective lines
    (participation counts, which the results page shows too, are left out)."""
    from django.utils import translation

    with translation.override(language):
        document = render_html(org, round_)
    parts = re.findall(r"<svg.*?</svg>|<table.*?</table>|<p class=\"perspectives\">.*?</p>",
                       document, re.S)  # fmt: skip
    return "\n".join(p for p in parts if "participation-table" not in p)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_perspective_too_small_to_pool_is_in_no_export_and_not_in_the_report(
    admin_a_client, org_a, excluded, language
):
    operations = in_language(language, LABELS["operations"])

    for url, rows in headers(admin_a_client, org_a, excluded, language):
        assert operations not in rows[0], url
        assert in_language(language, POOLED) not in rows[0], url
        assert len(rows) > 1
    report = report_parts(org_a, excluded, language)
    assert operations not in report
    assert in_language(language, LABELS["leadership"]) in report


@pytest.mark.parametrize("language", ["sv", "en"])
def test_small_perspectives_appear_only_pooled_in_exports_and_the_report(
    admin_a_client, org_a, pooled, language
):
    alone = [in_language(language, LABELS[p]) for p in ("leadership", "operations")]

    url = path("reports:results_export", org_a.code, pooled.code, "xlsx", language=language)
    results = read_xlsx(admin_a_client.get(url))
    assert in_language(language, POOLED) in results[0]
    pooled_column = results[0].index(in_language(language, POOLED))
    assert {row[pooled_column] for row in results[1:]} == {5}  # the median of 5, 5 and 1
    for url, rows in headers(admin_a_client, org_a, pooled, language):
        assert not set(alone) & set(rows[0]), url
    report = report_parts(org_a, pooled, language)
    for label in alone:
        assert label not in report
    assert in_language(language, POOLED) in report
