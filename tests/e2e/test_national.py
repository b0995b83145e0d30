"""The national picture and the open data in a real browser: an analyst (signed in with two
factors) filters the demo's national data by type and by county, finds a hidden figure, in
Swedish and English; a visitor reads the open-data page. axe-core's WCAG 2.1 AA checks on each."""

import pytest

from ambitionsgraf.accounts.models import User
from ambitionsgraf.accounts.testing import give_totp_device
from ambitionsgraf.conftest import PASSWORD
from ambitionsgraf.demo import seed_national

from .browsing import check_both_languages, goto, no_sideways_scroll, sign_in_with_code, submit
from .conftest import check_a11y

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("maturity_model")]


def show(page, **choices):
    for name, value in choices.items():
        page.select_option(f"main select[name={name}]", value)
    submit(page, "main form.national-filter button[type=submit]")


def test_the_analyst_filters_the_national_picture(live_server, page, artifacts):
    seed_national.seed()
    analyst = User.objects.create_user(
        email="analytiker@myndigheten.example", password=PASSWORD, agency_role="analyst"
    )
    device = give_totp_device(analyst)
    sign_in_with_code(page, live_server.url, analyst, device)
    goto(page, live_server.url + "/agency/national/")

    summary = page.locator("main .national-summary dd").first
    assert summary.inner_text().strip() == "41"
    assert page.locator("main figure svg[role=img]").count() == 3
    assert page.locator("main table").count() == 4

    show(page, type="municipality")
    assert "type=municipality" in page.url
    assert summary.inner_text().strip().isdigit()
    assert page.locator("main .hidden-figure").count() > 0  # some levels hold few

    show(page, type="", county="gotland")
    assert page.locator("main .message-warning").is_visible()
    assert page.locator("main .national-summary .hidden-figure").count() == 2
    cell = page.locator("main table td .hidden-figure").first
    assert cell.locator("[aria-hidden=true]").inner_text().strip() == "–"
    assert cell.locator(".visually-hidden").text_content().strip()
    check_both_languages(page)
    page.screenshot(path=str(artifacts / "national-gotland-1280.png"), full_page=True)

    show(page, county="")
    page.screenshot(path=str(artifacts / "national-1280.png"), full_page=True)
    no_sideways_scroll(page, "national", artifacts)
    goto(page, live_server.url + "/en/agency/national/?type=state_agency")
    assert page.locator("main h1").inner_text() == "National picture"
    check_a11y(page)


def test_a_visitor_reads_the_open_data_page(live_server, page, artifacts):
    goto(page, live_server.url + "/open-data/")
    links = page.locator("main .open-data-links a")
    assert links.count() == 3
    assert page.locator("main .open-data-fields dt").count() == 14
    check_both_languages(page)
    no_sideways_scroll(page, "open-data", artifacts)
    response = page.request.get(live_server.url + "/open-data/catalog.jsonld")
    assert response.ok and response.json()["@type"] == "dcat:Catalog"
