"""Helpers for tests that sign in with two-factor authentication (not used by the product)."""

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


def give_totp_device(user, name: str = "Telefon") -> TOTPDevice:
    """A confirmed authenticator app for `user`, as if they had set one up."""
    return TOTPDevice.objects.create(user=user, name=name, confirmed=True)


def totp_code(device: TOTPDevice) -> str:
    """The code the user's app shows right now."""
    code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return str(code).zfill(device.digits)
