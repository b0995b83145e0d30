"""The organisation's log in a real browser: an admin opens it from the overview, reads it in
Swedish and English (axe-core's WCAG 2.1 AA checks on both), and filters it with the keyboard."""

import pytest

from ambitionsgraf.audit.log import Action, record
from ambitionsgraf.conftest import make_admin, make_organisation, make_round
from ambitionsgraf.maturity.models import ModelVersion

from .browsing import check_both_languages, goto, no_sideways_scroll, shot, sign_in
from .conftest import check_a11y

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("maturity_model")]

ADMIN_EMAIL = "inkopschef@exempla.example"


def organisation_with_a_history():
    organisation = make_organisation("Exempla kommun")
    admin = make_admin(organisation, ADMIN_EMAIL, name="Anna Admin")
    round_ = make_round(organisation, ModelVersion.objects.current(), name="Skattning 2026")
    record(Action.ROUND_OPENED, actor=admin, organisation=organisation, subject=round_.name)
    record(
        Action.RESPONDENTS_INVITED,
        actor=admin,
        organisation=organisation,
        subject=round_.name,
        count=12,
        perspective="leadership",
    )
    record(Action.ROUND_CLOSED, organisation=organisation, subject=round_.name, by="closing_date")
    record(
        Action.EXPORT_DOWNLOADED,
        actor=admin,
        organisation=organisation,
        subject=round_.name,
        file="board_report",
        format="pdf",
    )
    return organisation


def test_an_admin_reads_and_filters_the_log_with_the_keyboard(live_server, page, artifacts):
    base = live_server.url
    organisation = organisation_with_a_history()
    sign_in(page, base, ADMIN_EMAIL)  # the sign-in itself is in the log

    goto(page, f"{base}/o/{organisation.code}/")
    with page.expect_navigation():
        page.locator(f'main a[href$="/o/{organisation.code}/log/"]').click()
    assert page.locator("main tbody tr").count() == 5
    check_both_languages(page)
    shot(page, "audit-log", artifacts)
    no_sideways_scroll(page, "audit-log", artifacts)

    # Choose "Sign-ins" and send the form without a mouse.
    page.focus("#id_kind")
    page.keyboard.press("ArrowDown")
    assert page.eval_on_selector("#id_kind", "e => e.value") == "sign_ins"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.type") == "submit"
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert "kind=sign_ins" in page.url
    rows = page.locator("main tbody tr")
    assert rows.count() == 1
    assert ADMIN_EMAIL in rows.first.inner_text()
    assert page.eval_on_selector("#id_kind", "e => e.value") == "sign_ins"
    check_a11y(page)
