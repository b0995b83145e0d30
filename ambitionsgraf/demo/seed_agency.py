"""Demo staff of the agency (Upphandlingsmyndigheten): an analyst and a model owner.

Agency staff must sign in with two factors, so each has an authenticator app with a fixed, public
key (printed by `make run`, for adding to an app) and a few fixed recovery codes. Running it again
changes nothing; a printed recovery code that was used is made again.
"""

import hashlib
from dataclasses import dataclass

from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ambitionsgraf.accounts import two_factor
from ambitionsgraf.accounts.models import AgencyRole, User
from ambitionsgraf.maturity import drafts
from ambitionsgraf.maturity.models import ModelVersion

from .seed import PASSWORD

AGENCY = "Upphandlingsmyndigheten"


@dataclass(frozen=True)
class DemoStaff:
    label: str  # as printed, in Swedish
    email: str
    name: str
    role: AgencyRole
    recovery_codes: tuple[str, ...]

    @property
    def key(self) -> str:
        """The authenticator app's key (hex, 20 bytes): fixed, so the demo can print it."""
        return hashlib.sha1(f"ambitionsgraf-demo:{self.email}".encode()).hexdigest()


STAFF = [
    DemoStaff("analytiker", "analytiker@upphandlingsmyndigheten.example", "Sara Lind",
              AgencyRole.ANALYST, ("demoana1", "demoana2", "demoana3")),
    DemoStaff("modellägare", "modellagare@upphandlingsmyndigheten.example", "Jonas Berg",
              AgencyRole.MODEL_OWNER, ("demomod1", "demomod2", "demomod3")),
]  # fmt: skip


def seed() -> list[str]:
    """Create the demo agency users once; return the lines `seed_demo` prints about them."""
    lines = []
    for staff in STAFF:
        with transaction.atomic():
            device = _ensure(staff)
        secret = two_factor.secret_base32(device)
        code = two_factor.display_recovery_code(staff.recovery_codes[0])
        lines.append(f"{staff.label} ({AGENCY}): {staff.email} / lösenord: {PASSWORD}")
        lines.append(
            f"  tvåstegsinloggning: nyckel till autentiseringsappen {secret} / reservkod: {code}"
        )
    draft = _draft()
    if draft is not None:
        lines.append(f"utkast till modellversion {draft.version}: i modellabbet, för modellägaren")
    return lines


def _draft() -> ModelVersion | None:
    """A draft beside the published version, so the model owner has something to edit: made
    once from the newest published version; a draft that exists (or was published) is kept."""
    current = ModelVersion.objects.current()
    if current is None:
        return None
    draft = drafts.existing_draft(current.key)
    if draft is None and ModelVersion.objects.filter(key=current.key).count() == 1:
        draft = drafts.new_draft(current)
    return draft


def _ensure(staff: DemoStaff) -> TOTPDevice:
    user = User.objects.filter(email=staff.email).first()
    if user is None:
        user = User.objects.create_user(
            email=staff.email, password=PASSWORD, name=staff.name, agency_role=staff.role
        )
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, key=staff.key, defaults={"name": two_factor.APP_NAME, "confirmed": True}
    )
    if not device.confirmed:
        device.confirmed = True
        device.save(update_fields=["confirmed"])
    recovery, _ = StaticDevice.objects.get_or_create(
        user=user, name=two_factor.RECOVERY_NAME, defaults={"confirmed": True}
    )
    have = set(recovery.token_set.values_list("token", flat=True))
    missing = [code for code in staff.recovery_codes if code not in have]
    StaticToken.objects.bulk_create(StaticToken(device=recovery, token=c) for c in missing)
    return device
