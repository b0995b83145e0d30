"""The results page links the report and every export, each link naming file type and language."""

import html
import re

from django.urls import reverse

from ambitionsgraf.conftest import english, in_language

NAME = "%(in_language)s"


def links(client, url) -> dict[str, str]:
    page = html.unescape(client.get(url).content.decode())
    section = re.search(r'<section class="downloads".*?</section>', page, re.S).group(0)
    return {text: href for href, text in re.findall(r'<a href="([^"]+)"[^>]*>(.*?)</a>', section)}


def test_the_results_page_links_every_download_with_its_type_and_language(
    admin_a_client, org_a, report_round
):
    found = links(admin_a_client, reverse("results:round", args=[org_a.code, report_round.code]))

    round_path = f"/o/{org_a.code}/rounds/{report_round.code}"

    def link(text):
        return in_language("sv", text, in_language=in_language("sv", "in Swedish"))

    expected = {
        link("Basis for decision for the board (PDF, in Swedish)"): f"{round_path}/report.pdf",
        link("Basis for decision for the board (PDF, in English)"): f"/en{round_path}/report.pdf",
        link(f"Results per area and perspective (Excel, XLSX, {NAME})"):
            f"{round_path}/export/results.xlsx",
        link(f"Results per area and perspective (CSV, {NAME})"): f"{round_path}/export/results.csv",
        link(f"Answers per question (Excel, XLSX, {NAME})"): f"{round_path}/export/questions.xlsx",
        link(f"Answers per question (CSV, {NAME})"): f"{round_path}/export/questions.csv",
        link(f"The action plan (Excel, XLSX, {NAME})"): f"/o/{org_a.code}/plan/export.xlsx",
        link(f"The action plan (CSV, {NAME})"): f"/o/{org_a.code}/plan/export.csv",
    }  # fmt: skip
    assert found == expected
    for href in found.values():
        assert admin_a_client.get(href).status_code == 200, href


def test_on_the_english_page_the_exports_are_in_english(coach_client, org_a, report_round):
    found = links(coach_client, english("results:round", org_a.code, report_round.code))

    assert found["Results per area and perspective (CSV, in English)"] == (
        f"/en/o/{org_a.code}/rounds/{report_round.code}/export/results.csv"
    )
    assert found["Basis for decision for the board (PDF, in Swedish)"].startswith("/o/")
