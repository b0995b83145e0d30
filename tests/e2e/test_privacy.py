"""Privacy in a real browser: the privacy notice and the accessibility statement, a respondent
who reads their data and erases their e-mail address with the keyboard alone, and an admin who
revokes a link; axe-core's WCAG 2.1 AA checks on every page, in Swedish and English."""

import pytest

from ambitionsgraf.conftest import (
    answer_all,
    make_admin,
    make_organisation,
    make_respondent,
    make_round,
)
from ambitionsgraf.maturity.models import ModelVersion
from ambitionsgraf.rounds.models import Respondent

from .browsing import check_both_languages, goto, no_sideways_scroll, shot, sign_in, submit
from .conftest import check_a11y

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("maturity_model")]

ADMIN_EMAIL = "inkopschef@exempla.example"
RESPONDENT_EMAIL = "ledare@exempla.example"


def open_round():
    organisation = make_organisation("Exempla kommun")
    make_admin(organisation, ADMIN_EMAIL, name="Anna Admin")
    round_ = make_round(organisation, ModelVersion.objects.current(), name="Skattning 2026")
    respondent, token = make_respondent(round_, "leadership", email=RESPONDENT_EMAIL)
    answer_all(respondent, level=3, comment="Vi behöver en strategi")
    return organisation, round_, respondent, token


def tab_to(page, name: str, limit: int = 80) -> None:
    """Press Tab until the focus is on the control whose visible text is `name`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.innerText.trim()") == name:
            return
    pytest.fail(f"Tab never reached {name!r} on {page.url}")


def test_visitor_reads_the_privacy_notice_and_the_accessibility_statement(
    live_server, page, artifacts
):
    goto(page, live_server.url + "/")
    for name in ("privacy", "accessibility"):
        with page.expect_navigation():
            page.locator(f'footer a[href="/{name}/"]').click()
        assert page.locator("main h1").count() == 1
        check_both_languages(page)
        shot(page, name, artifacts)
        no_sideways_scroll(page, name, artifacts)
    assert "digg.se/tdosanmalan" in page.content()


def test_respondent_erases_their_address_with_the_keyboard(live_server, page, artifacts):
    _organisation, _round, respondent, token = open_round()
    base = live_server.url

    goto(page, f"{base}/r/{token}/")
    with page.expect_navigation():
        page.locator(f'header a[href="/r/{token}/my-data/"]').click()
    assert RESPONDENT_EMAIL in page.locator("main").inner_text()
    check_both_languages(page)
    shot(page, "my-data", artifacts)
    no_sideways_scroll(page, "my-data", artifacts)

    # Erase, keyboard only: the button, then the confirmation.
    tab_to(page, page.locator("main form button").inner_text().strip())
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator('input[name="confirm"]').count() == 1
    check_a11y(page)
    tab_to(page, page.locator("main form button").inner_text().strip())
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.locator(".messages .message-success").is_visible()
    assert RESPONDENT_EMAIL not in page.content()
    respondent.refresh_from_db()
    assert respondent.email is None
    assert respondent.answers.count() == len(respondent.questions())
    check_both_languages(page)

    # The link still opens the questionnaire.
    goto(page, f"{base}/r/{token}/summary/")
    check_a11y(page)


def test_admin_revokes_a_link_and_sees_an_erased_address(live_server, page, artifacts):
    organisation, round_, respondent, token = open_round()
    erased, _token = make_respondent(round_, "procurement", email="borta@exempla.example")
    Respondent.objects.filter(pk=erased.pk).update(email=None)
    base = live_server.url
    round_page = f"{base}/o/{organisation.code}/rounds/{round_.code}/"

    sign_in(page, base, ADMIN_EMAIL)
    goto(page, round_page)
    check_both_languages(page)
    no_sideways_scroll(page, "round-links", artifacts)

    for prefix in ("/en", ""):  # the confirmation in English, then revoke in Swedish
        goto(page, f"{base}{prefix}/o/{organisation.code}/rounds/{round_.code}/")
        submit(page, f'main form[action$="/respondents/{respondent.pk}/revoke/"] button')
        assert RESPONDENT_EMAIL in page.locator("main").inner_text()
        check_a11y(page)
    submit(page, "main form button[type=submit]")

    assert page.url.startswith(round_page)
    assert page.locator(".messages .message-success").is_visible()
    respondent.refresh_from_db()
    assert respondent.link_revoked_at is not None
    assert page.locator(f'main form[action$="/respondents/{respondent.pk}/revoke/"]').count() == 0
    check_both_languages(page)
    shot(page, "round-links", artifacts)
    assert page.goto(f"{base}/r/{token}/").status == 404
