"""The account page, signing out everywhere and deleting the account, with axe in Swedish and
English."""

import pytest

from ambitionsgraf.accounts.models import User
from ambitionsgraf.conftest import PASSWORD as SIGN_IN_PASSWORD  # what sign_in() types

from .answering import PASSWORD
from .browsing import check_both_languages, goto, no_sideways_scroll, sign_in, submit
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


def test_a_user_deletes_their_account_with_the_keyboard(
    live_server, page, artifacts, transactional_db
):
    User.objects.create_user(email="anna@example.org", password=SIGN_IN_PASSWORD, name="Anna")
    sign_in(page, live_server.url, "anna@example.org")
    goto(page, live_server.url + "/accounts/account/")
    page.get_by_role("link", name="Ta bort mitt konto").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    check_both_languages(page)
    no_sideways_scroll(page, "delete-account", artifacts)

    page.get_by_label("Ditt nuvarande lösenord").fill("fel lösenord")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.title().startswith("Fel:")
    check_a11y(page)
    page.get_by_label("Ditt nuvarande lösenord").fill(SIGN_IN_PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert "Ditt konto är borttaget." in page.locator(".messages").inner_text()
    assert not User.objects.filter(email="anna@example.org").exists()
