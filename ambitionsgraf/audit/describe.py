"""Events in plain words, in the reader's language: who did it and what it was about.

The log keeps structured details (see `log.py`), never sentences, so one event reads in Swedish
on one page and in English on the other. An event whose details this code does not know (an old
or a future shape) falls back to its subject: the log page never fails on a row.
"""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import FieldDoesNotExist
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from ambitionsgraf.lib.translated import pick
from ambitionsgraf.maturity.models import Perspective
from ambitionsgraf.organisations.models import Organisation, Role
from ambitionsgraf.plans.models import Action as PlanAction

from .models import Action, Event

FILES = {
    "results": gettext_lazy("Results per area and perspective"),
    "questions": gettext_lazy("Answers per question"),
    "plan": gettext_lazy("The action plan"),
    "board_report": gettext_lazy("Basis for decision for the board"),
}


@dataclass(frozen=True)
class Row:
    event: Event
    who: str
    automatic: bool  # done by the product, not by a person
    what: str
    about: str


def row(event: Event) -> Row:
    who, automatic = _who(event)
    return Row(
        event=event,
        who=who,
        automatic=automatic,
        what=str(event.get_action_display()) or event.action,
        about=about(event),
    )


def _who(event: Event) -> tuple[str, bool]:
    if event.actor_label:
        return event.actor_label, False
    if event.details.get("by") == "closing_date":
        return _("Automatically, on the closing date"), True
    if event.action == Action.RESPONDENT_ERASED:
        return _("A respondent"), False
    return _("Automatically"), True


def about(event: Event) -> str:
    text = event.subject
    describe = DESCRIBERS.get(event.action)
    if describe is not None:
        try:
            text = describe(event.subject, event.details)
        except (AttributeError, KeyError, TypeError, ValueError, InvalidOperation):
            pass
    if event.ip_address:  # kept for sign-in events only
        address = {"text": text, "address": event.ip_address}
        if text:
            return _("%(text)s, from the address %(address)s") % address
        return _("From the address %(address)s") % address
    return text


def _level(value) -> str:
    if value is None or value == "":
        return "–"
    return formats.number_format(Decimal(str(value)), decimal_pos=1)


def _area(ref: dict) -> str:
    return pick(ref.get("sv") or ref["key"], ref.get("en") or "")


def _label(choices, value) -> str:
    return str(dict(choices).get(value, value))


def _invitation_sent(subject, details):
    values = {"email": subject, "role": _label(Role.choices, details["role"]).lower()}
    if details.get("again"):
        return _("%(email)s, as %(role)s: sent again with a new link") % values
    return _("%(email)s, as %(role)s") % values


def _invitation_accepted(subject, details):
    return _("Joined as %(role)s") % {"role": _label(Role.choices, details["role"]).lower()}


def _member_removed(subject, details):
    return _("%(email)s, who was %(role)s") % {
        "email": subject,
        "role": _label(Role.choices, details["role"]).lower(),
    }


def _role_changed(subject, details):
    return _("%(email)s is now %(role)s") % {
        "email": subject,
        "role": _label(Role.choices, details["role"]).lower(),
    }


def _member_left(subject, details):
    return _("Was %(role)s") % {"role": _label(Role.choices, details["role"]).lower()}


def _round_opened(subject, details):
    if not details.get("previous"):
        return subject
    count = int(details.get("invited", 0))
    return ngettext(
        "%(round)s, based on %(previous)s: %(count)d respondent invited again",
        "%(round)s, based on %(previous)s: %(count)d respondents invited again",
        count,
    ) % {"round": subject, "previous": details["previous"], "count": count}


def _respondents_invited(subject, details):
    count = int(details["count"])
    return ngettext(
        "%(round)s: %(count)d respondent from the perspective %(perspective)s",
        "%(round)s: %(count)d respondents from the perspective %(perspective)s",
        count,
    ) % {
        "round": subject,
        "count": count,
        "perspective": _label(Perspective.choices, details["perspective"]),
    }


def _respondents_reminded(subject, details):
    count = int(details["count"])
    if details.get("perspective"):
        return ngettext(
            "%(round)s: %(count)d reminder to the perspective %(perspective)s",
            "%(round)s: %(count)d reminders to the perspective %(perspective)s",
            count,
        ) % {
            "round": subject,
            "count": count,
            "perspective": _label(Perspective.choices, details["perspective"]),
        }
    return ngettext("%(round)s: %(count)d reminder", "%(round)s: %(count)d reminders", count) % {
        "round": subject,
        "count": count,
    }


