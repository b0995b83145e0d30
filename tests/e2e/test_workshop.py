"""The dialogue workshop in a real browser, with the keyboard only: the admin opens it from the
results, agrees on a level in two areas (one by Tab and Enter, one with Page Down as a
presentation remote sends it), finishes it, and the results show the agreed levels. axe-core's
WCAG 2.1 AA checks on every page in Swedish and English, and no sideways scrolling at 320 px."""

from decimal import Decimal

import pytest

from ambitionsgraf.conftest import (
    finished_respondents,
    in_language,
    make_admin,
    make_organisation,
    make_round,
)
from ambitionsgraf.maturity.models import ModelVersion
from ambitionsgraf.plans.models import AgreedLevel
from ambitionsgraf.rounds.models import Answer

from .browsing import (
    REFLOW,
    check_both_languages,
    focus_is_visible,
    goto,
    no_sideways_scroll,
    shot,
    sign_in,
    words_cut,
)
from .conftest import check_a11y

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("maturity_model")]


def closed_round_with_nine(organisation):
    """Three finished per perspective; they disagree most on facts, then on planning."""
    round_ = make_round(organisation, ModelVersion.objects.current(), name="Skattning 2026")
    made = {
        p: finished_respondents(round_, p, 3, level=3)
        for p in ("leadership", "procurement", "operations")
    }

    def set_level(perspective, area_key, level):
        Answer.objects.filter(
            respondent__in=[r for r, _t in made[perspective]], question__area__key=area_key
        ).update(level=level)

    set_level("leadership", "facts", 5)
    set_level("procurement", "facts", 1)
    set_level("leadership", "planning", 4)
    round_.close()
    return round_


def focused(page) -> dict:
    return page.evaluate(
        """() => { const e = document.activeElement;
            return {tag: e.tagName, name: e.name || '', href: e.getAttribute('href') || '',
                    text: (e.innerText || '').trim(), value: e.value || ''}; }"""
    )


def tab_to(page, matches, limit=80) -> dict:
    """Press Tab until matches(focused element) holds; every stop must show its focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = focused(page)
        if element["tag"] in ("A", "BUTTON", "SELECT", "TEXTAREA", "INPUT"):
            assert focus_is_visible(page), f"no visible focus on {element}"
        if matches(element):
            return element
    pytest.fail(f"Tab never reached the wanted control on {page.url}")


def test_admin_runs_the_workshop_with_the_keyboard(live_server, page, artifacts):
    base = live_server.url
    organisation = make_organisation("Älvstads kommun")
    make_admin(organisation, "inkopschef@alvstad.example", name="Karin Holm")
    round_ = closed_round_with_nine(organisation)
    prefix = f"/o/{organisation.code}/rounds/{round_.code}"
    sign_in(page, base, "inkopschef@alvstad.example")

    # The results page leads to the workshop; Tab to the link and follow it.
    goto(page, base + prefix + "/results/")
    tab_to(page, lambda e: e["href"].endswith("/workshop/"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == base + prefix + "/workshop/"
    check_both_languages(page)
    shot(page, "workshop-start", artifacts)
    titles = dict(round_.model_version.areas.values_list("key", "title_sv"))
    order = page.locator("main table tbody th a").all_inner_texts()
    assert order[:3] == [titles["facts"], titles["planning"], titles["goals"]]
    hint = page.locator("#workshop-keys")
    assert hint.is_visible(), "the keyboard hint shows once the script runs"

    # Area 1 with Tab, type-ahead in the select, and Enter on "Save and next".
    tab_to(page, lambda e: e["href"].endswith("/workshop/1/"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == base + prefix + "/workshop/1/"
    progress = in_language("sv", "Area %(n)s of %(count)s", n=1, count=8)
    assert progress in page.locator("main .progress").inner_text()
    check_both_languages(page)
    shot(page, "workshop-area", artifacts)
    tab_to(page, lambda e: e["name"] == "level")
    page.keyboard.type("2")
    page.keyboard.press("ArrowDown")
    assert page.locator("select[name=level]").input_value() == "2.5"
    tab_to(page, lambda e: e["name"] == "reason")
    page.keyboard.type("Ledningen ser mer än inköp gör: vi landar i 2,5.")
    button = tab_to(page, lambda e: e["tag"] == "BUTTON")
    assert button["value"] == "next", "Tab reached 'Save and go back' before 'Save and next'"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == base + prefix + "/workshop/2/"
    assert page.locator(".message-success").is_visible()
    check_a11y(page)

    # Area 2: the "Go to the agreed level" link, type-ahead, then Page Down saves and moves on.
    tab_to(page, lambda e: e["href"] == "#agree")
    page.keyboard.press("Enter")
    tab_to(page, lambda e: e["name"] == "level")
    page.keyboard.type("4")
    assert page.locator("select[name=level]").input_value() == "4.0"
    tab_to(page, lambda e: e["tag"] == "BUTTON")
    for _ in range(30):
        page.keyboard.press("PageDown")
        page.wait_for_timeout(150)
        if page.url.endswith("/workshop/3/"):
            break
    page.wait_for_load_state()
    assert page.url == base + prefix + "/workshop/3/"
    assert dict(AgreedLevel.objects.filter(round=round_).values_list("area__key", "level")) == {
        "facts": Decimal("2.5"),
        "planning": Decimal("4.0"),
    }
    no_sideways_scroll(page, "workshop-area", artifacts)
    page.set_viewport_size({"width": REFLOW, "height": 800})
    assert words_cut(page, ".workshop-levels dt") == []  # "Inköpsfunktionen" is not cut
    page.set_viewport_size({"width": 1280, "height": 900})

    # The summary: computed beside agreed; finish it with the keyboard.
    tab_to(page, lambda e: e["href"].endswith("/workshop/summary/"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    check_both_languages(page)
    shot(page, "workshop-summary", artifacts)
    rows = page.locator("main table tbody tr")
    assert rows.count() == 8
    assert "2,5" in rows.first.inner_text()
    assert "Ledningen ser mer" in rows.first.inner_text()
    no_sideways_scroll(page, "workshop-summary", artifacts)
    finish = in_language("sv", "Finish the workshop")
    tab_to(page, lambda e: e["tag"] == "BUTTON" and e["text"] == finish)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == base + prefix + "/results/"
    round_.refresh_from_db()
    assert round_.workshop_finished_at is not None

    # The results show the agreed level beside the computed one.
    levels = page.locator("main table:has(#levels-caption)")
    headers = levels.locator("thead th").all_inner_texts()
    assert in_language("sv", "Agreed level") in headers
    agreed_column = headers.index(in_language("sv", "Agreed level")) + 1
    facts_row = levels.locator("tbody tr", has_text=titles["facts"])
    assert facts_row.locator(f"td:nth-child({agreed_column})").inner_text() == "2,5"
    check_both_languages(page)
    shot(page, "workshop-results", artifacts)
