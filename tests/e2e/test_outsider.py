"""An outsider, signed in as the admin of another organisation, gets 404 on an organisation
page that is not theirs, and learns nothing of it; their own still opens."""

import pytest

from ambitionsgraf.accounts.models import User
from ambitionsgraf.organisations.models import Membership, Organisation

from .answering import PASSWORD
from .browsing import goto, submit
from .conftest import check_a11y

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("maturity_model")]


def test_outsider_gets_404(live_server, page):
    owner = User.objects.create_user(email="owner@example.org", password=PASSWORD, name="Owner")
    first = Organisation.objects.create(
        name="Första kommunen",
        org_number="212000-0142",
        type="municipality",
        county="uppsala",
        employees_band="lt500",
        volume_band="lt100m",
    )
    Membership.objects.create(organisation=first, user=owner, role="admin")
    User.objects.create_user(email="outsider@example.org", password=PASSWORD, name="Outsider")
    second = Organisation.objects.create(
        name="Andra regionen",
        org_number="232100-0016",
        type="region",
        county="skane",
        employees_band="20000+",
        volume_band="10bn+",
    )
    Membership.objects.create(
        organisation=second, user=User.objects.get(email="outsider@example.org"), role="admin"
    )

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
