"""An outsider, signed in as the admin of another organisation, gets 404 on an organisation
page that is not theirs, and learns nothing of it; their own still opens."""

import pytest

from ambitionsgraf.conftest import PASSWORD, make_admin, make_organisation

from .browsing import goto, submit
from .conftest import check_a11y

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("maturity_model")]


def test_outsider_gets_404(live_server, page):
    first = make_organisation("Första kommunen")
    make_admin(first, "owner@example.org", "Owner")
    second = make_organisation("Andra regionen", type="region", county="skane")
    make_admin(second, "outsider@example.org", "Outsider")

    goto(page, live_server.url + "/accounts/login/")
    check_a11y(page)
    page.fill('input[name="username"]', "outsider@example.org")
    page.fill('input[name="password"]', PASSWORD)
    submit(page)
    assert "/accounts/login/" not in page.url

    response = page.goto(f"{live_server.url}/o/{first.code}/")
    assert response.status == 404
    assert "Första kommunen" not in page.content()
    assert page.locator("main h1").is_visible()
    check_a11y(page)
    response = page.goto(f"{live_server.url}/o/{second.code}/")
    assert response.status == 200
