"""Workflows that write several rows at once, each in one transaction."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ambitionsgraf.maturity.models import ModelVersion

from . import emails
from .models import Ambition, Answer, Respondent, Round


class RoundClosed(Exception):
    """An answer arrived after the round closed; nothing was saved."""


class NoPublishedModel(Exception):
    pass


def start_round(*, organisation, name: str, closes_on=None, previous=None) -> Round:
    version = ModelVersion.objects.current()
    if version is None:
        raise NoPublishedModel(_("No model version is published yet."))
    return organisation.rounds.create(
        model_version=version, name=name, closes_on=closes_on, previous=previous
    )


def start_round_from(
    *, organisation, previous: Round, name: str, closes_on=None, emails_: list[str]
) -> tuple[Round, int]:
    """Start a round based on `previous`, inviting again those of its respondents in `emails_`.

    Each keeps their perspective and language and gets a new personal link by e-mail once
    saved. Respondents whose address was erased are skipped. Returns the round and how many
    were invited.
    """
    if previous.organisation_id != organisation.pk:
        raise ValueError("The earlier round belongs to another organisation.")
    with transaction.atomic():
        round_ = start_round(
            organisation=organisation, name=name, closes_on=closes_on, previous=previous
        )
        earlier = previous.respondents.filter(email__in=emails_).exclude(email="")
        pairs = [
            Respondent.with_new_token(
                round=round_, email=r.email, perspective=r.perspective, language=r.language
            )
            for r in earlier
        ]
        Respondent.objects.bulk_create([respondent for respondent, _token in pairs])
        transaction.on_commit(lambda: _send_invitations(pairs))
    return round_, len(pairs)


def _send_invitations(pairs) -> None:
    for respondent, token in pairs:
        emails.send_invitation(respondent, token)


def invite_respondents(*, round: Round, emails_: list[str], perspective: str, language: str) -> int:
    """Create one respondent per address and e-mail each a personal link once saved."""
    with transaction.atomic():
        pairs = [
            Respondent.with_new_token(
                round=round, email=email, perspective=perspective, language=language
            )
            for email in emails_
        ]
        Respondent.objects.bulk_create([respondent for respondent, _token in pairs])
        transaction.on_commit(lambda: _send_invitations(pairs))
    return len(pairs)


def _wanted(choice: str, comment: str) -> tuple[int | None, bool, str]:
    level = int(choice) if choice in {"1", "2", "3", "4", "5"} else None
    return level, choice == "dk", comment.strip()


def save_area_answers(*, respondent: Respondent, position: int, values: dict) -> bool:
    """Save one area page: `values` maps question to (choice, comment).

    Returns whether anything changed, so a page posted twice saves once. Refuses, saving
    nothing, if the round has closed in the meantime.
    """
    with transaction.atomic():
        round_ = Round.objects.select_for_update().get(pk=respondent.round_id)
        if not round_.is_open or round_.is_due():
            raise RoundClosed
        existing = {
            a.question_id: a for a in respondent.answers.filter(question__in=[q.pk for q in values])
        }
        to_create, to_update, to_delete = [], [], []
        for question, (choice, comment) in values.items():
            level, dont_know, comment = _wanted(choice, comment)
            answer = existing.get(question.pk)
            empty = level is None and not dont_know and not comment
            if answer is None:
                if not empty:
                    to_create.append(
                        Answer(
                            respondent=respondent,
                            question=question,
                            level=level,
                            dont_know=dont_know,
                            comment=comment,
                        )
                    )
            elif empty:
                to_delete.append(answer.pk)
            elif (answer.level, answer.dont_know, answer.comment) != (level, dont_know, comment):
                answer.level, answer.dont_know, answer.comment = level, dont_know, comment
                answer.updated_at = timezone.now()
                to_update.append(answer)
        Answer.objects.bulk_create(to_create)
        Answer.objects.bulk_update(to_update, ["level", "dont_know", "comment", "updated_at"])
        Answer.objects.filter(pk__in=to_delete).delete()
        changed = bool(to_create or to_update or to_delete)
        fields = {"last_area": position}
        if respondent.started_at is None:
            fields["started_at"] = timezone.now()
        Respondent.objects.filter(pk=respondent.pk).update(**fields)
        for name, value in fields.items():
            setattr(respondent, name, value)
    return changed


def finish(*, respondent: Respondent) -> None:
    with transaction.atomic():
        round_ = Round.objects.select_for_update().get(pk=respondent.round_id)
        if not round_.is_open or round_.is_due():
            raise RoundClosed
        now = timezone.now()
        respondent.finished_at = respondent.finished_at or now
        respondent.started_at = respondent.started_at or now
        respondent.save(update_fields=["finished_at", "started_at"])


def set_ambitions(*, round: Round, values: dict) -> None:
    """`values` maps area to (target or None, reason). An empty target removes the ambition."""
    with transaction.atomic():
        existing = {a.area_id: a for a in round.ambitions.all()}
        for area, (target, reason) in values.items():
            ambition = existing.get(area.pk)
            if target is None:
                if ambition:
                    ambition.delete()
                continue
            if ambition is None:
                Ambition.objects.create(round=round, area=area, target=target, reason=reason)
            elif (ambition.target, ambition.reason) != (target, reason):
                ambition.target, ambition.reason = target, reason
                ambition.save(update_fields=["target", "reason", "updated_at"])
