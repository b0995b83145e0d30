"""Assessment rounds, respondents (no account, a personal link), their answers, and the ambition."""

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ambitionsgraf.audit.log import Action, new_event, record_all
from ambitionsgraf.lib.tokens import new_code, new_token, token_hash
from ambitionsgraf.maturity import catalogue
from ambitionsgraf.maturity.models import Area, ModelVersion, Perspective, Question
from ambitionsgraf.organisations.models import Organisation

from .signals import rounds_closed


class RoundQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=Round.Status.OPEN)

    def closed(self):
        return self.filter(status=Round.Status.CLOSED)

    def close_due(self, today: dt.date | None = None) -> list["Round"]:
        """Close every open round in this queryset whose closing date has passed, in one
        UPDATE; returns the rounds closed. Rounds close 'when someone next looks', so every
        page that lists an organisation's rounds calls this first."""
        today = today or timezone.localdate()
        due = list(self.open().filter(closes_on__lt=today))
        if due:
            now = timezone.now()
            with transaction.atomic():
                Round.objects.filter(pk__in=[r.pk for r in due], status=Round.Status.OPEN).update(
                    status=Round.Status.CLOSED, closed_at=now
                )
                record_all([_closed_by_date(round_) for round_ in due])
            for round_ in due:
                round_.status, round_.closed_at = Round.Status.CLOSED, now
            _announce_after_commit(due)
        return due


def _announce_after_commit(rounds) -> None:
    """Tell the apps built on rounds (``signals.rounds_closed``) once the closing is committed."""
    rounds = list(rounds)
    transaction.on_commit(lambda: rounds_closed.send_robust(sender=Round, rounds=rounds))


def _closed_by_date(round_):
    """The log's event for a round that closed on its closing date, done by no one."""
    organisation = round_.organisation
    return new_event(
        Action.ROUND_CLOSED, organisation=organisation, subject=round_.name, by="closing_date"
    )


class Round(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="rounds")
    model_version = models.ForeignKey(ModelVersion, on_delete=models.PROTECT, related_name="rounds")
    code = models.CharField(max_length=16, unique=True, default=new_code, editable=False)
    name = models.CharField(_("name"), max_length=100)
    closes_on = models.DateField(_("closing date"), null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    previous = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        help_text="The round this one was started from",
    )  # fmt: skip
    reminders_scheduled_sent_at = models.DateTimeField(
        null=True, blank=True, help_text="When the automatic reminder before the closing date went"
    )
    workshop_finished_at = models.DateTimeField(null=True, blank=True)

    objects = RoundQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.name

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    def is_due(self, today: dt.date | None = None) -> bool:
        """Past its closing date: the round is open to the end of that day, Swedish time."""
        today = today or timezone.localdate()
        return self.is_open and self.closes_on is not None and self.closes_on < today

    def close(self) -> None:
        with transaction.atomic():
            updated = Round.objects.filter(pk=self.pk, status=self.Status.OPEN).update(
                status=self.Status.CLOSED, closed_at=timezone.now()
            )
        if updated:
            self.refresh_from_db(fields=["status", "closed_at"])
            _announce_after_commit([self])

    def close_if_due(self) -> bool:
        """Rounds close at their date 'when someone next looks'; call wherever a round is read."""
        if self.is_due():
            with transaction.atomic():
                self.close()
                if not self.is_open:  # closed here, not by another request a moment before
                    _closed_by_date(self).save()
            return True
        return False

    def finished_count(self) -> int:
        return self.respondents.filter(finished_at__isnull=False).count()


class Respondent(models.Model):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="respondents")
    # NULL once the respondent erased it, or the retention job anonymised it; the answers stay.
    # NULL, not "", so the one-invitation-per-round constraint allows many erased addresses.
    email = models.EmailField(_("e-mail address"), null=True, blank=True)  # noqa: DJ001
    perspective = models.CharField(_("perspective"), max_length=12, choices=Perspective)
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    last_area = models.PositiveSmallIntegerField(
        default=0, help_text="Last area page saved (1-based)"
    )
    last_reminded_at = models.DateTimeField(null=True, blank=True)
    reminders_sent = models.PositiveSmallIntegerField(default=0)
    anonymised_at = models.DateTimeField(
        null=True, blank=True, help_text="When the e-mail address was erased"
    )
    link_revoked_at = models.DateTimeField(
        null=True, blank=True, help_text="When an admin revoked the personal link (until re-sent)"
    )

    class Meta:
        ordering = ["perspective", "email"]
        constraints = [
            models.UniqueConstraint(fields=["round", "email"], name="one_invitation_per_round"),
        ]

    def __str__(self):
        return self.email or f"respondent {self.pk}"

    @classmethod
    def with_new_token(cls, **fields) -> tuple["Respondent", str]:
        token = new_token()
        return cls(token_hash=token_hash(token), **fields), token

    @property
    def status(self) -> str:
        if self.finished_at:
            return "finished"
        if self.started_at:
            return "started"
        return "invited"

    def questions(self):
        """The questions of the round's model version put to this respondent's perspective, in
        model order (read from ``maturity.catalogue``: shared, never to be changed)."""
        return [
            q for q in catalogue.questions(self.round.model_version) if q.is_for(self.perspective)
        ]


class Answer(models.Model):
    respondent = models.ForeignKey(Respondent, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    level = models.PositiveSmallIntegerField(null=True, blank=True)
    dont_know = models.BooleanField(default=False)
    comment = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["respondent", "question"], name="one_answer_per_question"
            ),
            models.CheckConstraint(
                condition=models.Q(level__isnull=True) | models.Q(level__gte=1, level__lte=5),
                name="level_1_to_5",
            ),
            models.CheckConstraint(
                condition=~models.Q(level__isnull=False, dont_know=True),
                name="level_or_dont_know",
            ),
        ]

    @property
    def choice(self) -> str:
        return self.choice_of(self.level, self.dont_know)

    @staticmethod
    def choice_of(level: int | None, dont_know: bool) -> str:
        """The form value: "1".."5", "dk" for don't know, "" when not answered."""
        if dont_know:
            return "dk"
        return str(level) if level else ""


class Ambition(models.Model):
    """The target level per area that leadership sets for a round: 1 to 5, halves allowed."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="ambitions")
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    target = models.DecimalField(max_digits=2, decimal_places=1)
    reason = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "area"], name="one_ambition_per_area"),
            models.CheckConstraint(
                condition=models.Q(target__gte=Decimal("1"), target__lte=Decimal("5")),
                name="ambition_1_to_5",
            ),
        ]
