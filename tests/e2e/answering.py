"""Steps the browser tests share: the password their new accounts get, the model's areas, and
answering an area page of the questionnaire by mouse or by keyboard."""

import re

import pytest

from .browsing import focus_is_visible, submit

PASSWORD = "korrekt häst batteri"
AREA_KEYS = [
    "goals",
    "strategies",
    "planning",
    "follow_up",
    "responsibility",
    "organisation",
    "interplay",
    "facts",
]
AREA_PATH = re.compile(r"/r/[^/]+/area/(\d+)/$")


def question_ids(page) -> list[str]:
    return page.evaluate(
        """() => [...new Set([...document.querySelectorAll('main input[type=radio]')]
            .map(i => i.name))]"""
    )


def answer_area(page, choose):
    """Answer each question on an area page by clicking; choose(index, name) -> '1'-'5'|'dk'."""
    for index, name in enumerate(question_ids(page)):
        page.locator(f'input[name="{name}"][value="{choose(index, name)}"]').check()


def area_number(page) -> int:
    match = AREA_PATH.search(page.url)
    assert match, f"not an area page: {page.url}"
    return int(match.group(1))


def next_area(page):
    submit(page, "main button[name=nav][value=next]")


def answer_area_by_keyboard(page, levels):
    """Tab to each question's radios, choose with Space and the arrow keys, submit with Enter."""
    page.locator("main h1").click()  # sets the starting point for Tab, as a reader would
    names = question_ids(page)
    done = []
    for _ in range(len(names) * 4 + 10):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => { const e = document.activeElement;
                return {tag: e.tagName, type: e.type || '', name: e.name || '',
                        value: e.value || ''}; }"""
        )
        if focused["type"] == "radio" and focused["name"] not in done:
            assert focus_is_visible(page), f"no visible focus on radio {focused['name']}"
            page.keyboard.press("Space")
            for _step in range(levels[len(done)] - 1):
                page.keyboard.press("ArrowDown")
            checked = page.evaluate(
                "n => document.querySelector(`input[name='${n}']:checked`).value",
                focused["name"],
            )
            assert checked == str(levels[len(done)]), (focused, checked)
            done.append(focused["name"])
        elif focused["tag"] == "BUTTON" and focused["name"] == "nav":
            assert focused["value"] == "next", "Tab reached the back button before next"
            assert done == names, f"Tab skipped questions: {set(names) - set(done)}"
            assert focus_is_visible(page), "no visible focus on the submit button"
            with page.expect_navigation():
                page.keyboard.press("Enter")
            return
    pytest.fail(f"Tab never reached the submit button on {page.url}")


def respondent_links(mailoutbox, base_url) -> dict[str, str]:
    links = {}
    for message in mailoutbox:
        match = re.search(r"https?://\S+?(/(?:en/)?r/[^/\s]+/)", message.body)
        assert match, f"no respondent link in the e-mail to {message.to}: {message.body}"
        links[message.to[0]] = base_url + match.group(1)
    return links
