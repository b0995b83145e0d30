"""The comparison with similar organisations in a real browser: an admin signs in through the
form and opens a closed round's results with five peers; the chart and the table are there, and
axe-core's WCAG 2.1 AA checks pass in Swedish and English, also at 320 px wide."""

import pytest

from ambitionsgraf.conftest import (
    finished_respondents,
    make_admin,
    make_organisation,
    make_round,
)
from ambitionsgraf.maturity.models import ModelVersion

from .browsing import check_both_languages, goto, no_sideways_scroll, shot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("maturity_model")]

ADMIN_EMAIL = "inkopschef@jamforda.example"


def closed_round(organisation, version, level):
    round_ = make_round(organisation, version, name="Skattning 2026")
    finished_respondents(round_, "procurement", 3, level=level)
    round_.close()
    return round_


def test_admin_sees_where_the_organisation_stands_among_peers(live_server, page, artifacts):
    version = ModelVersion.objects.current()
    organisation = make_organisation("Jämförda kommun", national_statistics=True)
    make_admin(organisation, ADMIN_EMAIL, name="Anna Admin")
    own = closed_round(organisation, version, 4)
    for number, level in enumerate((1, 2, 3, 4, 5)):
        closed_round(
            make_organisation(f"Grannkommun {number}", national_statistics=True), version, level
        )

    sign_in(page, live_server.url, ADMIN_EMAIL)
    goto(page, f"{live_server.url}/o/{organisation.code}/rounds/{own.code}/results/")

    section = page.locator("section.peers")
    assert section.locator("svg[role=img]").count() == 1
    assert section.locator("table.peers-table tbody tr").count() == version.areas.count()
    assert "70" in section.locator("table.peers-table tbody tr").first.inner_text()
    check_both_languages(page)
    shot(page, "peers-results", artifacts)
    no_sideways_scroll(page, "peers-results", artifacts)
