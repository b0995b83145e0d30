"""A visitor's quick check, stored only with their consent.

Nothing here can identify a person: no user, no session, no address, and only the date
(not the time) it was made. The answers are counted apart from full assessments.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ambitionsgraf.maturity.models import ModelVersion
from ambitionsgraf.organisations.choices import OrganisationType


class QuickCheck(models.Model):
    model_version = models.ForeignKey(
        ModelVersion, on_delete=models.PROTECT, related_name="quick_checks"
    )
    created_on = models.DateField(default=timezone.localdate)
    answers = models.JSONField(help_text="{area_key: level 1-5, or null for don't know}")
    ambitions = models.JSONField(help_text="{area_key: target level 1-5 in steps of a half}")
    organisation_type = models.CharField(max_length=20, choices=OrganisationType, blank=True)

    class Meta:
        verbose_name = _("quick check")
        verbose_name_plural = _("quick checks")

    def __str__(self):
        return f"{self.model_version} {self.created_on}"

    @classmethod
    def record(cls, *, model_version, rows, organisation_type: str = "") -> "QuickCheck":
        """Store one quick check from its result rows (see result.AreaRow)."""
        return cls.objects.create(
            model_version=model_version,
            answers={row.key: row.level for row in rows},
            ambitions={row.key: row.ambition for row in rows},
            organisation_type=organisation_type,
        )
