"""The core loop in a real browser: register, start a round, invite, answer, set the ambition,
close and read the results, with axe-core's WCAG 2.1 AA checks on every page along the way."""

import re

import pytest

from ambitionsgraf.accounts.models import User
from ambitionsgraf.organisations.models import Organisation
from ambitionsgraf.rounds.models import Ambition, Answer, Respondent

from .answering import (
    AREA_KEYS,
    PASSWORD,
    answer_area,
    answer_area_by_keyboard,
    area_number,
    next_area,
    question_ids,
    respondent_links,
)
from .browsing import (
    check_both_languages,
    goto,
    language,
    no_sideways_scroll,
    shot,
    submit,
    with_text_spacing,
)
from .conftest import check_a11y

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("maturity_model")]

# The core loop ----------------------------------------------------------------------------


def test_core_loop(live_server, page, new_page, mailoutbox, artifacts):
    base = live_server.url

    # 1. The front page, in both languages, then on to registration.
    goto(page, base + "/")
    check_both_languages(page)
    shot(page, "front", artifacts)
    with page.expect_navigation():
        page.locator('main a[href$="/accounts/signup/"]').click()
    assert page.url == base + "/accounts/signup/"
    check_both_languages(page)

    # 2. Register: a wrong check digit is refused and nothing is created.
    def fill_signup(org_number):
        page.fill('input[name="account-name"]', "Anna Admin")
        page.fill('input[name="account-email"]', "anna@kommun.example.se")
        page.fill('input[name="account-password"]', PASSWORD)
        page.fill('input[name="org-name"]', "Exempla kommun")
        page.fill('input[name="org-org_number"]', org_number)
        page.select_option('select[name="org-type"]', "municipality")
        page.select_option('select[name="org-county"]', "stockholm")
        page.select_option('select[name="org-employees_band"]', "500-1999")
        page.select_option('select[name="org-volume_band"]', "100m-499m")
        page.select_option('select[name="org-procurement_setup"]', "centralised")

    fill_signup("212000-0143")
    submit(page)
    number = page.locator('input[name="org-org_number"]')
    assert number.get_attribute("aria-invalid") == "true"
    error_id = number.get_attribute("aria-describedby") or ""
    assert "error" in error_id, "the error is not tied to the field"
    assert page.locator(f"#{error_id.split()[0]}").is_visible()
    assert page.locator(".error-summary[role=alert]").is_visible()
    # Told first: in the title, and with the focus on the summary, whose link leads to the field.
    assert page.title().startswith("Fel:")
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#id_org-org_number"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.name") == "org-org_number"
    assert Organisation.objects.count() == 0
    assert User.objects.count() == 0
    check_a11y(page)
    shot(page, "signup-error", artifacts)

    fill_signup("212000-0142")
    submit(page)
    organisation = Organisation.objects.get()
    assert organisation.org_number == "212000-0142"
    overview = f"{base}/o/{organisation.code}/"
    # (A redirect keeps the fragment the summary's link put in the address: harmless.)
    assert page.url.split("#")[0] == overview
    assert page.locator("main h1").inner_text() == "Exempla kommun"
    check_both_languages(page)
    shot(page, "overview-empty", artifacts)

    # 3. Start a round, then invite respondents.
    with page.expect_navigation():
        page.locator('main a[href$="/rounds/new/"]').click()
    check_a11y(page)
    page.fill('input[name="name"]', "Skattning 2026")
    submit(page)
    round_ = organisation.rounds.get()
    invite_path = f"/o/{organisation.code}/rounds/{round_.code}/invite/"
    assert page.url == base + invite_path
    check_both_languages(page, back=False)  # stays on the English page: stable messages

    def invite(addresses, perspective, lang):
        page.fill('textarea[name="addresses"]', addresses)
        page.locator(f'input[name="perspective"][value="{perspective}"]').check()
        page.select_option('select[name="language"]', lang)
        submit(page)

    invite("a@example.org\nnot an address\nb@example.org", "leadership", "sv")
    errors = page.locator('textarea[name="addresses"]')
    assert errors.get_attribute("aria-invalid") == "true"
    assert "Line 2:" in page.locator("main").inner_text()
    assert "Line 1:" not in page.locator("main").inner_text()
    assert Respondent.objects.count() == 0
    assert len(mailoutbox) == 0
    check_a11y(page)
    shot(page, "invite-error", artifacts)

    invite("a@example.org\nb@example.org", "leadership", "sv")
    detail = f"{base}/en/o/{organisation.code}/rounds/{round_.code}/"
    assert page.url == detail
    assert page.locator(".message-success").is_visible()
    with page.expect_navigation():
        page.locator('main a[href$="/invite/"]').click()
    invite("c@example.org", "procurement", "en")
    assert page.url == detail
    assert len(mailoutbox) == 3
    assert sorted(m.to[0] for m in mailoutbox) == [
        "a@example.org",
        "b@example.org",
        "c@example.org",
    ]
    with page.expect_navigation():
        page.locator("header a[hreflang=sv]").click()
    check_both_languages(page)
    shot(page, "round-detail", artifacts)
    links = respondent_links(mailoutbox, base)
    assert "/en/r/" in links["c@example.org"] and "/en/" not in links["a@example.org"]

    # 4a. Respondent A (leadership, Swedish): keyboard only on area 1, then "don't know"
    #     on some questions and a comment, checking every page with axe.
    a = new_page()
    goto(a, links["a@example.org"])
    check_both_languages(a)
    with a.expect_navigation():
        a.locator('main a[href$="/area/1/"]').click()
    assert area_number(a) == 1
    assert re.search(r"(Area|Område) 1 (of|av) 8", a.locator(".progress").inner_text())
    check_a11y(a)
    shot(a, "area", artifacts)
    no_sideways_scroll(a, "area", artifacts)
    with_text_spacing(a)  # a reader's wider spacing, still at 320 px
    no_sideways_scroll(a, "area-spaced", artifacts)
    first_area = question_ids(a)
    answer_area_by_keyboard(a, levels=[3, 2, 4, 3, 5, 1, 2, 3])
    assert area_number(a) == 2
    saved = Answer.objects.filter(respondent__email="a@example.org")
    assert saved.count() == len(first_area)
    assert saved.get(question_id=int(first_area[0][1:])).level == 3

    comment = "Vi saknar en samlad bild av avtalen."
    while True:
        number = area_number(a)
        check_a11y(a)
        if number in (2, 5):  # "don't know" on the first question, a comment on the second
            ids = question_ids(a)
            answer_area(a, lambda i, _n: "dk" if i == 0 else "3")
            details = a.locator(f"details.comment:has(#c{ids[1][1:]})")
            assert not a.locator(f"#c{ids[1][1:]}").is_visible()
            details.locator("summary").click()
            a.fill(f"#c{ids[1][1:]}", comment)
        else:
            answer_area(a, lambda i, _n: "3" if i % 2 else "2")
        next_area(a)
        if number == 8:
            break
    assert a.url.endswith("/summary/")
    check_both_languages(a)
    assert comment in a.locator("main").inner_text()
    shot(a, "summary", artifacts)
    with a.expect_navigation():
        a.locator('main form[action$="/finish/"] button[type=submit]').click()
    assert a.url.endswith("/summary/")
    assert Respondent.objects.get(email="a@example.org").finished_at is not None
    check_a11y(a)
    a.context.close()

    # 4b. Respondent B (leadership) stops after area 3, comes back through the link and resumes.
    b = new_page()
    goto(b, links["b@example.org"])
    with b.expect_navigation():
        b.locator('main a[href$="/area/1/"]').click()
    for _ in range(3):
        answer_area(b, lambda i, _n: "4")
        next_area(b)
    assert area_number(b) == 4
    b.context.close()

    b = new_page()
    goto(b, links["b@example.org"])
    resume = b.locator('main a[href$="/area/4/"]')
    assert resume.is_visible()
    check_a11y(b)
    with b.expect_navigation():
        resume.click()
    for _ in range(5):
        answer_area(b, lambda i, _n: "4")
        next_area(b)
    assert b.url.endswith("/summary/")
    with b.expect_navigation():
        b.locator('main form[action$="/finish/"] button[type=submit]').click()
    b.context.close()

    # 4c. Respondent C (procurement) answers in English, invited in English.
    c = new_page()
    goto(c, links["c@example.org"])
    assert language(c) == "en"
    check_a11y(c)
    with c.expect_navigation():
        c.locator('main a[href$="/area/1/"]').click()
    assert "Area 1 of 8" in c.locator(".progress").inner_text()
    check_a11y(c)
    for _ in range(8):
        answer_area(c, lambda i, _n: "2")
        next_area(c)
    assert c.url.endswith("/summary/")
    check_a11y(c)
    with c.expect_navigation():
        c.locator('main form[action$="/finish/"] button[type=submit]').click()
    c.context.close()
    assert Respondent.objects.filter(finished_at__isnull=False).count() == 3

    # 5. The admin sets the ambition; a value outside the scale is refused and nothing is saved.
    goto(page, f"{base}/o/{organisation.code}/rounds/{round_.code}/")
    participation = page.locator("main table").first.locator("tbody tr")
    assert [participation.nth(i).locator("td").all_inner_texts() for i in range(3)] == [
        ["2", "2", "2"],
        ["1", "1", "1"],
        ["0", "0", "0"],
    ]
    check_a11y(page)
    # On a phone the same figures are a list, so "finished" needs no sideways scrolling.
    assert not page.locator(".participation-list").is_visible()
    page.set_viewport_size({"width": 320, "height": 800})
    assert not page.locator(".participation-table").is_visible()
    assert page.locator(".participation-list li").all_inner_texts()[:2] == [
        "Ledningen: Inbjudna: 2, har börjat: 2, klara: 2",
        "Inköpsfunktionen: Inbjudna: 1, har börjat: 1, klara: 1",
    ]
    check_a11y(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    with page.expect_navigation():
        page.locator('main a[href$="/ambition/"]').click()
    check_both_languages(page)
    selects = page.locator("main select[name^=target_]").evaluate_all("s => s.map(e => e.name)")
    assert [name.removeprefix("target_") for name in selects] == AREA_KEYS
    targets = {key: ["3.5", "4.0", "3.0", "4.5"][i % 4] for i, key in enumerate(AREA_KEYS)}
    for key, value in targets.items():
        page.select_option(f'select[name="target_{key}"]', value)
    page.fill('textarea[name="reason_planning"]', "Planeringen ska bli bättre.")
    page.evaluate(
        """() => {
            const select = document.querySelector('select[name="target_goals"]');
            select.add(new Option('7', '7'));
            select.value = '7';
        }"""
    )
    submit(page)
    goals = page.locator('select[name="target_goals"]')
    assert goals.get_attribute("aria-invalid") == "true"
    assert page.locator(".error-summary").is_visible()
    assert page.locator(f"#{goals.get_attribute('aria-describedby').split()[0]}").is_visible()
    assert Ambition.objects.count() == 0
    check_a11y(page)
    for key, value in targets.items():
        page.select_option(f'select[name="target_{key}"]', value)
    submit(page)
    assert Ambition.objects.count() == 8
    assert page.url.endswith("/results/")
    assert page.locator(".message-success").is_visible()
    check_a11y(page)  # provisional results

    # 6. Close the round and read the results.
    goto(page, f"{base}/o/{organisation.code}/rounds/{round_.code}/close/")
    check_a11y(page)
    submit(page, "main form button[type=submit]")
    results = f"{base}/o/{organisation.code}/rounds/{round_.code}/results/"
    assert page.url == results
    round_.refresh_from_db()
    assert not round_.is_open
    check_both_languages(page)
    shot(page, "results", artifacts)

    chart = page.locator("main svg[role=img]")
    assert chart.count() == 1
    assert chart.locator("title").count() >= 1
    assert chart.locator("title").first.text_content().strip()
    levels = page.locator("main table:has(#levels-caption)")
    area_names = [t.strip() for t in levels.locator("tbody th").all_inner_texts()]
    assert len(area_names) == 8
    chart_text = re.sub(r"\s", "", chart.text_content())  # axis labels wrap over <tspan>s
    for name in area_names:
        assert re.sub(r"\s", "", name) in chart_text, f"{name} is in the table, not the chart"
    headers = " ".join(levels.locator("thead th").all_inner_texts())
    # Area, whole organisation, ambition, gap and the combined group: no perspective of its own.
    assert levels.locator("thead th").count() == 5, headers
    assert "Leadership" not in headers and "Ledningen" not in headers
    assert "Procurement" not in headers and "Inköp" not in headers
    organisation_levels = levels.locator("tbody tr td:nth-of-type(1)").all_inner_texts()
    assert all(re.fullmatch(r"\d[.,]\d", v.strip()) for v in organisation_levels), (
        organisation_levels
    )
    gap_list = page.locator("main .gap-list li")
    assert gap_list.count() == 8
    assert re.search(r"[+−]\d[.,]\d", gap_list.first.inner_text())
    assert "Planeringen ska bli bättre." in page.locator("main .gap-list").inner_text()
    page.locator("main details.area-answers summary").nth(1).click()
    assert comment in page.locator("main details.area-answers").nth(1).inner_text()
    no_sideways_scroll(page, "results", artifacts)

    # 7. The overview at both widths after the round.
    goto(page, overview)
    check_a11y(page)
    shot(page, "overview", artifacts)
    no_sideways_scroll(page, "overview", artifacts)
