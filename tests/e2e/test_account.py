"""The account page and signing out everywhere, with axe in Swedish and English."""

import pytest

from ambitionsgraf.accounts.models import User

from .answering import PASSWORD
from .browsing import goto, submit
from .conftest import check_a11y

pytestmark = pytest.mark.browser


def test_a_user_signs_out_everywhere_from_the_account_page(live_server, page, transactional_db):
    User.objects.create_user(email="anna@example.org", password=PASSWORD, name="Anna")
    goto(page, live_server.url + "/accounts/login/")
    page.fill('input[name="username"]', "anna@example.org")
    page.fill('input[name="password"]', PASSWORD)
    submit(page)

    for prefix in ("/en", ""):
        goto(page, live_server.url + prefix + "/accounts/account/")
        check_a11y(page)
        assert "anna@example.org" in page.content()

    submit(page, 'form[action$="/sign-out-everywhere/"] button')
    assert "/accounts/login/" in page.url
    check_a11y(page)
    page.goto(live_server.url + "/accounts/account/")
    assert "/accounts/login/" in page.url
