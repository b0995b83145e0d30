"""The organisation's settings in a real browser: an admin gives and withdraws the consent to
national statistics and downloads the export; then deletes the organisation, first with a wrong
name, then with the right one. axe-core's WCAG 2.1 AA checks in Swedish and English."""

import pytest

from ambitionsgraf.conftest import make_admin, make_organisation
from ambitionsgraf.organisations.models import Organisation

from .browsing import check_both_languages, goto, no_sideways_scroll, shot, sign_in, submit
from .conftest import check_a11y

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("maturity_model")]

ADMIN_EMAIL = "inkopschef@exempla.example"
CONSENT = 'input[name="national_statistics"]'


def exempla() -> Organisation:
    organisation = make_organisation("Exempla kommun")
    make_admin(organisation, ADMIN_EMAIL, name="Anna Admin")
    return organisation


def test_an_admin_gives_and_withdraws_consent_and_downloads_the_data(live_server, page, artifacts):
    base = live_server.url
    organisation = exempla()
    goto(page, base + "/accounts/signup/")
    check_a11y(page)  # the consent question on sign-up
    assert not page.locator('input[name="org-national_statistics"]').is_checked()

    sign_in(page, base, ADMIN_EMAIL)
    goto(page, f"{base}/o/{organisation.code}/settings/")
    check_both_languages(page)
    assert not page.locator(CONSENT).is_checked()
    page.locator(CONSENT).check()
    submit(page, "main form.form button[type=submit]")
    assert page.locator(".message-success").is_visible()
    assert page.locator(CONSENT).is_checked()
    check_a11y(page)
    shot(page, "settings", artifacts)
    no_sideways_scroll(page, "settings", artifacts)
    organisation.refresh_from_db()
    assert organisation.national_statistics is True

    goto(page, f"{base}/en/o/{organisation.code}/settings/")
    page.locator(CONSENT).uncheck()
    submit(page, "main form.form button[type=submit]")
    assert (
        "left out of the agency's next national figures" in page.locator(".messages").inner_text()
    )
    check_a11y(page)
    organisation.refresh_from_db()
    assert organisation.national_statistics is False

    with page.expect_download() as download:
        page.locator('form[action$="/settings/export/"] button').click()
    assert download.value.suggested_filename.startswith("ambitionsgraf-exempla-kommun-")
    assert download.value.suggested_filename.endswith(".json")


def test_an_admin_deletes_the_organisation_by_typing_its_name(live_server, page, artifacts):
    base = live_server.url
    organisation = exempla()
    sign_in(page, base, ADMIN_EMAIL)
    goto(page, f"{base}/o/{organisation.code}/settings/")
    with page.expect_navigation():
        page.locator('main a[href$="/settings/delete/"]').click()
    check_both_languages(page)

    page.fill('input[name="confirmation"]', "exempla kommun")
    submit(page, "main button.button-danger")
    assert page.locator('input[name="confirmation"][aria-invalid="true"]').is_visible()
    assert page.locator(".errorlist").is_visible()
    check_a11y(page)
    shot(page, "delete-organisation", artifacts)
    no_sideways_scroll(page, "delete-organisation", artifacts)
    assert Organisation.objects.filter(pk=organisation.pk).exists()

    goto(page, f"{base}/en/o/{organisation.code}/settings/delete/")
    page.fill('input[name="confirmation"]', "Exempla kommun")
    submit(page, "main button.button-danger")
    assert page.url.endswith("/en/o/")
    assert "Exempla kommun is deleted" in page.locator(".messages").inner_text()
    check_a11y(page)
    assert not Organisation.objects.filter(pk=organisation.pk).exists()
