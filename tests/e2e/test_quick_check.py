"""The quick check in a real browser: from the front page, partly by keyboard, to the ambition
graph and its table; in Swedish with consent to save, in English without; axe-core's WCAG 2.1 AA
checks on every page and no sideways scrolling at 320 px."""

import pytest

from ambitionsgraf.quickcheck.models import QuickCheck

from .browsing import (
    REFLOW,
    check_both_languages,
    focus_is_visible,
    goto,
    language,
    no_sideways_scroll,
    shot,
    submit,
    with_text_spacing,
)
from .conftest import check_a11y

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("maturity_model")]

SUBMIT = "main form button[type=submit]"


def area_keys(page) -> list[str]:
    return page.evaluate(
        """() => [...new Set([...document.querySelectorAll('main input[type=radio]')]
            .map(i => i.name.replace(/^level_/, '')))]"""
    )


def focused(page) -> dict:
    return page.evaluate(
        """() => { const e = document.activeElement;
            return {tag: e.tagName, id: e.id, name: e.name || '', value: e.value || ''}; }"""
    )


def answer_by_keyboard(page, key, level, ambition_key):
    """With focus on the area's first radio: choose `level` with Space and the arrow keys, Tab to
    the ambition, pick it by typing its first character, and Tab on to the next area."""
    assert focused(page)["name"] == f"level_{key}", focused(page)
    assert focus_is_visible(page), f"no visible focus on the radios of {key}"
    page.keyboard.press("Space")
    for _step in range(level - 1):
        page.keyboard.press("ArrowDown")
    assert page.locator(f'input[name="level_{key}"]:checked').get_attribute("value") == str(level)
    page.keyboard.press("Tab")
    assert focused(page)["name"] == f"ambition_{key}", focused(page)
    assert focus_is_visible(page), f"no visible focus on the ambition of {key}"
    page.keyboard.type(ambition_key)
    page.keyboard.press("Tab")
    return page.locator(f'select[name="ambition_{key}"]').input_value()


def table_rows(page) -> list[list[str]]:
    return page.evaluate(
        """() => [...document.querySelectorAll('main table tbody tr')]
            .map(tr => [...tr.children].map(c => c.textContent.trim()))"""
    )


def test_a_visitor_takes_the_quick_check_in_swedish_partly_by_keyboard(
    live_server, page, artifacts
):
    base = live_server.url
    goto(page, base + "/")
    check_a11y(page)
    with page.expect_navigation():
        page.locator('main a[href$="/quick-check/"]').click()
    assert page.url == base + "/quick-check/"
    check_both_languages(page)
    no_sideways_scroll(page, "quick-check", artifacts)
    with_text_spacing(page)  # a reader's wider spacing, still at 320 px
    no_sideways_scroll(page, "quick-check-spaced", artifacts)

    # Sending the empty form: a summary at the top, with links to each field.
    submit(page, SUBMIT)
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert summary.locator("a").count() == 16
    check_a11y(page)
    assert QuickCheck.objects.count() == 0

    # The first link leads to the first question; the first three areas by keyboard alone.
    keys = area_keys(page)
    assert len(keys) == 8
    summary.locator("a").first.focus()
    page.keyboard.press("Enter")
    ambitions = [answer_by_keyboard(page, key, 2, "4") for key in keys[:3]]
    assert ambitions == ["4.0"] * 3
    assert focused(page)["name"] == f"level_{keys[3]}"

    # The rest with the mouse, one "don't know"; then agree to save, and send with Enter.
    for key in keys[3:]:
        page.locator(f'input[name="level_{key}"][value="3"]').check()
        page.select_option(f'select[name="ambition_{key}"]', "3.5")
    page.locator(f'input[name="level_{keys[-1]}"][value="dk"]').check()
    page.locator('input[name="save"]').check()
    page.select_option('select[name="organisation_type"]', "municipality")
    page.locator(SUBMIT).focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.locator("main h1").inner_text() != ""
    assert page.locator("main svg[role=img]").count() == 1
    assert page.locator(".message-success").is_visible()
    rows = table_rows(page)
    assert len(rows) == 8
    assert rows[0][1:] == ["2,0", "4,0", "+2,0"]
    assert rows[3][1:] == ["3,0", "3,5", "+0,5"]
    assert rows[7][2:] == ["3,5", "–"]
    check_a11y(page)
    shot(page, "quick-check-result", artifacts)
    no_sideways_scroll(page, "quick-check-result", artifacts)

    check = QuickCheck.objects.get()
    assert check.answers[keys[0]] == 2 and check.answers[keys[-1]] is None
    assert check.ambitions[keys[0]] == 4.0 and check.organisation_type == "municipality"


def test_a_visitor_takes_the_quick_check_in_english_without_saving(live_server, new_page):
    page = new_page(REFLOW, 800)  # WCAG's reflow width throughout
    base = live_server.url
    goto(page, base + "/en/")
    check_a11y(page)
    with page.expect_navigation():
        page.locator('main a[href$="/en/quick-check/"]').click()
    assert language(page) == "en"
    assert page.evaluate("() => document.documentElement.scrollWidth") <= REFLOW
    for key in area_keys(page):
        page.locator(f'input[name="level_{key}"][value="1"]').check()
        page.select_option(f'select[name="ambition_{key}"]', "3.0")
    submit(page, SUBMIT)

    assert language(page) == "en"
    assert page.locator("main h1").inner_text() == "Your quick check"
    assert page.locator("main svg[role=img]").count() == 1
    assert all(row[1:] == ["1.0", "3.0", "+2.0"] for row in table_rows(page))
    assert page.locator('main a[href="/en/accounts/signup/"]').is_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= REFLOW
    check_a11y(page)
    assert QuickCheck.objects.count() == 0
