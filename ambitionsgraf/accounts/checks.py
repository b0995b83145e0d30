"""Refuse to start with the throttling of wrong two-factor codes switched off."""

from django.conf import settings
from django.core.checks import Error, register


@register()
def two_factor_throttling(app_configs, **kwargs):
    return [
        Error(
            f"{name} is {getattr(settings, name)}: wrong two-factor codes would not be throttled.",
            hint=f"Remove {name} from the settings or set it to 1 or more.",
            id="accounts.E001",
        )
        for name in ("OTP_TOTP_THROTTLE_FACTOR", "OTP_STATIC_THROTTLE_FACTOR")
        if getattr(settings, name, 1) <= 0
    ]
