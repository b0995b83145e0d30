"""The coach journey in a real browser: an admin invites a coach, the coach accepts through the
e-mail link (creating an account), then reads the overview and the results without any managing
button; axe-core's WCAG 2.1 AA checks on every page, in Swedish and English.

A second test runs axe on the admin's pages for reminders and for a new round from the last one."""

import re

import pytest

from ambitionsgraf.conftest import (
    PASSWORD,
    finished_respondents,
    make_admin,
    make_organisation,
    make_respondent,
    make_round,
)
from ambitionsgraf.maturity.models import ModelVersion
from ambitionsgraf.organisations.models import Membership, Role
from ambitionsgraf.rounds.models import Respondent

from .browsing import check_both_languages, goto, no_sideways_scroll, shot, sign_in, submit
from .conftest import check_a11y

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("maturity_model")]

ADMIN_EMAIL = "inkopschef@exempla.example"
COACH_EMAIL = "coach@radgivare.example"
SECRET_EMAIL = "ledare@exempla.example"


def organisation_with_rounds():
    """Exempla kommun with its admin, a closed round with results and an open round with one
    respondent who has not finished."""
    organisation = make_organisation("Exempla kommun")
    make_admin(organisation, ADMIN_EMAIL, name="Anna Admin")
    version = ModelVersion.objects.current()
    closed = make_round(organisation, version, name="Skattning 2025")
    for perspective in ("leadership", "procurement", "operations"):
        finished_respondents(closed, perspective, 3, level=3)
    closed.close()
    open_round = make_round(organisation, version, name="Skattning 2026")
    make_respondent(open_round, "leadership", email=SECRET_EMAIL)
    finished_respondents(open_round, "procurement", 3, level=4)
    return organisation, closed, open_round


def test_admin_invites_a_coach_who_reads_without_managing(
    live_server, page, new_page, mailoutbox, artifacts
):
    base = live_server.url
    organisation, closed, open_round = organisation_with_rounds()
    overview = f"{base}/o/{organisation.code}/"

    # 1. The admin opens the invitation page from the overview and invites a coach.
    sign_in(page, base, ADMIN_EMAIL)
    goto(page, overview)
    with page.expect_navigation():
        page.locator('main a[href$="/admins/invite/"]').click()
    check_both_languages(page)
    page.fill('input[name="email"]', COACH_EMAIL)
    page.locator('input[name="role"][value="coach"]').check()
    page.select_option('select[name="language"]', "en")
    submit(page)
    assert page.url == overview
    assert page.locator(".message-success").is_visible()
    assert COACH_EMAIL in page.locator("main").inner_text()
    check_both_languages(page)
    assert len(mailoutbox) == 1
    match = re.search(r"https?://\S+?(/(?:en/)?invitation/[^/\s]+/)", mailoutbox[0].body)
    assert match, mailoutbox[0].body
    assert "coach" in mailoutbox[0].subject

    # 2. The coach accepts through the e-mail link, creating an account.
    coach = new_page()
    goto(coach, base + match.group(1))
    assert coach.evaluate("() => document.documentElement.lang") == "en"
    with coach.expect_navigation():
        coach.locator("header a[hreflang=sv]").click()
    check_both_languages(coach)
    coach.fill('input[name="account-name"]', "Cecilia Coach")
    coach.fill('input[name="account-password"]', PASSWORD)
    submit(coach)
    assert coach.url == overview
    assert Membership.objects.get(user__email=COACH_EMAIL).role == Role.COACH

    # 3. The overview: rounds and results, but no managing button and no respondent.
    main = coach.locator("main")
    assert "Skattning 2026" in main.inner_text()
    for ending in ("/rounds/new/", "/rounds/new/from-last/", "/invite/", "/admins/invite/"):
        assert main.locator(f'a[href$="{ending}"]').count() == 0, ending
    for round_ in (closed, open_round):
        assert main.locator(f'a[href$="/rounds/{round_.code}/"]').count() == 0
    assert SECRET_EMAIL not in coach.content()
    check_both_languages(coach)
    shot(coach, "coach-overview", artifacts)
    no_sideways_scroll(coach, "coach-overview", artifacts)

    # 4. The results of the closed round, in both languages, without the ambition link.
    with coach.expect_navigation():
        coach.locator(f'main a[href$="/rounds/{closed.code}/results/"]').click()
    assert coach.locator("main svg[role=img]").count() == 1
    assert coach.locator('main a[href$="/ambition/"]').count() == 0
    assert SECRET_EMAIL not in coach.content()
    check_both_languages(coach)
    shot(coach, "coach-results", artifacts)

    # 5. A page for admins only answers 404 to the coach.
    response = coach.goto(f"{base}/o/{organisation.code}/rounds/{open_round.code}/")
    assert response.status == 404
    assert SECRET_EMAIL not in coach.content()

    # 6. The admin now sees the coach listed among the coaches.
    goto(page, overview)
    assert "Cecilia Coach" in page.locator("main").inner_text()
    check_a11y(page)


def test_reminder_and_next_round_pages_pass_axe(live_server, page, mailoutbox, artifacts):
    base = live_server.url
    organisation, closed, open_round = organisation_with_rounds()
    sign_in(page, base, ADMIN_EMAIL)

    # The round page with the reminder form; send one to the leadership.
    goto(page, f"{base}/o/{organisation.code}/rounds/{open_round.code}/")
    check_both_languages(page)
    no_sideways_scroll(page, "round-remind", artifacts)
    page.select_option('select[name="perspective"]', "leadership")
    submit(page, "main form[action$='/remind/'] button[type=submit]")
    assert page.locator(".message-success").is_visible()
    assert [m.to for m in mailoutbox] == [[SECRET_EMAIL]]
    assert Respondent.objects.get(email=SECRET_EMAIL).reminders_sent == 1
    check_both_languages(page)
    shot(page, "round-reminded", artifacts)

    # A new round based on the last one: the earlier respondents, ticked, by perspective.
    goto(page, f"{base}/o/{organisation.code}/rounds/new/")
    check_both_languages(page)
    with page.expect_navigation():
        page.locator('main a[href$="/rounds/new/from-last/"]').click()
    boxes = page.locator('main input[type="checkbox"]')
    assert boxes.count() == 4
    check_both_languages(page)
    no_sideways_scroll(page, "new-from-last", artifacts)
    page.fill('input[name="name"]', "Skattning 2027")
    boxes.first.uncheck()
    submit(page, "main form button[type=submit]")
    new = organisation.rounds.get(name="Skattning 2027")
    assert new.previous_id == open_round.pk
    assert new.respondents.count() == 3
    assert len(mailoutbox) == 4
    check_a11y(page)
