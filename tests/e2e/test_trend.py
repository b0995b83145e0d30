"""The trend over rounds in a real browser: an organisation with two closed rounds on two
model versions (one area's questions changed), read by its admin in Swedish and English,
with axe-core's WCAG 2.1 AA checks and no sideways scrolling at 320 px."""

import datetime as dt
import re

import pytest

from ambitionsgraf.conftest import make_admin, make_organisation
from ambitionsgraf.maturity.loader import MODEL_DIR, load_file
from ambitionsgraf.maturity.models import ModelVersion
from ambitionsgraf.plans.models import Action
from ambitionsgraf.results.tests.trend_builders import changed_model_version, closed_round

from .browsing import check_both_languages, goto, no_sideways_scroll, sign_in
from .conftest import check_a11y

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("maturity_model")]


def second_model_version(tmp_path) -> ModelVersion:
    text = (MODEL_DIR / "ambitionsgraf-1.yaml").read_text(encoding="utf-8")
    path = tmp_path / "ambitionsgraf-2.yaml"
    path.write_text(re.sub(r"(?m)^version: 1$", "version: 2", text), encoding="utf-8")
    return load_file(path).version


def test_admin_reads_the_trend_over_two_closed_rounds(live_server, page, artifacts, tmp_path):
    first_version = ModelVersion.objects.get(version=1)
    second_version = changed_model_version("planning")
    organisation = make_organisation("Älvstads kommun")
    make_admin(organisation, "inkopschef@alvstad.example", name="Karin Holm")
    first = closed_round(
        organisation, first_version, "Skattning 2025", closed_days_ago=380,
        levels={"goals": 2, "facts": 2, "interplay": 2}, ambitions={"goals": 3, "facts": 3},
    )  # fmt: skip
    closed_round(
        organisation, second_version, "Skattning 2026", closed_days_ago=15,
        levels={"facts": 2, "planning": 4}, agreed={"goals": 3.5}, ambitions={"goals": 4},
    )  # fmt: skip
    Action.objects.create(
        organisation=organisation, area_key="facts", status="done",
        description="Gör en första spendanalys av de tio största kategorierna.",
        done_at=first.closed_at + dt.timedelta(days=90),
    )  # fmt: skip

    sign_in(page, live_server.url, "inkopschef@alvstad.example")
    goto(page, f"{live_server.url}/o/{organisation.code}/trend/")

    chart = page.locator("main figure svg[role=img]")
    assert chart.count() == 1
    assert chart.locator("title").first.text_content().strip()
    assert chart.locator("path.line-chart-line").count() == 7  # planning's line is broken
    table = page.locator("main table:has(#trend-levels-caption)")
    assert table.locator("tbody tr").count() == 8
    assert table.locator("thead th").count() == 3
    note_link = table.locator("a.trend-note-ref")
    assert note_link.count() == 1
    note_link.focus()
    page.keyboard.press("Enter")
    # The jump to the note updates the address a moment after the key press: wait for it.
    page.wait_for_url(re.compile(re.escape(note_link.get_attribute("href")) + "$"))
    assert page.locator("main .trend-notes li").first.is_visible()
    flags = page.locator("main .flag-list li")
    assert flags.count() == 1
    assert "spendanalys" in flags.first.inner_text()
    assert page.locator("main .trend-closed-gaps li").count() == 1

    check_both_languages(page)
    page.screenshot(path=str(artifacts / "trend-1280.png"), full_page=True)
    no_sideways_scroll(page, "trend", artifacts)
    goto(page, f"{live_server.url}/en/o/{organisation.code}/trend/")
    assert "(agreed: 3.5)" in page.locator("main table").first.inner_text()
    no_sideways_scroll(page, "trend-en", artifacts)


def test_admin_reads_the_trend_with_one_closed_round(live_server, page, artifacts):
    organisation = make_organisation("Bergby kommun")
    make_admin(organisation, "admin@bergby.example")
    closed_round(organisation, ModelVersion.objects.get(version=1), "Skattning 2026",
                 closed_days_ago=10, levels={"goals": 2})  # fmt: skip

    sign_in(page, live_server.url, "admin@bergby.example")
    goto(page, f"{live_server.url}/o/{organisation.code}/trend/")

    assert page.locator("main .message-info").is_visible()
    assert page.locator("main svg[role=img]").count() == 0
    assert page.locator("main table:has(#trend-levels-caption) tbody tr").count() == 8
    check_both_languages(page)
    no_sideways_scroll(page, "trend-one-round", artifacts)
    check_a11y(page)
