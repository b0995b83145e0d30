"""Every form of the site, posted arbitrary data by the user allowed to post it, answers with
the form and its errors (always with 400), a page that is not a refusal (200), a redirect, 404
or 405: never a server error. When the data is refused, nothing in the database changes.

Hypothesis picks keys among the form's own field names (read from the page, as a browser
would) and values among the form's own choices and plenty of junk: long texts, control
characters, numbers out of range, impossible dates, several values for one key, uploads. The
data is set up once for the module; each example runs in a savepoint that is rolled back, so
every example starts from the same state. The pages are listed in form_pages.py: add a new
form page there.
"""

from urllib.parse import urlsplit

import pytest
from django.db import transaction
from django.test.utils import override_settings
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .error_pages import check_error_page
from .form_data import as_posted, data_for, form_errors, read_form, refused, snapshot
from .form_pages import ADMIN, ORG, PAGES, build_world, client_for, path, prepare

PROPERTIES = settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# What a form page may answer: the form with its errors (429 when a limit refused it), a
# redirect, not found, wrong method.
ALLOWED = {200, 302, 400, 404, 405, 429}
FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The organisation, its people, a round with results, a plan: made once for the module
    inside a transaction that is rolled back at its end."""
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHER):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield build_world()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture(autouse=True)
def _swedish_and_fast(settings):
    settings.PASSWORD_HASHERS = FAST_HASHER
    translation.activate("sv")
    yield
    translation.deactivate()


def post_and_check(world, page, target, data):
    with transaction.atomic():
        client = client_for(world, page.persona)
        prepare(world, page, client)
        before = snapshot()
        response = client.post(target, as_posted(data))
        assert response.status_code in ALLOWED, f"{page}: POST {target} gave {response.status_code}"
        if response.status_code == 302:  # never to another site, whatever `next` says
            assert urlsplit(response["Location"]).netloc in ("", "testserver"), response["Location"]
        if refused(response):
            assert snapshot() == before, f"{page}: refused, yet the database changed"
        if form_errors(response):
            assert response.status_code == 400 or (
                response.status_code == 429 and "Retry-After" in response
            ), f"{page}: errors shown with {response.status_code}"
        check_error_page(page, response, shows_errors(response))
        transaction.set_rollback(True)
    return response


def shows_errors(response) -> bool:
    """A form page refused what was sent (not Django's own page for a malformed request)."""
    templates = {t.name for t in response.templates}
    return response.status_code in (400, 429) and "400.html" not in templates


# ---------------------------------------------------------------- the property

_forms: dict = {}  # page -> its Form, read once per page


@pytest.mark.django_db
@pytest.mark.parametrize("page", PAGES, ids=str)
@PROPERTIES
@given(data=st.data())
def test_arbitrary_data_posted_to_a_form_never_breaks_it(world, page, data):
    target = path(world, page.name, page.kwargs)
    if str(page) not in _forms:
        client = client_for(world, page.persona)
        prepare(world, page, client)
        _forms[str(page)] = read_form(world, page, client, target)
    posted = data.draw(data_for(_forms[str(page)]), label="posted")
    post_and_check(world, page, target, posted)


# ---------------------------------------------------------------- bodies no form would send


BODIES = {
    "bytes that are not UTF-8": ("application/x-www-form-urlencoded", b"name=%FF%FE&q1=%C3"),
    "JSON": ("application/json", b'{"name": ["a", {"b": null}]}'),
    "a cut-off multipart body": ("multipart/form-data; boundary=xyz", b"--xyz\r\nContent-Disp"),
    "too many fields": (
        "application/x-www-form-urlencoded",
        "&".join(f"f{n}=1" for n in range(1500)).encode(),
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("page", PAGES, ids=str)
def test_bodies_no_form_would_send_are_refused_without_a_change(world, page):
    target = path(world, page.name, page.kwargs)
    for what, (content_type, body) in BODIES.items():
        with transaction.atomic():
            client = client_for(world, page.persona)
            prepare(world, page, client)
            before = snapshot()
            response = client.generic("POST", target, body, content_type=content_type)
            assert response.status_code in ALLOWED, f"{page}, {what}: {response.status_code}"
            if refused(response):
                assert snapshot() == before, f"{page}, {what}: refused, yet the database changed"
            transaction.set_rollback(True)


# ---------------------------------------------------------------- found by these tests


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name, kwargs",
    [
        ("organisations:overview", {"code": "nul"}),
        ("rounds:detail", ORG | {"round_code": "nul"}),
        ("plans:edit", ORG | {"action_code": "nul"}),
    ],
)
def test_a_nul_character_in_a_code_of_the_url_is_not_found(world, name, kwargs):
    values = world.values | {"nul": "a\x00b"}
    target = reverse(name, kwargs={k: values[v] for k, v in kwargs.items()})

    client = client_for(world, ADMIN)
    assert client.get(target).status_code == 404
    assert client.post(target, {"name": "x"}).status_code == 404


# ---------------------------------------------------------------- one status for a refusal


@pytest.mark.django_db
@pytest.mark.parametrize("page", PAGES, ids=str)
def test_a_form_shown_again_with_its_errors_answers_400(world, page):
    """Every page that shows its form again with errors says so in the status too, as the
    API does with its own: a monitor counting refusals, or a test, need not read the page."""
    target = path(world, page.name, page.kwargs)
    with transaction.atomic():
        client = client_for(world, page.persona)
        prepare(world, page, client)
        response = client.post(target, {})
        if form_errors(response):
            assert response.status_code == 400, f"{page}: errors shown with {response.status_code}"
        check_error_page(page, response, shows_errors(response))
        transaction.set_rollback(True)
