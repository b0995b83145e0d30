"""The action plan in a real browser: an admin with a closed round and an ambition adds a proposed
action and one of their own, marks one done and edits an owner; a coach reads the plan and
comments. axe-core's WCAG 2.1 AA checks run on every page in Swedish and English."""

import datetime as dt
import re

import pytest

from ambitionsgraf.accounts.models import User
from ambitionsgraf.conftest import PASSWORD, make_organisation, make_round
from ambitionsgraf.maturity.models import ModelVersion
from ambitionsgraf.organisations.models import Membership
from ambitionsgraf.plans.models import Action, ActionComment
from ambitionsgraf.plans.tests.conftest import GAP_ORDER, give_results

from .browsing import (
    check_both_languages,
    focus_is_visible,
    goto,
    no_sideways_scroll,
    sign_in,
    submit,
)
from .conftest import check_a11y

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("maturity_model")]


@pytest.fixture
def organisation():
    """An organisation with an admin, a coach and a closed round with results and an ambition."""
    org = make_organisation("Älvstads kommun")
    admin = User.objects.create_user(email="karin@alvstad.example", password=PASSWORD, name="Karin")
    Membership.objects.create(organisation=org, user=admin, role="admin")
    coach = User.objects.create_user(email="coach@rad.example", password=PASSWORD, name="Cecilia")
    Membership.objects.create(organisation=org, user=coach, role="coach")
    round_ = make_round(org, ModelVersion.objects.current())
    give_results(round_)
    round_.close()
    return org


