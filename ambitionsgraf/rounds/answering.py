"""Saving a respondent's answers so that nothing is lost: two tabs on the same link, a button
clicked twice, a round that closes while someone answers.

An area page tells what it showed when it was opened beside what the respondent chose. Only
what they changed on that page is written, so a tab left open on an old copy of the page does
not undo what another tab saved since; where both tabs changed the same answer, the later save
wins. Each save is one transaction that first locks the round, so a round closed in the
meantime refuses it and nothing is written, and the answers are written with an upsert, so two
saves arriving at once cannot trip over the one-answer-per-question rule.

Saving an area page is the product's most frequent write. On PostgreSQL it is one call of the
function ambitionsgraf_save_area (migration 0004), which does all of the above in one round trip
instead of six statements; elsewhere (SQLite) the ORM does it. The rule for what a page changes
is written here, in `_merged` and `_save_area_in_python`; the SQL function mirrors it, and
test_save_area_postgresql.py runs both on the same cases and checks that they agree.
"""

from dataclasses import dataclass

from django.db import connection, models, transaction
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from . import link_reads
from .models import Answer, Respondent, Round

LEVELS = {"1", "2", "3", "4", "5"}
DONT_KNOW = "dk"


class RoundClosed(Exception):
    """The round closed (or passed its closing date) before the answer arrived; nothing was
    saved."""


@dataclass(frozen=True)
class Posted:
    """One question as an area page sent it: the choice ("1".."5", "dk" or ""), the comment,
    and whether the respondent changed each from what the page showed. A page that does not
    say what it showed counts as having changed everything."""

    choice: str
    comment: str
    choice_changed: bool = True
    comment_changed: bool = True


def _open_round(respondent: Respondent) -> Round:
    """The respondent's round, locked until the transaction ends; RoundClosed if it is not
    open any more. Closing a round updates this row, so it waits for a save in progress, and a
    save that comes after the close sees it."""
    # Only what the check needs: this runs on every save.
    round_ = (
        Round.objects.select_for_update().only("status", "closes_on").get(pk=respondent.round_id)
    )
    if not round_.is_open or round_.is_due():
        raise RoundClosed
    return round_


Saved = tuple[int | None, bool, str]  # an answer as stored: level, don't know, comment


def saved_answers(respondent: Respondent, question_ids) -> dict[int, Saved]:
    """The respondent's stored answers to the questions, by question id (one query)."""
    return {
        question: (level, dont_know, comment)
        for question, level, dont_know, comment in link_reads.answers(respondent.pk, question_ids)
    }


def _posted_values(posted: Posted) -> Saved:
    """(level, don't know, comment) as the page sent them, in the form they are stored in."""
    level = int(posted.choice) if posted.choice in LEVELS else None
    return level, posted.choice == DONT_KNOW, posted.comment.strip()


def _merged(answer: Saved | None, posted: Posted) -> Saved:
    """(level, don't know, comment) after this page's changes are applied to what is saved:
    the choice if the respondent changed it, the comment if they changed it. (Mirrored by the
    SQL function ambitionsgraf_save_area; see the module's docstring.)"""
    level, dont_know, comment = answer or (None, False, "")
    posted_level, posted_dont_know, posted_comment = _posted_values(posted)
    if posted.choice_changed:
        level, dont_know = posted_level, posted_dont_know
    if posted.comment_changed:
        comment = posted_comment
    return level, dont_know, comment


def save_area(*, respondent: Respondent, position: int, posted: dict) -> bool:
    """Save one area page: `posted` maps each question on it to a Posted.

    Returns whether any answer changed, so a page sent twice is saved once. An answer left
    with neither a choice nor a comment is removed. Raises RoundClosed, saving nothing, when
    the round is no longer open.
    """
    if connection.vendor == "postgresql":
        return _save_area_in_postgresql(respondent=respondent, position=position, posted=posted)
    return _save_area_in_python(respondent=respondent, position=position, posted=posted)


