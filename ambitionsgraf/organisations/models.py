import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ambitionsgraf.lib.tokens import new_code

from .choices import County, EmployeesBand, OrganisationType, ProcurementSetup, VolumeBand


class Organisation(models.Model):
    code = models.CharField(max_length=16, unique=True, default=new_code, editable=False)
    name = models.CharField(_("name"), max_length=200)
    org_number = models.CharField(_("organisation number"), max_length=11, unique=True)
    type = models.CharField(_("type of organisation"), max_length=20, choices=OrganisationType)
    county = models.CharField(_("county"), max_length=20, choices=County)
    employees_band = models.CharField(_("employees"), max_length=12, choices=EmployeesBand)
    volume_band = models.CharField(_("annual purchasing volume"), max_length=12, choices=VolumeBand)
    procurement_setup = models.CharField(
        _("procurement function"), max_length=16, choices=ProcurementSetup, blank=True
    )
    national_statistics = models.BooleanField(
        _("may be counted in national statistics"),
        default=False,
        help_text="Consent, given by an admin, to count closed rounds in the agency's figures",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Role(models.TextChoices):
    ADMIN = "admin", _("Admin")
    COACH = "coach", _("Coach")

    @property
    def can_manage(self) -> bool:
        """Change settings, rounds, respondents and the ambition; see respondents' status."""
        return self == Role.ADMIN

    @property
    def can_comment(self) -> bool:
        """Read results, trend and action plan, and comment on actions."""
        return self in (Role.ADMIN, Role.COACH)


class Membership(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=16, choices=Role, default=Role.ADMIN)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="one_membership_per_user")
        ]


class Invitation(models.Model):
    """An admin invites a colleague (admin) or an adviser (coach) by e-mail; the link carries a
    token stored only as a hash, and works for INVITATION_VALID_DAYS from when it was sent
    (`created_at`, which sending again moves)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField()
    role = models.CharField(max_length=16, choices=Role, default=Role.ADMIN)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    language = models.CharField(
        _("language of the e-mail"), max_length=2, choices=settings.LANGUAGES, default="sv"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    @property
    def expires_at(self) -> dt.datetime:
        return self.created_at + dt.timedelta(days=settings.INVITATION_VALID_DAYS)

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at
