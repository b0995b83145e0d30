"""The demo's agency staff: printed logins that work, with a key and a recovery code."""

import re
from base64 import b32decode

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ambitionsgraf.accounts.models import User
from ambitionsgraf.demo import seed_agency
from ambitionsgraf.demo.seed import PASSWORD
from ambitionsgraf.maturity.models import ModelVersion

from .conftest import code_step, password_step, signed_in_user_id

LOGIN = re.compile(
    r"^(analytiker|modellägare) \(Upphandlingsmyndigheten\): (\S+) / lösenord: (\S+)$"
)
TWO_FACTOR = re.compile(r"nyckel till autentiseringsappen ([A-Z2-7]{32}) / reservkod: (\S+)$")


def logins(lines):
    found = [m.groups() for m in map(LOGIN.match, lines) if m]
    keys = [m.groups() for m in map(TWO_FACTOR.search, lines) if m]
    return [(*a, *b) for a, b in zip(found, keys, strict=True)]


@pytest.mark.django_db
def test_it_makes_an_analyst_and_a_model_owner_with_two_factor():
    lines = seed_agency.seed()

    [(_, analyst, password, *_), (_, owner, *_)] = logins(lines)
    assert User.objects.get(email=analyst).is_analyst
    assert User.objects.get(email=owner).is_model_owner
    assert password == PASSWORD
    assert all(email.endswith(".example") for email in (analyst, owner))


@pytest.mark.django_db
def test_the_printed_key_and_recovery_code_sign_in():
    for _label, email, password, secret, recovery in logins(seed_agency.seed()):
        with_app, with_code = Client(), Client()
        password_step(with_app, email, password)
        code_step(with_app, str(totp(b32decode(secret))).zfill(6))
        assert signed_in_user_id(with_app)
        password_step(with_code, email, password)
        code_step(with_code, recovery)
        assert with_code.get(reverse("accounts:account")).status_code == 200


@pytest.mark.django_db
def test_seeding_again_changes_nothing_and_makes_a_used_code_again():
    first = seed_agency.seed()
    state = (
        list(User.objects.order_by("email").values_list("email", "password", "agency_role")),
        list(TOTPDevice.objects.order_by("pk").values_list("pk", "key", "confirmed")),
        sorted(StaticToken.objects.values_list("token", flat=True)),
    )
    [(_, email, password, _, recovery), _] = logins(first)
    client = Client()
    password_step(client, email, password)
    code_step(client, recovery)
    assert StaticToken.objects.count() == len(state[2]) - 1

    assert seed_agency.seed() == first
    assert state == (
        list(User.objects.order_by("email").values_list("email", "password", "agency_role")),
        list(TOTPDevice.objects.order_by("pk").values_list("pk", "key", "confirmed")),
        sorted(StaticToken.objects.values_list("token", flat=True)),
    )


def test_a_draft_model_version_is_made_once_beside_the_published_one(model_version):
    seed_agency.seed()
    seed_agency.seed()

    versions = ModelVersion.objects.order_by("version")
    assert [(v.version, v.status) for v in versions] == [(1, "published"), (2, "draft")]