def test_admin_builds_the_plan_and_a_coach_comments(
    live_server, page, new_page, organisation, artifacts
):
    base = live_server.url
    plan = f"{base}/o/{organisation.code}/plan/"
    version = ModelVersion.objects.current()
    strategies = version.areas.get(key="strategies")
    proposed_sv = strategies.guidance.get(level=2).action_texts("sv")[0]

    # 1. The admin opens the plan: areas by gap, proposals from the guidance of level 2.
    sign_in(page, base, "karin@alvstad.example")
    goto(page, plan)
    headings = page.locator("main section.plan-area h2").all_inner_texts()
    titles = [version.areas.get(key=key).title_sv for key in GAP_ORDER]
    assert headings[:4] == titles
    box = page.locator("#area-strategies .plan-proposals")
    assert proposed_sv in box.inner_text()
    check_a11y(page)  # in English too in step 7, with actions in it
    page.screenshot(path=str(artifacts / "plan-empty-1280.png"), full_page=True)

    # 2. Add the first proposal: it moves from the box into the plan.
    submit(page, box.locator("button").first)
    proposed = Action.objects.get()
    assert proposed.description == proposed_sv
    assert proposed.source == Action.Source.PROPOSED and proposed.guidance_level == 2
    assert page.locator(".message-success").is_visible()
    assert proposed_sv in page.locator(f"#action-{proposed.code}").inner_text()
    assert proposed_sv not in page.locator("#area-strategies .plan-proposals").inner_text()
    check_a11y(page)

    # 3. Add an action of one's own; a missing description and a bad date are refused first.
    submit(page, page.locator('main #area-planning a[href*="/plan/actions/new/"]'))
    assert page.locator('select[name="area_key"]').input_value() == "planning"
    check_both_languages(page)
    page.evaluate("() => { document.querySelector('input[name=due_on]').type = 'text'; }")
    page.fill('input[name="due_on"]', "2027-02-30")
    page.fill('input[name="owner"]', "Ekonomichefen")
    submit(page, page.locator("main form button[type=submit]"))
    assert page.locator(".error-summary[role=alert]").is_visible()
    for field in ("description", "due_on"):
        control = page.locator(f'[name="{field}"]')
        assert control.get_attribute("aria-invalid") == "true", field
        described = control.get_attribute("aria-describedby") or ""
        assert "error" in described, field
    assert "2026-11-27" in page.locator("main").inner_text()  # the example of a date
    assert Action.objects.count() == 1
    check_a11y(page)

    page.fill('textarea[name="description"]', "Ta fram en upphandlingsplan för 2027.")
    page.evaluate("() => { document.querySelector('input[name=due_on]').type = 'date'; }")
    page.fill('input[name="due_on"]', "2027-03-31")
    # Each Tab stop inside the date field, its calendar button too, shows the focus ring.
    page.locator('input[name="due_on"]').focus()
    stops = 0
    while page.evaluate("document.activeElement.name") == "due_on" and stops < 6:
        assert focus_is_visible(page), f"no visible focus at stop {stops + 1} of the date field"
        page.keyboard.press("Tab")
        stops += 1
    assert stops >= 4  # day, month, year and the calendar button
    submit(page, page.locator("main form button[type=submit]"))
    custom = Action.objects.get(source=Action.Source.CUSTOM)
    assert custom.area_key == "planning" and custom.owner == "Ekonomichefen"
    assert custom.due_on == dt.date(2027, 3, 31)
    assert page.url.endswith(f"/plan/#action-{custom.code}")

    # 4. Mark the custom action done from the plan page.
    card = page.locator(f"#action-{custom.code}")
    card.locator("select[name=status]").select_option("done")
    submit(page, card.locator(".plan-status-form button"))
    custom.refresh_from_db()
    assert custom.status == Action.Status.DONE and custom.done_at is not None
    card = page.locator(f"#action-{custom.code}")
    assert card.locator(".plan-status-done").is_visible()
    standing = page.locator("#area-planning .plan-standing").inner_text()
    assert re.search(r"1 (of|av) 1 (done|klar)", standing, re.I), standing
    check_a11y(page)

    # 5. Edit the owner of the proposed action.
    submit(page, page.locator(f"#action-{proposed.code} a[href$='/edit/']"))
    check_both_languages(page)
    page.fill('input[name="owner"]', "Kommundirektören")
    submit(page, page.locator("main form button[type=submit]"))
    proposed.refresh_from_db()
    assert proposed.owner == "Kommundirektören" and proposed.description == proposed_sv
    assert "Kommundirektören" in page.locator(f"#action-{proposed.code}").inner_text()

    # 6. The drop step asks first; keeping the action changes nothing.
    submit(page, page.locator(f"#action-{proposed.code} a[href$='/drop/']"))
    check_both_languages(page)
    submit(page, page.locator("main a.button-secondary"))
    assert Action.objects.count() == 2

    # 7. The plan at 320 px and in print: navigation and buttons hidden, actions shown.
    check_both_languages(page)
    page.screenshot(path=str(artifacts / "plan-1280.png"), full_page=True)
    no_sideways_scroll(page, "plan", artifacts)
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".plan-controls").first.is_visible()
    assert page.locator(f"#action-{custom.code}").is_visible()
    page.emulate_media(media="screen")

    # 8. The coach reads the plan without change controls and comments on an action.
    coach = new_page()
    sign_in(coach, base, "coach@rad.example")
    goto(coach, plan)
    assert coach.locator("main .plan-status-form, main .plan-proposals").count() == 0
    assert coach.locator("main a[href*='/edit/'], main a[href*='/drop/']").count() == 0
    check_both_languages(coach)
    comment_box = coach.locator(f"#action-{proposed.code} details.plan-comment-form")
    comment_box.locator("summary").click()
    check_a11y(coach)
    comment_box.locator("textarea").fill("Förankra beslutet i ledningsgruppen först.")
    submit(coach, comment_box.locator("button"))
    comment = ActionComment.objects.get()
    assert comment.author.email == "coach@rad.example" and comment.action == proposed
    shown = coach.locator(f"#action-{proposed.code} .plan-comments").inner_text()
    assert "Förankra beslutet" in shown and "Cecilia" in shown
    check_a11y(coach)
    no_sideways_scroll(coach, "plan-coach", artifacts)
    response = coach.goto(f"{base}/o/{organisation.code}/plan/actions/{proposed.code}/edit/")
    assert response.status == 404