def _save_area_in_python(*, respondent: Respondent, position: int, posted: dict) -> bool:
    """save_area through the ORM, in one transaction. This is the rule the SQL function
    mirrors: an answer left empty is removed, one that differs from what is saved is
    written, the rest is left alone."""
    now = timezone.now()
    with transaction.atomic():
        _open_round(respondent)
        saved = saved_answers(respondent, [q.pk for q in posted])
        upserts, removals = [], []
        for question in sorted(posted, key=lambda q: q.pk):
            before = saved.get(question.pk)
            level, dont_know, comment = _merged(before, posted[question])
            if level is None and not dont_know and not comment:
                if before is not None:
                    removals.append(question.pk)
            elif (level, dont_know, comment) != before:
                upserts.append(
                    Answer(
                        respondent=respondent,
                        question=question,
                        level=level,
                        dont_know=dont_know,
                        comment=comment,
                        updated_at=now,
                    )
                )
        if upserts:
            Answer.objects.bulk_create(
                upserts,
                update_conflicts=True,
                unique_fields=["respondent", "question"],
                update_fields=["level", "dont_know", "comment", "updated_at"],
            )
        if removals:
            Answer.objects.filter(respondent=respondent, question_id__in=removals).delete()
        # The furthest area reached, so that going back to change area 1 (or a second tab
        # on an earlier area) does not make the welcome page resume from the start.
        Respondent.objects.filter(pk=respondent.pk).update(
            last_area=Greatest(
                "last_area", models.Value(position), output_field=models.PositiveSmallIntegerField()
            ),
            started_at=Coalesce("started_at", models.Value(now)),
        )
    respondent.last_area = max(respondent.last_area, position)
    respondent.started_at = respondent.started_at or now
    return bool(upserts or removals)


# What ambitionsgraf_save_area returns instead of a count when it saves nothing.
_ROUND_NOT_OPEN, _NO_ROUND = -1, -2

_SAVE_AREA_SQL = (
    "SELECT ambitionsgraf_save_area(%s::bigint, %s::bigint, %s::integer, %s::date,"
    " %s::timestamptz, %s::bigint[], %s::boolean[], %s::smallint[], %s::boolean[],"
    " %s::boolean[], %s::text[])"
)


def _save_area_in_postgresql(*, respondent: Respondent, position: int, posted: dict) -> bool:
    """save_area as one statement: the function locks the round, merges, writes and updates
    the respondent. Not wrapped in a transaction here: on its own the statement is one, and
    inside a caller's transaction it becomes part of it. Python works out what each question
    sent (`_posted_values`), so the comment is stripped as Python strips it; the function only
    applies the changed flags."""
    now = timezone.now()
    questions = sorted(posted, key=lambda q: q.pk)
    sent = [_posted_values(posted[q]) for q in questions]
    levels = [level for level, _dont_know, _comment in sent]
    dont_know = [dont_know for _level, dont_know, _comment in sent]
    comments = [comment for _level, _dont_know, comment in sent]
    with connection.cursor() as cursor:
        cursor.execute(
            _SAVE_AREA_SQL,
            [
                respondent.round_id,
                respondent.pk,
                position,
                timezone.localdate(),
                now,
                [q.pk for q in questions],
                [posted[q].choice_changed for q in questions],
                levels,
                dont_know,
                [posted[q].comment_changed for q in questions],
                comments,
            ],
        )
        (changed,) = cursor.fetchone()
    if changed == _ROUND_NOT_OPEN:
        raise RoundClosed
    if changed == _NO_ROUND:
        raise Round.DoesNotExist
    respondent.last_area = max(respondent.last_area, position)
    respondent.started_at = respondent.started_at or now
    return changed > 0


def finish(*, respondent: Respondent) -> bool:
    """Mark the respondent finished; returns False when they already were (a second click, or
    another tab), keeping the first time. Raises RoundClosed when the round is not open."""
    now = timezone.now()
    with transaction.atomic():
        _open_round(respondent)
        newly = Respondent.objects.filter(pk=respondent.pk, finished_at__isnull=True).update(
            finished_at=now, started_at=Coalesce("started_at", models.Value(now))
        )
        respondent.refresh_from_db(fields=["started_at", "finished_at"])
    return bool(newly)
