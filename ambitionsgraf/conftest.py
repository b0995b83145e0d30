"""Shared personas and small builders for the tests (no factory library).

The personas: an admin of organisation A, a respondent of A (a personal link with a known
token), an admin of organisation B (the outsider) and an anonymous visitor.
"""

import html
import itertools
import re

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from ambitionsgraf.accounts.models import User
from ambitionsgraf.accounts.testing import give_totp_device
from ambitionsgraf.lib.orgnr import luhn_check_digit
from ambitionsgraf.lib.testing import _fresh_limits  # noqa: F401 (an autouse fixture)
from ambitionsgraf.maturity.loader import MODEL_DIR, load_directory, load_file
from ambitionsgraf.maturity.models import ModelVersion
from ambitionsgraf.organisations.models import Membership, Organisation, Role
from ambitionsgraf.rounds.models import Answer, Respondent

PASSWORD = "ett-långt-lösenord-2026"
_serial = itertools.count(1)


# ---------------------------------------------------------------- builders


def org_number(serial: int) -> str:
    """A valid organisation number, different for every serial below 100,000."""
    digits = f"2120{serial:05d}"
    return f"{digits[:6]}-{digits[6:]}{luhn_check_digit(digits)}"


def make_organisation(name: str = "Testkommun", **fields) -> Organisation:
    values = {
        "name": name,
        "org_number": org_number(next(_serial)),
        "type": "municipality",
        "county": "stockholm",
        "employees_band": "500-1999",
        "volume_band": "100m-499m",
        **fields,
    }
    return Organisation.objects.create(**values)


def make_admin(organisation: Organisation, email: str, name: str = "") -> User:
    user = User.objects.create_user(email=email, password=PASSWORD, name=name)
    Membership.objects.create(organisation=organisation, user=user, role=Role.ADMIN)
    return user


def make_round(organisation: Organisation, version: ModelVersion, name="Skattning 2026", **fields):
    return organisation.rounds.create(model_version=version, name=name, **fields)


def make_respondent(
    round_, perspective: str = "leadership", email: str | None = None, language: str = "sv"
) -> tuple[Respondent, str]:
    email = email or f"person{next(_serial)}@example.se"
    respondent, token = Respondent.with_new_token(
        round=round_, email=email, perspective=perspective, language=language
    )
    respondent.save()
    return respondent, token


def answer_all(respondent: Respondent, level: int = 3, comment: str = "") -> None:
    """Answer every question put to the respondent with the same level."""
    questions = respondent.questions()
    Answer.objects.bulk_create(
        Answer(respondent=respondent, question=q, level=level, comment=comment) for q in questions
    )
    respondent.started_at = respondent.started_at or timezone.now()
    respondent.last_area = len({q.area_id for q in questions})
    respondent.save(update_fields=["started_at", "last_area"])


def finish(respondent: Respondent) -> None:
    now = timezone.now()
    respondent.started_at = respondent.started_at or now
    respondent.finished_at = now
    respondent.save(update_fields=["started_at", "finished_at"])


def finished_respondents(round_, perspective: str, count: int, level: int = 3, comment=""):
    """`count` respondents of `perspective` who answered everything and finished."""
    made = []
    for _ in range(count):
        respondent, token = make_respondent(round_, perspective)
        answer_all(respondent, level=level, comment=comment)
        finish(respondent)
        made.append((respondent, token))
    return made


def area_post(questions, level: str = "3", comment: str = "", nav: str = "next") -> dict:
    """The form data of an area page answering every question with `level` ("dk": don't know)."""
    data = {"nav": nav}
    for q in questions:
        data[f"q{q.pk}"] = level
        data[f"c{q.pk}"] = comment
    return data


def signup_data(org_number: str = "212000-0142", email: str = "ny@nystad.example") -> dict:
    """The sign-up form filled in for Nina Ny of Nystads kommun."""
    return {
        "account-name": "Nina Ny",
        "account-email": email,
        "account-password": PASSWORD,
        "org-name": "Nystads kommun",
        "org-org_number": org_number,
        "org-type": "municipality",
        "org-county": "uppsala",
        "org-employees_band": "2000-4999",
        "org-volume_band": "500m-1999m",
        "org-procurement_setup": "centralised",
    }


def logged_in(user: User) -> Client:
    """A client signed in as `user`. Agency staff must use two-factor sign-in: they get an
    authenticator app (if they have none) and a session verified with it."""
    client = Client()
    client.force_login(user)
    if user.is_agency_staff:
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        device = device or give_totp_device(user)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


# ---------------------------------------------------------------- reading responses


def queries_of(client: Client, url: str, data: dict | None = None, *, ok=(200,)) -> int:
    """The SQL queries one request costs: a GET, or a POST of ``data``. Its status must be one
    of ``ok``, so that an error page's queries are never taken for the page's."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url) if data is None else client.post(url, data)
    assert response.status_code in ok, (url, response.status_code)
    return len(captured.captured_queries)


def page_text(response) -> str:
    """The response body with HTML entities decoded, for looking for texts with apostrophes."""
    return html.unescape(response.content.decode())


def in_language(language: str, message: str, **params) -> str:
    """A message as the catalogue translates it in `language`, as a page would show it."""
    with translation.override(language):
        text = gettext(message)
    return text % params if params else text


def english(url_name: str, *args) -> str:
    """The path of a page in English."""
    with translation.override("en"):
        return reverse(url_name, args=args)


def mail_link(message) -> str:
    """The path of the one link in an e-mail (the site address removed)."""
    match = re.search(re.escape(settings.SITE_URL) + r"(/\S+)", message.body)
    assert match, message.body
    return match.group(1)


# ---------------------------------------------------------------- fixtures


@pytest.fixture(autouse=True)
def _swedish_by_default():
    """Each test starts in Swedish: a request to an /en/ page leaves English active in the thread,
    which would otherwise make the next test's reverse() give /en/ addresses."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def model_version(db) -> ModelVersion:
    load_directory()
    return ModelVersion.objects.current()


@pytest.fixture
def newer_model_version(model_version, tmp_path) -> ModelVersion:
    """Version 2 of the model, published after version 1: same keys, its own question rows."""
    text = (MODEL_DIR / "ambitionsgraf-1.yaml").read_text(encoding="utf-8")
    path = tmp_path / "ambitionsgraf-2.yaml"
    path.write_text(re.sub(r"(?m)^version: 1$", "version: 2", text), encoding="utf-8")
    return load_file(path).version


@pytest.fixture
def org_a(db) -> Organisation:
    return make_organisation("Älvstads kommun")


@pytest.fixture
def org_b(db) -> Organisation:
    return make_organisation("Bergby kommun")


@pytest.fixture
def admin_a(org_a) -> User:
    return make_admin(org_a, "admin@alvstad.example", name="Karin Holm")


@pytest.fixture
def admin_b(org_b) -> User:
    return make_admin(org_b, "admin@bergby.example", name="Outsider Olsson")


@pytest.fixture
def admin_a_client(admin_a) -> Client:
    return logged_in(admin_a)


@pytest.fixture
def outsider_client(admin_b) -> Client:
    """The admin of organisation B, signed in."""
    return logged_in(admin_b)


@pytest.fixture
def anonymous_client() -> Client:
    return Client()


@pytest.fixture
def round_a(org_a, model_version):
    return make_round(org_a, model_version)


@pytest.fixture
def respondent_a(round_a) -> tuple[Respondent, str]:
    """A respondent of A from the operations perspective and their token."""
    return make_respondent(round_a, "operations", email="svarande@alvstad.example")
