"""Two-factor sign-in: an authenticator app (TOTP, django-otp) and one-time recovery codes.

A user has at most one confirmed authenticator app (a `TOTPDevice`) and, beside it, one
`StaticDevice` that holds their unused recovery codes. Setting up makes an unconfirmed device
first; the first right code from the app confirms it. Both kinds of device throttle wrong
codes (django-otp doubles the wait after each failure: 1, 2, 4 ... seconds).
"""

import math
from base64 import b32encode
from dataclasses import dataclass
from urllib.parse import quote, urlencode

import segno
from django.db import transaction
from django.utils import timezone
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

ISSUER = "Ambitionsgraf"
RECOVERY_CODE_COUNT = 10
APP_NAME = "Authenticator app"
RECOVERY_NAME = "Recovery codes"


# ---------------------------------------------------------------- pure helpers


def normalise_code(text: str) -> str:
    """What the user typed, without spaces and dashes, in lower case."""
    return "".join(ch for ch in text if not ch.isspace() and ch != "-").lower()


def looks_like_app_code(code: str, digits: int = 6) -> bool:
    return len(code) == digits and code.isdigit()


def grouped(text: str, size: int = 4) -> str:
    """`ABCDEFGHIJ` as `ABCD EFGH IJ`, easier to read and to type."""
    return " ".join(text[i : i + size] for i in range(0, len(text), size))


def display_recovery_code(code: str) -> str:
    """A stored recovery code as it is shown: `abcd-efgh`."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def secret_base32(device: TOTPDevice) -> str:
    """The key as an authenticator app asks for it when typed in."""
    return b32encode(device.bin_key).decode("ascii").rstrip("=")


def otpauth_uri(secret: str, account: str, *, digits: int = 6, period: int = 30) -> str:
    """The Key URI an authenticator app reads from the QR code."""
    label = quote(f"{ISSUER}:{account}")
    params = urlencode(
        {
            "secret": secret,
            "issuer": ISSUER,
            "algorithm": "SHA1",
            "digits": digits,
            "period": period,
        }
    )
    return f"otpauth://totp/{label}?{params}"


def qr_data_uri(uri: str) -> str:
    """The QR code as an SVG `data:` URI for an `<img>` (the CSP allows data: images)."""
    return segno.make(uri, micro=False).svg_data_uri(scale=5, border=4, dark="#000", light="#fff")


def seconds_until(moment) -> int:
    return max(1, math.ceil((moment - timezone.now()).total_seconds()))


# ---------------------------------------------------------------- devices of a user


def app_device(user) -> TOTPDevice | None:
    """The user's confirmed authenticator app, if two-factor sign-in is on."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def is_on(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def unconfirmed_app_device(user) -> TOTPDevice:
    """The device being set up: the same one (and key) on every visit until it is confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=APP_NAME, confirmed=False)


def new_recovery_codes(user, codes: list[str] | None = None) -> list[str]:
    """Replace the user's recovery codes with new ones (the old stop working); returns them."""
    codes = codes or [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    with transaction.atomic():
        device, _ = StaticDevice.objects.get_or_create(
            user=user, name=RECOVERY_NAME, defaults={"confirmed": True}
        )
        device.token_set.all().delete()
        StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


def confirm(device: TOTPDevice) -> list[str]:
    """Turn two-factor sign-in on with `device`; returns the first recovery codes."""
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=device.user_id).exclude(pk=device.pk).delete()
        return new_recovery_codes(device.user)


def turn_off(user) -> None:
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()


# ---------------------------------------------------------------- checking a code


@dataclass(frozen=True)
class CodeCheck:
    """The outcome of a typed code: the device that accepted it, or why none did."""

    device: Device | None = None
    wait_seconds: int = 0  # more than 0: too many wrong codes, try again after this long

    @property
    def used_recovery_code(self) -> bool:
        return isinstance(self.device, StaticDevice)


def check_code(device: Device | None, code: str) -> CodeCheck:
    """Verify `code` on `device`, locked against concurrent use, with django-otp's throttling."""
    if device is None:
        return CodeCheck()
    with transaction.atomic():
        device = type(device).objects.select_for_update().get(pk=device.pk)
        allowed, info = device.verify_is_allowed()
        if not allowed:
            return CodeCheck(wait_seconds=seconds_until(info["locked_until"]))
        if device.verify_token(code):
            return CodeCheck(device=device)
    return CodeCheck()


def check_sign_in_code(user, text: str) -> CodeCheck:
    """A code typed at sign-in: six digits go to the app, anything else is a recovery code."""
    code = normalise_code(text)
    if looks_like_app_code(code):
        return check_code(app_device(user), code)
    return check_code(StaticDevice.objects.filter(user=user, confirmed=True).first(), code)