def _level_change(change: dict) -> str:
    if change.get("old") == change.get("new"):
        return _("%(area)s: the reason is changed") % {"area": _area(change["area"])}
    return _("%(area)s %(old)s → %(new)s") % {
        "area": _area(change["area"]),
        "old": _level(change.get("old")),
        "new": _level(change.get("new")),
    }


def _ambition_changed(subject, details):
    changes = "; ".join(_level_change(change) for change in details["changes"])
    return f"{subject}: {changes}" if subject else changes


def _agreed_level_changed(subject, details):
    return f"{subject}: {_level_change(details)}" if subject else _level_change(details)


def _action_added(subject, details):
    if details.get("source") == "proposed":
        return _("%(action)s (proposed from the model's guidance)") % {"action": subject}
    return subject


def _field_name(name: str) -> str:
    try:
        return str(PlanAction._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name


def _action_changed(subject, details):
    statuses = PlanAction.Status.choices
    parts = []
    if details.get("status"):
        old, new = details["status"]
        parts.append(
            _("status %(old)s → %(new)s")
            % {"old": _label(statuses, old), "new": _label(statuses, new)}
        )
    fields = [_field_name(f) for f in details.get("fields", []) if f != "status"]
    if fields:
        parts.append(_("changed: %(fields)s") % {"fields": ", ".join(fields)})
    return " – ".join([subject, *parts])


def _export_downloaded(subject, details):
    text = _("%(file)s (%(format)s)") % {
        "file": _label(FILES, details["file"]),
        "format": str(details["format"]).upper(),
    }
    return f"{text}, {subject}" if subject else text


def _perspective_only(subject, details):
    return _("%(round)s: a respondent from the perspective %(perspective)s") % {
        "round": subject,
        "perspective": _label(Perspective.choices, details["perspective"]),
    }


def _signed_in(subject, details):
    if details.get("two_factor"):
        return _("With a two-factor code")
    return _("With the password")


def _sign_in_failed(subject, details):
    if details.get("step") == "code":
        return _("Wrong two-factor code")
    return _("Wrong e-mail address or password")


def _recovery_code_used(subject, details):
    left = int(details["left"])
    return ngettext("%(left)d recovery code left", "%(left)d recovery codes left", left) % {
        "left": left
    }


def _settings_changed(subject, details):
    names = []
    for name in details["fields"]:
        try:
            names.append(str(Organisation._meta.get_field(name).verbose_name))
        except FieldDoesNotExist:
            names.append(name)
    return _("Changed: %(fields)s") % {"fields": ", ".join(names)}


def _consent_changed(subject, details):
    if details["national_statistics"]:
        return _("Consent given: closed rounds may be counted in national statistics")
    return _("Consent withdrawn: closed rounds are not counted in national statistics")


def _respondents_anonymised(subject, details):
    count, days = int(details["count"]), int(details["days"])
    return ngettext(
        "%(count)d address erased: its round closed more than %(days)s ago",
        "%(count)d addresses erased: their rounds closed more than %(days)s ago",
        count,
    ) % {"count": count, "days": ngettext("%(n)d day", "%(n)d days", days) % {"n": days}}


DESCRIBERS = {
    Action.SIGNED_IN: _signed_in,
    Action.SIGN_IN_FAILED: _sign_in_failed,
    Action.RECOVERY_CODE_USED: _recovery_code_used,
    Action.SETTINGS_CHANGED: _settings_changed,
    Action.CONSENT_CHANGED: _consent_changed,
    Action.RESPONDENTS_ANONYMISED: _respondents_anonymised,
    Action.RESPONDENT_LINK_REVOKED: _perspective_only,
    Action.RESPONDENT_LINK_RESENT: _perspective_only,
    Action.INVITATION_SENT: _invitation_sent,
    Action.INVITATION_ACCEPTED: _invitation_accepted,
    Action.INVITATION_WITHDRAWN: _invitation_sent,
    Action.MEMBER_REMOVED: _member_removed,
    Action.MEMBER_LEFT: _member_left,
    Action.ROLE_CHANGED: _role_changed,
    Action.ROUND_OPENED: _round_opened,
    Action.RESPONDENTS_INVITED: _respondents_invited,
    Action.RESPONDENTS_REMINDED: _respondents_reminded,
    Action.AMBITION_CHANGED: _ambition_changed,
    Action.AGREED_LEVEL_CHANGED: _agreed_level_changed,
    Action.ACTION_ADDED: _action_added,
    Action.ACTION_CHANGED: _action_changed,
    Action.EXPORT_DOWNLOADED: _export_downloaded,
}
