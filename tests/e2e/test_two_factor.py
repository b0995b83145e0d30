"""Two-factor sign-in in a real browser: an admin turns it on (reading the key off the page, as
an authenticator app would), keeps the recovery codes, signs in with a code from the app and
with a recovery code, then turns it off. axe-core on every new page, in Swedish and English."""

from base64 import b32decode

import pytest
from django_otp.oath import totp

from ambitionsgraf.conftest import PASSWORD, in_language, make_admin, make_organisation

from .browsing import check_both_languages, goto, no_sideways_scroll, shot, submit
from .conftest import check_a11y

pytestmark = pytest.mark.browser

EMAIL = "inkopschef@exempla.example"


def app_code(secret: str, steps_ahead: int = 0) -> str:
    """What the app shows; a step ahead for a second sign-in within the same 30 seconds (a
    code is accepted once, and the next step's code is still within the allowed drift)."""
    return str(totp(b32decode(secret), drift=steps_ahead)).zfill(6)


def password_step(page, base):
    goto(page, base + "/accounts/login/")
    page.fill('input[name="username"]', EMAIL)
    page.fill('input[name="password"]', PASSWORD)
    submit(page)


def sign_out(page):
    submit(page, "header form button[type=submit]")


def test_an_admin_turns_on_two_factor_and_signs_in_with_a_code_and_a_recovery_code(
    live_server, page, transactional_db, artifacts
):
    base = live_server.url
    make_admin(make_organisation("Exempla kommun"), EMAIL, name="Anna Admin")

    # 1. From the account page to the set-up page; the app is added from the key on the page.
    password_step(page, base)
    goto(page, base + "/accounts/account/")
    with page.expect_navigation():
        page.locator('main a[href$="/accounts/two-factor/"]').click()
    assert page.locator("main img[alt]").get_attribute("src").startswith("data:image/svg+xml")
    check_both_languages(page)
    shot(page, "two-factor-setup", artifacts)
    no_sideways_scroll(page, "two-factor-setup", artifacts)
    secret = page.locator("#totp-secret").inner_text().replace(" ", "")
    page.fill("#id_code", app_code(secret))
    submit(page)

    # 2. The recovery codes, shown once.
    assert page.url.endswith("/accounts/two-factor/recovery-codes/")
    codes = page.locator(".recovery-codes code").all_inner_texts()
    assert len(codes) == 10
    check_both_languages(page)
    shot(page, "recovery-codes", artifacts)
    submit(page)
    assert page.url.endswith("/accounts/account/")
    assert in_language("sv", "Two-factor sign-in is on.") in page.locator("main").inner_text()
    check_a11y(page)
    sign_out(page)

    # 3. Signing in: the password, then a wrong code, then the app's code.
    password_step(page, base)
    assert page.url.endswith("/accounts/login/code/")
    check_both_languages(page)
    wrong = "000000" if app_code(secret, 1) != "000000" else "111111"
    page.fill('input[name="code"]', wrong)
    submit(page)
    assert page.locator("#id_code_error").is_visible()
    assert page.locator("#id_code").get_attribute("aria-invalid") == "true"
    check_a11y(page)
    # django-otp makes the next try wait a second after a wrong code; on a loaded machine the
    # first try may still fall inside that wait (the page then says so), so try a few times.
    for _attempt in range(4):
        page.wait_for_timeout(1500)
        page.fill('input[name="code"]', app_code(secret, 1))
        submit(page)
        if "/accounts/login/" not in page.url:
            break
    assert "/accounts/login/" not in page.url
    sign_out(page)

    # 4. Signing in with a recovery code.
    password_step(page, base)
    page.fill("#id_code", codes[0])
    submit(page)
    assert "/accounts/login/" not in page.url
    assert page.locator(".message-warning").is_visible()
    check_a11y(page)

    # 5. Turning it off asks for the password.
    goto(page, base + "/accounts/account/")
    with page.expect_navigation():
        page.locator('main a[href$="/accounts/two-factor/off/"]').click()
    check_both_languages(page)
    page.fill('input[name="password"]', PASSWORD)
    submit(page)
    assert page.url.endswith("/accounts/account/")
    assert in_language("sv", "Two-factor sign-in is off.") in page.locator("main").inner_text()
