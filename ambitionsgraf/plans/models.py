"""The action plan, the dialogue workshop's agreed levels, and coaches' comments on actions."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ambitionsgraf.maturity.models import Area
from ambitionsgraf.organisations.models import Organisation
from ambitionsgraf.rounds.models import Round


class Action(models.Model):
    """One step in the organisation's action plan, tied to an area by its stable key, so the
    plan carries over from round to round and across model versions."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")

    class Source(models.TextChoices):
        PROPOSED = "proposed", _("Proposed from the model's guidance")
        CUSTOM = "custom", _("Added by the organisation")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="actions")
    code = models.CharField(max_length=16, unique=True, editable=False)
    area_key = models.SlugField(_("area"), max_length=40)
    round = models.ForeignKey(
        Round, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions",
        help_text="The round whose results the action answers",
    )  # fmt: skip
    description = models.TextField(_("description"), max_length=2000)
    owner = models.CharField(_("owner"), max_length=150, blank=True)
    due_on = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.PLANNED)
    source = models.CharField(max_length=10, choices=Source, default=Source.CUSTOM)
    guidance_level = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The level whose guidance proposed the action"
    )
    done_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["area_key", "created_at"]
        indexes = [models.Index(fields=["organisation", "area_key"])]

    def __str__(self):
        return self.description[:60]

    def save(self, *args, **kwargs):
        from ambitionsgraf.lib.tokens import new_code

        if not self.code:
            self.code = new_code()
        if self.status == self.Status.DONE and self.done_at is None:
            self.done_at = timezone.now()
        elif self.status != self.Status.DONE:
            self.done_at = None
        super().save(*args, **kwargs)

    @property
    def is_done(self) -> bool:
        return self.status == self.Status.DONE

    @property
    def is_overdue(self) -> bool:
        """Its due date has passed (Swedish time) and it is not done."""
        return self.due_on is not None and not self.is_done and self.due_on < timezone.localdate()


class ActionComment(models.Model):
    """A comment on an action, by an admin or the organisation's coach."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("comment"), max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]


class AgreedLevel(models.Model):
    """The level a dialogue workshop agreed on for an area, beside the computed one."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="agreed_levels")
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    level = models.DecimalField(max_digits=2, decimal_places=1)
    reason = models.TextField(blank=True, max_length=4000)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "area"], name="one_agreed_level_per_area"),
            models.CheckConstraint(
                condition=models.Q(level__gte=Decimal("1"), level__lte=Decimal("5")),
                name="agreed_level_1_to_5",
            ),
        ]
