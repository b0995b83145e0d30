"""A double click on a form's button sends the form once (static/js/forms.js), as the
public sector's design systems do: on a slow connection a second click would otherwise
start a second round, or add the same action twice."""

import time

import pytest

from ambitionsgraf.conftest import make_admin, make_organisation
from ambitionsgraf.rounds import services
from ambitionsgraf.rounds.models import Round

from .browsing import goto, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("maturity_model")]


def test_a_second_click_while_the_server_works_starts_no_second_round(
    live_server, page, monkeypatch
):
    organisation = make_organisation("Dubbelby kommun")
    make_admin(organisation, "admin@dubbelby.example")
    sign_in(page, live_server.url, "admin@dubbelby.example")
    goto(page, f"{live_server.url}/o/{organisation.code}/rounds/new/")
    page.fill('input[name="name"]', "Skattning 2027")

    start_round, calls = services.start_round, []

    def slowly(**kwargs):  # a busy server: the first request is still being handled
        calls.append(kwargs["name"])
        time.sleep(1)
        return start_round(**kwargs)

    monkeypatch.setattr(services, "start_round", slowly)
    button = page.locator("main button[type=submit]")
    box = button.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.click(x, y)
    page.wait_for_timeout(150)  # a person's double click, on a page still waiting
    page.mouse.click(x, y)
    page.wait_for_url("**/invite/", timeout=10000)
    page.wait_for_timeout(1500)  # a second request, had one been sent, would be done by now

    assert calls == ["Skattning 2027"]  # the server was asked once
    assert Round.objects.filter(organisation=organisation).count() == 1
    assert "/invite/" in page.url
