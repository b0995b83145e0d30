"""The organisation's people in a real browser: an admin makes a coach an admin and back,
removes the coach and withdraws an invitation from the overview, with the keyboard; a colleague
leaves; the only admin is shown what to do instead of leaving. axe-core's WCAG 2.1 AA checks in
Swedish and English."""

import datetime as dt

import pytest
from django.utils import timezone

from ambitionsgraf.conftest import make_admin
from ambitionsgraf.lib.tokens import new_token, token_hash
from ambitionsgraf.organisations.models import Invitation, Membership, Role
from ambitionsgraf.organisations.tests.conftest import make_coach

from .browsing import check_both_languages, goto, no_sideways_scroll, shot, sign_in, submit
from .conftest import check_a11y
from .test_settings import ADMIN_EMAIL as ADMIN
from .test_settings import exempla

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("maturity_model")]

COLLEAGUE = "kollega@exempla.example"


def invitation(organisation, email: str) -> str:
    """A pending invitation of `organisation`; returns the token of its link."""
    token = new_token()
    Invitation.objects.create(organisation=organisation, email=email, token_hash=token_hash(token))
    return token


def test_an_admin_removes_a_coach_and_withdraws_an_invitation_with_the_keyboard(
    live_server, page, artifacts
):
    base = live_server.url
    organisation = exempla()
    coach = make_coach(organisation, name="Cecilia Coach")
    invitation(organisation, "ny@exempla.example")
    sign_in(page, base, ADMIN)
    goto(page, f"{base}/o/{organisation.code}/")

    page.get_by_role("button", name="Gör till administratör – Cecilia Coach").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Cecilia Coach är nu administratör" in page.locator(".messages").inner_text()
    assert Membership.objects.get(user=coach).role == Role.ADMIN
    check_a11y(page)
    submit(page, page.get_by_role("button", name="Gör till coach – Cecilia Coach"))
    assert Membership.objects.get(user=coach).role == Role.COACH

    remove = page.get_by_role("link", name="Ta bort Cecilia Coach")
    remove.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == "Vill du ta bort Cecilia Coach?"
    check_both_languages(page)
    no_sideways_scroll(page, "remove-member", artifacts)
    page.get_by_role("button", name="Ta bort Cecilia Coach").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert (
        "Cecilia Coach är inte längre coach för Exempla kommun"
        in page.locator(".messages").inner_text()
    )
    assert not Membership.objects.filter(user=coach).exists()
    check_a11y(page)

    page.get_by_role("button", name="Dra tillbaka – ny@exempla.example").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert (
        "Inbjudan till ny@exempla.example är tillbakadragen"
        in page.locator(".messages").inner_text()
    )
    assert not Invitation.objects.exists()
    shot(page, "people-after-removal", artifacts)


def test_a_colleague_leaves_and_the_only_admin_left_is_shown_what_to_do(
    live_server, page, artifacts
):
    base = live_server.url
    organisation = exempla()
    make_admin(organisation, COLLEAGUE, name="Kim Kollega")

    sign_in(page, base, COLLEAGUE)
    goto(page, f"{base}/o/{organisation.code}/")
    with page.expect_navigation():
        page.get_by_role("link", name="Lämna Exempla kommun").click()
    check_both_languages(page)
    submit(page, "main button.button-danger")
    assert "Du har lämnat Exempla kommun." in page.locator(".messages").inner_text()
    assert list(organisation.memberships.values_list("role", flat=True)) == [Role.ADMIN]

    page.context.clear_cookies()
    sign_in(page, base, ADMIN)
    goto(page, f"{base}/o/{organisation.code}/leave/")
    assert "Du är den enda administratören" in page.locator("main").inner_text()
    assert page.locator("main button").count() == 0
    check_both_languages(page)
    no_sideways_scroll(page, "leave-only-admin", artifacts)


def test_someone_signed_in_as_another_account_signs_out_from_the_invitation(
    live_server, page, artifacts
):
    base = live_server.url
    organisation = exempla()
    token = invitation(organisation, COLLEAGUE)

    sign_in(page, base, ADMIN)  # the admin opens the link meant for a colleague
    goto(page, f"{base}/invitation/{token}/")
    assert COLLEAGUE in page.locator(".message-warning").inner_text()
    check_both_languages(page)
    submit(page, "main button")

    assert page.url == f"{base}/invitation/{token}/"
    assert page.locator('input[name="account-password"]').is_visible()
    check_a11y(page)
    shot(page, "invitation-after-sign-out", artifacts)


def test_an_expired_invitation_says_so_and_the_admin_sends_it_again(live_server, page, mailoutbox):
    base = live_server.url
    organisation = exempla()
    token = invitation(organisation, COLLEAGUE)
    Invitation.objects.update(created_at=timezone.now() - dt.timedelta(days=30))

    response = page.goto(f"{base}/invitation/{token}/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Inbjudan har gått ut"
    check_both_languages(page)

    sign_in(page, base, ADMIN)
    goto(page, f"{base}/o/{organisation.code}/")
    assert "gick ut" in page.locator("main").inner_text()
    page.get_by_role("button", name=f"Skicka igen – {COLLEAGUE}").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert f"En ny inbjudan har skickats till {COLLEAGUE}" in page.locator(".messages").inner_text()
    check_a11y(page)
    assert [m.to for m in mailoutbox] == [[COLLEAGUE]]
