"""All of an organisation's data as one JSON document (see docs/export-format.md).

Reading takes a fixed number of queries, whatever the number of rounds, respondents or answers.
Lists come in a fixed order (oldest first, members by e-mail), so two exports of the same data
are the same text apart from `exported_at`. Token hashes are never written: a respondent's
link and an invitation's link work only in the installation that sent them.
"""

from collections import defaultdict

from django.db import transaction
from django.utils import timezone

from ambitionsgraf.audit.log import Action as AuditAction
from ambitionsgraf.audit.log import record
from ambitionsgraf.audit.models import Event
from ambitionsgraf.plans.models import ActionComment, AgreedLevel
from ambitionsgraf.rounds.models import Ambition, Answer, Respondent

from .portability import FORMAT, FORMAT_VERSION, day, dumps, file_name, moment


def export_organisation(organisation, *, at=None) -> dict:
    at = at or timezone.now()
    rounds = list(
        organisation.rounds.select_related("model_version", "previous").order_by("created_at", "pk")
    )
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "exported_at": moment(at),
        "organisation": _organisation(organisation),
        "members": _members(organisation),
        "invitations": _invitations(organisation),
        "rounds": _rounds(organisation, rounds),
        "actions": _actions(organisation),
        "audit_events": _events(organisation),
    }


def export_file(organisation, *, request=None, actor_label: str = "") -> tuple[str, str]:
    """(file name, JSON text), and the export written to the audit log. Rounds past their date
    close first, so that the file says what the pages say."""
    with transaction.atomic():
        organisation.rounds.close_due()
        at = timezone.now()
        data = export_organisation(organisation, at=at)
        name = file_name(organisation, at)
        record(
            AuditAction.DATA_EXPORTED,
            request=request,
            actor_label=actor_label,
            organisation=organisation,
            subject=name,
            rounds=len(data["rounds"]),
        )
    return name, dumps(data)


def _organisation(org) -> dict:
    return {
        "code": org.code,
        "name": org.name,
        "org_number": org.org_number,
        "type": org.type,
        "county": org.county,
        "employees_band": org.employees_band,
        "volume_band": org.volume_band,
        "procurement_setup": org.procurement_setup,
        "national_statistics": org.national_statistics,
        "created_at": moment(org.created_at),
    }


def _members(org) -> list[dict]:
    memberships = org.memberships.select_related("user").order_by("user__email")
    return [
        {
            "email": m.user.email,
            "name": m.user.name,
            "role": m.role,
            "joined_at": moment(m.created_at),
        }
        for m in memberships
    ]


def _invitations(org) -> list[dict]:
    pending = (
        org.invitations.filter(accepted_at__isnull=True)
        .select_related("invited_by")
        .order_by("created_at", "pk")
    )
    return [
        {
            "email": i.email,
            "role": i.role,
            "language": i.language,
            "invited_at": moment(i.created_at),
            "invited_by": i.invited_by.email if i.invited_by else None,
        }
        for i in pending
    ]


def _rounds(org, rounds) -> list[dict]:
    respondents = defaultdict(list)
    for r in Respondent.objects.filter(round__organisation=org).order_by("invited_at", "pk"):
        respondents[r.round_id].append(r)
    answers = defaultdict(list)
    rows = (
        Answer.objects.filter(respondent__round__organisation=org)
        .select_related("question__area")
        .order_by("respondent_id", "question__area__position", "question__position")
    )
    for a in rows:
        answers[a.respondent_id].append(a)
    ambitions, agreed = defaultdict(list), defaultdict(list)
    for model, into in ((Ambition, ambitions), (AgreedLevel, agreed)):
        query = model.objects.filter(round__organisation=org).select_related("area")
        for item in query.order_by("area__position", "pk"):
            into[item.round_id].append(item)
    return [
        {
            "code": r.code,
            "name": r.name,
            "model_version": {"key": r.model_version.key, "version": r.model_version.version},
            "status": r.status,
            "closes_on": day(r.closes_on),
            "created_at": moment(r.created_at),
            "closed_at": moment(r.closed_at),
            "previous": r.previous.code if r.previous else None,
            "reminders_scheduled_sent_at": moment(r.reminders_scheduled_sent_at),
            "workshop_finished_at": moment(r.workshop_finished_at),
            "respondents": [_respondent(p, answers[p.pk]) for p in respondents[r.pk]],
            "ambitions": [
                {
                    "area": a.area.key,
                    "target": float(a.target),
                    "reason": a.reason,
                    "updated_at": moment(a.updated_at),
                }
                for a in ambitions[r.pk]
            ],
            "agreed_levels": [
                {
                    "area": a.area.key,
                    "level": float(a.level),
                    "reason": a.reason,
                    "updated_at": moment(a.updated_at),
                }
                for a in agreed[r.pk]
            ],
        }
        for r in rounds
    ]


def _respondent(r, answers) -> dict:
    return {
        "email": r.email,
        "perspective": r.perspective,
        "language": r.language,
        "invited_at": moment(r.invited_at),
        "started_at": moment(r.started_at),
        "finished_at": moment(r.finished_at),
        "last_area": r.last_area,
        "reminders_sent": r.reminders_sent,
        "last_reminded_at": moment(r.last_reminded_at),
        "link_revoked_at": moment(r.link_revoked_at),
        "anonymised_at": moment(r.anonymised_at),
        "answers": [
            {
                "question": a.question.key,
                "level": a.level,
                "dont_know": a.dont_know,
                "comment": a.comment,
                "updated_at": moment(a.updated_at),
            }
            for a in answers
        ],
    }


def _actions(org) -> list[dict]:
    comments = defaultdict(list)
    rows = ActionComment.objects.filter(action__organisation=org).select_related("author")
    for c in rows.order_by("created_at", "pk"):
        comments[c.action_id].append(c)
    actions = org.actions.select_related("round").order_by("created_at", "pk")
    return [
        {
            "code": a.code,
            "area": a.area_key,
            "round": a.round.code if a.round else None,
            "description": a.description,
            "owner": a.owner,
            "due_on": day(a.due_on),
            "status": a.status,
            "source": a.source,
            "guidance_level": a.guidance_level,
            "done_at": moment(a.done_at),
            "created_at": moment(a.created_at),
            "updated_at": moment(a.updated_at),
            "comments": [
                {
                    "author": c.author.email if c.author else None,
                    "text": c.text,
                    "created_at": moment(c.created_at),
                }
                for c in comments[a.pk]
            ],
        }
        for a in actions
    ]


def _events(org) -> list[dict]:
    events = Event.objects.filter(organisation=org).order_by("at", "pk")
    return [
        {
            "at": moment(e.at),
            "action": e.action,
            "actor": e.actor_label,
            "organisation_name": e.organisation_label,
            "subject": e.subject,
            "details": e.details,
        }
        for e in events
    ]
