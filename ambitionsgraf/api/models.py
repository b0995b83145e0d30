"""API tokens: an organisation's keys to the REST API. Only a hash of the secret is stored;
the secret is shown once, when the token is made, and its first characters (the prefix) let
an admin recognise it afterwards."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ambitionsgraf.lib.tokens import new_token, token_hash
from ambitionsgraf.organisations.models import Organisation

SECRET_START = "ag_"
PREFIX_LENGTH = len(SECRET_START) + 6
# last_used_at is written at most this often per token, so a busy client costs no extra write
# on most requests.
USE_RECORDED_EVERY = dt.timedelta(minutes=1)


class Scope(models.TextChoices):
    READ = "read", _("Read only")
    READ_WRITE = "read_write", _("Read and write")


class ApiTokenQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)


class ApiToken(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100)
    scope = models.CharField(_("access"), max_length=10, choices=Scope, default=Scope.READ)
    token_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=PREFIX_LENGTH, help_text="The secret's first characters")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @classmethod
    def issue(cls, *, organisation, name: str, scope: str, created_by=None):
        """Make and save a token; returns it with its secret, which is never stored."""
        secret = SECRET_START + new_token()
        token = cls.objects.create(
            organisation=organisation,
            name=name,
            scope=scope,
            token_hash=token_hash(secret),
            prefix=secret[:PREFIX_LENGTH],
            created_by=created_by,
        )
        return token, secret

    @classmethod
    def find(cls, secret: str):
        """The token with this secret, revoked or not, or None."""
        if not secret.startswith(SECRET_START) or len(secret) > 200:
            return None
        return (
            cls.objects.select_related("organisation").filter(token_hash=token_hash(secret)).first()
        )

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def can_write(self) -> bool:
        return self.scope == Scope.READ_WRITE

    def revoke(self) -> bool:
        """Revoke the token; False if it was revoked already (by another request too)."""
        now = timezone.now()
        updated = ApiToken.objects.filter(pk=self.pk, revoked_at__isnull=True).update(
            revoked_at=now
        )
        if updated:
            self.revoked_at = now
        return bool(updated)

    def record_use(self) -> None:
        """Note that the token was used now; writes at most once per USE_RECORDED_EVERY."""
        now = timezone.now()
        if self.last_used_at is not None and now - self.last_used_at < USE_RECORDED_EVERY:
            return
        ApiToken.objects.filter(pk=self.pk).update(last_used_at=now)
        self.last_used_at = now
