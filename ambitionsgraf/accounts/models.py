from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models import F
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create(self, email, password, **extra):
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self._create(email, password, **extra)


class AgencyRole(models.TextChoices):
    """Staff of the agency that owns the model; created by `manage.py create_agency_user`, never
    by sign-up. They see no organisation's own pages, only national figures and the model."""

    ANALYST = "analyst", _("Analyst")
    MODEL_OWNER = "model_owner", _("Model owner")


class User(AbstractUser):
    """A person who signs in: an organisation admin today, a coach or analyst later.

    Respondents have no account; they answer through a personal link.
    """

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mail address"), unique=True)
    name = models.CharField(_("name"), max_length=150, blank=True)
    language = models.CharField(
        _("language"), max_length=2, choices=settings.LANGUAGES, default="sv"
    )

    agency_role = models.CharField(
        _("agency role"), max_length=16, choices=AgencyRole, blank=True, default=""
    )
    session_generation = models.PositiveIntegerField(
        default=0, help_text="Raised by 'sign out everywhere'; ends every session of the account"
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []
    objects = UserManager()

    def __str__(self):
        return self.name or self.email

    @property
    def is_analyst(self) -> bool:
        """Analysts see the national picture; model owners see it too."""
        return self.agency_role in (AgencyRole.ANALYST, AgencyRole.MODEL_OWNER)

    @property
    def is_model_owner(self) -> bool:
        return self.agency_role == AgencyRole.MODEL_OWNER

    @property
    def is_agency_staff(self) -> bool:
        return bool(self.agency_role)

    def get_session_auth_hash(self):
        """Django checks this hash on every request; it changes with the password, as usual,
        and also with `session_generation`, so raising that signs out every session."""
        return salted_hmac(
            "ambitionsgraf.accounts.User.get_session_auth_hash",
            f"{self.password}:{self.session_generation}",
            algorithm="sha256",
        ).hexdigest()

    def sign_out_everywhere(self) -> None:
        User.objects.filter(pk=self.pk).update(session_generation=F("session_generation") + 1)
        self.refresh_from_db(fields=["session_generation"])
