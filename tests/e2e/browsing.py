"""What the browser tests do on every journey: open a page, submit a form, sign in, check a
page with axe-core in both languages, at 320 px and as a screenshot."""

from ambitionsgraf.accounts.testing import totp_code
from ambitionsgraf.conftest import PASSWORD

from .conftest import check_a11y


def goto(page, url):
    response = page.goto(url)
    assert response is not None and response.ok, f"{url} answered {response and response.status}"
    return response


def submit(page, target="main button[type=submit]"):
    """Click a submit button (a selector or a locator) and wait for the page it leads to."""
    with page.expect_navigation():
        (page.locator(target) if isinstance(target, str) else target).click()


def language(page) -> str:
    return page.evaluate("() => document.documentElement.lang")


def check_both_languages(page, *, back=True):
    """axe on the page in Swedish, switch to English via the header link, axe again, and back."""
    assert language(page) == "sv", page.url
    check_a11y(page)
    with page.expect_navigation():
        page.locator("header a[hreflang=en]").click()
    assert language(page) == "en"
    assert "/en/" in page.url
    check_a11y(page)
    if back:
        with page.expect_navigation():
            page.locator("header a[hreflang=sv]").click()
        assert language(page) == "sv"
        assert "/en/" not in page.url


# WCAG 2.1 success criterion 1.4.10 (Reflow): content fits 320 CSS px without sideways scrolling,
# except what needs two dimensions (a data table scrolls inside its own region).
REFLOW = 320


def no_sideways_scroll(page, name, artifacts):
    """At 320 px wide the page must not scroll sideways; leaves a screenshot behind."""
    page.set_viewport_size({"width": REFLOW, "height": 800})
    page.screenshot(path=str(artifacts / f"{name}-{REFLOW}.png"), full_page=True)
    width = page.evaluate("() => document.documentElement.scrollWidth")
    wide = page.evaluate(  # what sticks out, leaving out what scrolls inside its own box
        """() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > innerWidth + 1)
            .filter(e => { for (let p = e.parentElement; p; p = p.parentElement) {
                if (getComputedStyle(p).overflowX !== 'visible') return false; }
                return true; })
            .slice(0, 5).map(e => e.tagName + '.' + e.className)"""
    )
    page.set_viewport_size({"width": 1280, "height": 900})
    wide = wide or "nothing outside a scroll box: look for positioned content inside one"
    assert width <= REFLOW, f"{name} scrolls sideways at {REFLOW} px ({width} px wide): {wide}"


# WCAG 2.1 success criterion 1.4.12 (Text spacing): nothing is lost when a reader sets these.
TEXT_SPACING = """* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }"""


def with_text_spacing(page):
    """Give the open page a reader's own wider text spacing, as a bookmarklet would (a
    constructed style sheet, which the Content-Security-Policy lets through)."""
    page.evaluate(
        """css => { const sheet = new CSSStyleSheet(); sheet.replaceSync(css);
            document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; }""",
        TEXT_SPACING,
    )


def words_cut(page, selector):
    """The texts under selector with a word wider than its own box, at the window's width."""
    return page.locator(selector).evaluate_all(
        """labels => labels.filter(label => label.innerText.split(/\\s+/).some(word => {
            const probe = document.createElement('span');
            probe.style.whiteSpace = 'nowrap';
            probe.textContent = word;
            label.append(probe);
            const wide = probe.offsetWidth > label.clientWidth;
            probe.remove();
            return wide;
        })).map(label => label.innerText)"""
    )


def shot(page, name, artifacts):
    page.screenshot(path=str(artifacts / f"{name}-1280.png"), full_page=True)


def focus_is_visible(page) -> bool:
    """Whether the focused element (or the option label around a radio) shows a focus ring."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const ring = e => {
                const s = getComputedStyle(e);
                return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
                    || (s.boxShadow && s.boxShadow !== 'none');
            };
            return ring(el) || (el.closest('.option') !== null && ring(el.closest('.option')));
        }"""
    )


def sign_in(page, base, email):
    goto(page, base + "/accounts/login/")
    page.fill('input[name="username"]', email)
    page.fill('input[name="password"]', PASSWORD)
    submit(page)
    assert "/accounts/login/" not in page.url


def sign_in_with_code(page, base, user, device):
    goto(page, base + "/accounts/login/")
    page.fill('input[name="username"]', user.email)
    page.fill('input[name="password"]', PASSWORD)
    submit(page)
    if page.locator("#id_code").count():
        page.fill("#id_code", totp_code(device))
        submit(page)
    assert "/accounts/login" not in page.url, page.url
