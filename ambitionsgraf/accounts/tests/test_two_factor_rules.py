"""The small rules of two-factor sign-in, without pages."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.checks import run_checks
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from ambitionsgraf.accounts import two_factor
from ambitionsgraf.accounts.models import User


def test_typed_codes_lose_spaces_and_dashes_and_capitals():
    assert two_factor.normalise_code(" 123 456 ") == "123456"
    assert two_factor.normalise_code("ABCD-efgh") == "abcdefgh"


@pytest.mark.parametrize(
    ("code", "from_app"),
    [("123456", True), ("12345", False), ("1234567", False), ("abcdefgh", False)],
)
def test_six_digits_go_to_the_app_anything_else_is_a_recovery_code(code, from_app):
    assert two_factor.looks_like_app_code(code) is from_app


def test_the_key_and_recovery_codes_are_shown_in_groups():
    assert two_factor.grouped("ABCDEFGHIJ") == "ABCD EFGH IJ"
    assert two_factor.display_recovery_code("abcdefgh") == "abcd-efgh"


def test_the_qr_code_holds_a_key_uri_with_the_issuer():
    uri = two_factor.otpauth_uri("JBSWY3DPEHPK3PXP", "anna@kommun.example")
    parts = urlsplit(uri)
    assert (parts.scheme, parts.netloc) == ("otpauth", "totp")
    assert parts.path == "/Ambitionsgraf%3Aanna%40kommun.example"
    assert parse_qs(parts.query) == {
        "secret": ["JBSWY3DPEHPK3PXP"],
        "issuer": ["Ambitionsgraf"],
        "algorithm": ["SHA1"],
        "digits": ["6"],
        "period": ["30"],
    }
    assert two_factor.qr_data_uri(uri).startswith("data:image/svg+xml;")


def test_wrong_codes_are_throttled_on_both_kinds_of_device():
    assert TOTPDevice().throttling_enabled
    assert StaticDevice().throttling_enabled


def test_switching_throttling_off_stops_the_site_from_starting(settings):
    assert not [e for e in run_checks() if e.id == "accounts.E001"]
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    assert [e.id for e in run_checks() if e.id.startswith("accounts.")] == ["accounts.E001"]


def test_ten_recovery_codes_are_made(db):
    user = User.objects.create_user(email="anna@kommun.example", password="x")
    codes = two_factor.new_recovery_codes(user)
    assert len(set(codes)) == 10 == two_factor.recovery_codes_left(user)
    assert all(len(c) == 8 and c.isalnum() and c == c.lower() for c in codes)
