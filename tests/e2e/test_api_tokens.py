"""API tokens in a real browser: an admin makes a token (the secret is shown once), the token
reads the API, the admin revokes it and the API refuses it; axe-core's WCAG 2.1 AA checks on the
token page in Swedish and English. A second test opens the API docs under the site's real
Content-Security-Policy: Swagger UI is served from the site itself and breaks no rule."""

import pytest

from ambitionsgraf.conftest import make_admin, make_organisation

from .browsing import check_both_languages, goto, no_sideways_scroll, shot, sign_in, submit
from .conftest import check_a11y

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("maturity_model")]

ADMIN_EMAIL = "inkopschef@exempla.example"


def test_an_admin_makes_uses_and_revokes_a_token(live_server, page, artifacts):
    base = live_server.url
    organisation = make_organisation("Exempla kommun")
    make_admin(organisation, ADMIN_EMAIL, name="Anna Admin")
    tokens_url = f"{base}/o/{organisation.code}/settings/api-tokens/"

    sign_in(page, base, ADMIN_EMAIL)
    goto(page, tokens_url)
    check_both_languages(page)
    page.fill('input[name="name"]', "Intranätets statistik")
    page.locator('input[name="scope"][value="read"]').check()
    submit(page, "main form.form button[type=submit]")
    secret = page.locator("#new-secret").input_value()
    assert secret.startswith("ag_")
    check_a11y(page)
    shot(page, "api-tokens", artifacts)
    no_sideways_scroll(page, "api-tokens", artifacts)

    api = f"{base}/api/v1/organisations/{organisation.code}"
    headers = {"Authorization": f"Bearer {secret}"}
    assert page.request.get(api, headers=headers).json()["name"] == "Exempla kommun"

    goto(page, tokens_url)  # shown once: not on the page again
    assert secret not in page.content()
    assert secret[:9] in page.locator("main table").inner_text()

    goto(page, f"{base}/en/o/{organisation.code}/settings/api-tokens/")
    submit(page, "main table button[type=submit]")
    assert page.locator(".message-success").is_visible()
    assert "Revoked" in page.locator("main table").inner_text()
    check_a11y(page)
    refused = page.request.get(api, headers=headers)
    assert refused.status == 401
    assert refused.json()["error"]["code"] == "token_revoked"


def test_the_api_docs_work_under_the_strict_content_security_policy(live_server, browser):
    context = browser.new_context()  # no bypass: the page's own policy applies
    page = context.new_page()
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    outside = []
    page.on(
        "request",
        lambda r: outside.append(r.url) if not r.url.startswith(live_server.url) else None,
    )
    try:
        response = goto(page, f"{live_server.url}/api/v1/docs")
        assert "'unsafe-inline'" not in response.headers["content-security-policy"]
        page.locator(".opblock").first.wait_for()
        assert page.locator(".opblock").count() >= 10
        assert not problems, problems
        assert not outside, outside
    finally:
        context.close()


def test_the_api_docs_pass_axe_closed_and_with_every_operation_open(live_server, page):
    """Swagger UI's own colours and markup fail WCAG 2.1 AA; api-docs.css and api-docs.js mend
    them, and the operations' links are not drawn inside their buttons (deepLinking off)."""
    goto(page, f"{live_server.url}/api/v1/docs")
    page.locator(".opblock").first.wait_for()
    check_a11y(page)

    for control in page.locator(".opblock-summary-control").all():
        control.click()
    page.locator(".opblock-body pre.microlight").first.wait_for()
    page.locator(".parameters-col_description select").first.wait_for()
    check_a11y(page)
    assert page.locator(".opblock-summary-control a[href]").count() == 0
