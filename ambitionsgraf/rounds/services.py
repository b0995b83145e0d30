"""Workflows that write several rows at once, each in one transaction."""

import copy

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ambitionsgraf.maturity.models import ModelVersion

from . import emails
from .models import Ambition, Respondent, Round


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


def set_ambitions(*, round: Round, values: dict) -> dict:
    """`values` maps area to (target or None, reason). An empty target removes the ambition.

    Saves of one round's ambition are made one after another (the round's row is locked),
    so two at once (a double click) cannot both add an area's first ambition. Returns the
    ambitions as they were just before, read under that lock: area id -> Ambition."""
    with transaction.atomic():
        Round.objects.select_for_update().only("pk").get(pk=round.pk)
        existing = {a.area_id: a for a in round.ambitions.all()}
        before = {area_id: copy.copy(ambition) for area_id, ambition in existing.items()}
        removed, added, changed = [], [], []
        for area, (target, reason) in values.items():
            ambition = existing.get(area.pk)
            if target is None:
                if ambition:
                    removed.append(ambition.pk)
            elif ambition is None:
                added.append(Ambition(round=round, area=area, target=target, reason=reason))
            elif (ambition.target, ambition.reason) != (target, reason):
                ambition.target, ambition.reason = target, reason
                changed.append(ambition)
        # One statement per kind of change, however many areas the model has.
        if removed:
            Ambition.objects.filter(pk__in=removed).delete()
        if added:
            Ambition.objects.bulk_create(added)
        if changed:
            now = timezone.now()  # bulk_update does not fill auto_now fields
            for ambition in changed:
                ambition.updated_at = now
            Ambition.objects.bulk_update(changed, ["target", "reason", "updated_at"])
    return before
