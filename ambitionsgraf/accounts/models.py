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

    session_generation = models.PositiveIntegerField(
        default=0, help_text="Raised by 'sign out everywhere'; ends every session of the account"
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []
    objects = UserManager()

    def __str__(self):
        return self.name or self.email

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
