"""The board report: a tagged PDF with every area, the summary and page numbers, in Swedish or
English; page one and the graph page are written as PNGs to test-artifacts/ to be looked at."""

import re
import subprocess
import threading
from pathlib import Path

import pytest
from django.conf import settings

from ambitionsgraf.conftest import finished_respondents, in_language, make_respondent, make_round
from ambitionsgraf.reports.pdf import font_config, page_number_content, running_css
from ambitionsgraf.reports.tests.conftest import path, poppler_or_skip

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"


def fetch(client, org, round_, language="sv") -> bytes:
    response = client.get(path("reports:board_report", org.code, round_.code, language=language))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return response.content


def save(content: bytes, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / name
    target.write_bytes(content)
    return target


def pdfinfo(pdf: Path) -> dict[str, str]:
    output = subprocess.run(
        [poppler_or_skip("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    return dict(line.split(":", 1) for line in output.splitlines() if ":" in line)


def pages_text(pdf: Path) -> list[str]:
    """The text of each page, whitespace collapsed (titles may wrap over lines)."""
    output = subprocess.run(
        [poppler_or_skip("pdftotext"), str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [" ".join(page.split()) for page in output.split("\f")[:-1]]


def png(pdf: Path, page: int, name: str) -> Path:
    prefix = ARTIFACTS / name
    subprocess.run(
        [poppler_or_skip("pdftoppm"), "-png", "-r", "80", "-f", str(page), "-l", str(page),
         "-singlefile", str(pdf), str(prefix)],
        check=True,
    )  # fmt: skip
    return prefix.with_suffix(".png")


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_report_is_a_tagged_pdf_with_every_area_the_summary_and_page_numbers(
    admin_a_client, org_a, report_round, language
):
    pdf = save(fetch(admin_a_client, org_a, report_round, language), f"board-report-{language}.pdf")

    info = pdfinfo(pdf)
    assert info["Tagged"].strip() == "yes"
    pages = int(info["Pages"])
    assert 6 <= pages <= 12, f"{pages} pages: the typical report has about nine"
    assert org_a.name in info["Title"]
    assert info["Page size"].strip().startswith("595.")  # A4
    text = pages_text(pdf)
    assert len(text) == pages
    everything = " ".join(text)
    for area in report_round.model_version.areas.all():
        assert area.tr("title", language) in everything, area.key
    assert in_language(language, "Summary") in text[1]
    # The cover label is letter-spaced capitals, which pdftotext may split into single letters.
    cover = text[0].replace(" ", "")
    assert in_language(language, "Basis for decision").upper().replace(" ", "") in cover
    page_label = in_language(language, "Page %(page)s of %(pages)s", page=2, pages=pages)
    assert page_label in text[1]
    for heading in (
        "The ambition graph",
        "Where the perspectives disagree",
        "Action plan",
        "Trend over the rounds",
        "Method and anonymity",
    ):
        assert in_language(language, heading) in everything, heading


def test_page_one_and_the_graph_page_are_pictures_to_look_at(admin_a_client, org_a, report_round):
    pdf = save(fetch(admin_a_client, org_a, report_round), "board-report-sv.pdf")
    text = pages_text(pdf)
    graph_page = next(
        number
        for number, page in enumerate(text, start=1)
        if in_language(
            "sv",
            "Current level against the ambition per area, on a scale from 1 to 5. "
            "The table has the same figures.",
        )[:40]
        in page
    )

    first = png(pdf, 1, "board-report-page-1")
    graph = png(pdf, graph_page, "board-report-graph")

    assert first.stat().st_size > 10_000
    assert graph.stat().st_size > 10_000
    assert graph_page == 3
    last_area = report_round.model_version.areas.order_by("-position").first()
    graph_text = text[graph_page - 1]
    assert in_language("sv", "Level per area") in graph_text  # the table stays with its graph
    assert last_area.tr("title", "sv") in graph_text


def test_the_graph_is_the_same_svg_as_on_the_results_page(admin_a_client, org_a, report_round):
    from ambitionsgraf.reports.pdf import render_html
    from ambitionsgraf.results.service import load_round, radar

    assert radar(load_round(report_round)) in render_html(org_a, report_round)


def test_an_open_round_is_marked_provisional(admin_a_client, org_a, model_version):
    round_ = make_round(org_a, model_version)
    for perspective in ("leadership", "procurement", "operations"):
        finished_respondents(round_, perspective, 3, level=2)

    text = " ".join(pages_text(save(fetch(admin_a_client, org_a, round_), "open.pdf")))

    assert in_language("sv", "Provisional.") in text
    assert "Sida" in text or "Page" in text


def test_a_round_without_results_still_gives_a_short_honest_report(
    admin_a_client, org_a, model_version
):
    round_ = make_round(org_a, model_version)
    make_respondent(round_)

    pdf = save(fetch(admin_a_client, org_a, round_, "en"), "no-results.pdf")

    assert pdfinfo(pdf)["Tagged"].strip() == "yes"
    text = " ".join(pages_text(pdf))
    assert "There are no results to show yet. At least three people must have finished" in text
    assert "Finding and gap per area" not in text


def test_page_numbers_are_made_from_the_translated_words():
    assert page_number_content("Page %(page)s of %(pages)s") == (
        '"Page " counter(page) " of " counter(pages)'
    )
    assert page_number_content("%(page)s/%(pages)s") == 'counter(page) "/" counter(pages)'
    assert page_number_content('Sida "%(page)s"') == '"Sida \\"" counter(page) "\\""'


def test_names_in_the_running_header_cannot_break_out_of_the_css(org_a, model_version):
    org_a.name = 'Kommun"; } @page { size: A3'
    round_ = make_round(org_a, model_version, name="Omgång\\ 1")

    css = running_css(org_a, round_)

    assert re.search(r'content: "Kommun\\"; } @page { size: A3 · Omgång\\\\ 1";', css)


def test_each_thread_keeps_one_font_configuration_for_all_its_reports():
    # Made anew for every report, WeasyPrint's left about 250 kB behind in the worker each time.
    others = []
    thread = threading.Thread(target=lambda: others.append(font_config()))
    thread.start()
    thread.join()

    assert font_config() is font_config()
    assert others[0] is not font_config()
