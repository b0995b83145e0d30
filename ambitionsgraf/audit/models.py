"""The audit log: who did what and when. Rows are only ever added; the product has no way to
change or remove one (an organisation's deletion keeps its rows, without the link)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Action(models.TextChoices):
    SIGNED_IN = "signed_in", _("Signed in")
    SIGN_IN_FAILED = "sign_in_failed", _("Sign-in failed")
    SIGNED_OUT_EVERYWHERE = "signed_out_everywhere", _("Signed out everywhere")
    TWO_FACTOR_ENABLED = "two_factor_enabled", _("Two-factor sign-in turned on")
    TWO_FACTOR_DISABLED = "two_factor_disabled", _("Two-factor sign-in turned off")
    RECOVERY_CODE_USED = "recovery_code_used", _("Recovery code used")
    INVITATION_SENT = "invitation_sent", _("Colleague invited")
    INVITATION_ACCEPTED = "invitation_accepted", _("Invitation accepted")
    INVITATION_WITHDRAWN = "invitation_withdrawn", _("Invitation withdrawn")
    MEMBER_REMOVED = "member_removed", _("Admin or coach removed")
    MEMBER_LEFT = "member_left", _("Left the organisation")
    ROLE_CHANGED = "role_changed", _("Role changed")
    ROUND_OPENED = "round_opened", _("Round started")
    ROUND_CLOSED = "round_closed", _("Round closed")
    RESPONDENTS_INVITED = "respondents_invited", _("Respondents invited")
    RESPONDENTS_REMINDED = "respondents_reminded", _("Respondents reminded")
    RESPONDENT_LINK_REVOKED = "respondent_link_revoked", _("Respondent link revoked")
    RESPONDENT_LINK_RESENT = "respondent_link_resent", _("New respondent link sent")
    AMBITION_CHANGED = "ambition_changed", _("Ambition changed")
    ACTION_ADDED = "action_added", _("Action added to the plan")
    ACTION_CHANGED = "action_changed", _("Action changed")
    ACTION_DROPPED = "action_dropped", _("Action removed from the plan")
    AGREED_LEVEL_CHANGED = "agreed_level_changed", _("Agreed level changed")
    EXPORT_DOWNLOADED = "export_downloaded", _("Export downloaded")
    SETTINGS_CHANGED = "settings_changed", _("Organisation details changed")
    CONSENT_CHANGED = "consent_changed", _("Consent to national statistics changed")
    DATA_EXPORTED = "data_exported", _("All of the organisation's data exported")
    ORGANISATION_DELETED = "organisation_deleted", _("Organisation deleted")
    RESPONDENT_ERASED = "respondent_erased", _("Respondent erased their personal data")
    RESPONDENTS_ANONYMISED = "respondents_anonymised", _("Respondents' e-mail addresses anonymised")
    MODEL_VERSION_PUBLISHED = "model_version_published", _("Model version published")
    API_TOKEN_CREATED = "api_token_created", _("API token made")
    API_TOKEN_REVOKED = "api_token_revoked", _("API token revoked")


class EventQuerySet(models.QuerySet):
    """Refuses changes in bulk. (Deleting an organisation or a user still works: Django sets the
    link to NULL through the plain base manager, keeping the row.)"""

    def update(self, **kwargs):
        raise TypeError("Audit events cannot be changed.")

    def delete(self):
        raise TypeError("Audit events cannot be deleted.")

    def forget_addresses(self, before) -> int:
        """The one change the log allows, for privacy: sign-in events recorded before `before`
        lose their IP address; the events themselves stay. Returns how many lost one."""
        return models.QuerySet.update(
            self.filter(at__lt=before, ip_address__isnull=False), ip_address=None
        )


class Event(models.Model):
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    action = models.CharField(max_length=32, choices=Action)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # Who it was at the time, kept when the account is gone: an e-mail address or a description
    # such as "respondent" or "scheduled job".
    actor_label = models.CharField(max_length=254, blank=True)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit_events",
    )
    organisation_label = models.CharField(max_length=200, blank=True)
    # What it was about, in plain words (a round's name, an action's description, a file type).
    subject = models.CharField(max_length=300, blank=True)
    details = models.JSONField(default=dict, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["organisation", "-at"], name="audit_org_at")]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.actor_label}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise TypeError("Audit events cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("Audit events cannot be deleted.")
