"""Read an export file (docs/export-format.md) into this installation, in one transaction.

The import is refused, and nothing is written, when the file is not an export this installation
can read, the organisation (its number or code) or one of its rounds or actions is already here,
or a round's model version, question or area is not loaded here (`manage.py load_model`).

What the move keeps and what it cannot:
- The organisation's, rounds' and actions' codes, so bookmarked links keep working, and every
  time in the file (created, answered, closed ...).
- Respondents and pending invitations get new random token hashes: the links in e-mails sent by
  the old installation do not work here. Respondents who have not finished need a new link.
- A member whose e-mail address has no account here gets one with a long random password that
  no one knows; they choose their own with "Forgot your password?". (Not an unusable password:
  Django's reset form sends nothing to such accounts, which would lock them out for good.)
  A member who already has an account here keeps it and gets the membership.
- Comment authors, inviters and the audit log's actors are linked to the account with their
  e-mail address here, when there is one; the log's own text is kept as it was.
- The audit events are re-created as they were, with their times. No event is added for the
  import: the history arrives unaltered (a second export gives the same file), and importing
  is the operator's act on the server, not something a member of the organisation did.
"""

import json
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, transaction

from ambitionsgraf.accounts.models import User
from ambitionsgraf.audit.models import Event
from ambitionsgraf.lib import orgnr
from ambitionsgraf.lib.tokens import new_token, token_hash
from ambitionsgraf.plans.models import Action, ActionComment, AgreedLevel
from ambitionsgraf.rounds.models import Ambition, Answer, Respondent, Round

from .choices import County, EmployeesBand, OrganisationType, ProcurementSetup, VolumeBand
from .import_fields import ImportRefused, Record, code, unique_codes
from .import_rounds import import_rounds
from .models import Invitation, Membership, Organisation, Role
from .portability import FORMAT, FORMAT_VERSION, SUPPORTED_VERSIONS

__all__ = ["ImportRefused", "Imported", "import_organisation", "read_file"]

# Models whose auto_now / auto_now_add times the import takes from the file instead.
TIMESTAMPED = (
    Organisation, Membership, Invitation, Round, Respondent, Answer, Ambition, AgreedLevel,
    Action, ActionComment, Event,
)  # fmt: skip


@dataclass
class Imported:
    organisation: Organisation
    rounds: int = 0
    respondents: int = 0
    answers: int = 0
    actions: int = 0
    events: int = 0
    new_accounts: list[str] = field(default_factory=list)
    existing_accounts: list[str] = field(default_factory=list)


def read_file(path) -> object:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ImportRefused(f"The file cannot be read: {error}") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportRefused(f"The file is not valid JSON: {error}") from None


def import_organisation(data) -> Imported:
    root = Record(data, "file")
    _check_format(root)
    try:
        with transaction.atomic(), _times_from_file():
            return _import(root)
    except (IntegrityError, DataError, ValidationError) as error:
        raise ImportRefused(
            f"The file does not fit this installation's database: {error}"
        ) from None


def _check_format(root: Record) -> None:
    if root.raw("format", None) != FORMAT:
        raise ImportRefused(
            f"This is not an Ambitionsgraf organisation export: 'format' is not {FORMAT!r}."
        )
    version = root.raw("format_version", None)
    if isinstance(version, bool) or version not in SUPPORTED_VERSIONS:
        raise ImportRefused(
            f"The file's format version {version!r} is unknown here; this installation reads "
            f"version {FORMAT_VERSION}. Import the file into an Ambitionsgraf at least as new as "
            "the one that wrote it."
        )


@contextmanager
def _times_from_file() -> Iterator[None]:
    """auto_now and auto_now_add would stamp every row with the time of the import. They are off
    while the import runs (for the whole process: the import runs alone, in its command)."""
    fields = [
        f
        for model in TIMESTAMPED
        for f in model._meta.concrete_fields
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    ]
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


class Accounts:
    """Accounts here by e-mail address, each looked up once."""

    def __init__(self):
        self.known: dict[str, User | None] = {}

    def get(self, email: str | None) -> User | None:
        if not email or "@" not in email:
            return None
        email = email.lower()
        if email not in self.known:
            self.known[email] = User.objects.filter(email__iexact=email).first()
        return self.known[email]


def _import(root: Record) -> Imported:
    organisation = _organisation(root.record("organisation"))
    report = Imported(organisation=organisation)
    accounts = Accounts()
    _members(organisation, root.records("members"), accounts, report)
    _invitations(organisation, root.records("invitations"), accounts)
    rounds = import_rounds(organisation, root.records("rounds"), report)
    _actions(organisation, root.records("actions"), rounds, accounts, report)
    _events(organisation, root.records("audit_events"), accounts, report)
    return report


def _organisation(rec: Record) -> Organisation:
    raw_number = rec.text("org_number", max_length=20, blank=False)
    try:
        number = orgnr.normalise(raw_number)
    except ValidationError:
        rec.fail("org_number", f"{raw_number!r} is not a valid organisation number.")
    if Organisation.objects.filter(org_number=number).exists():
        raise ImportRefused(
            f"An organisation with the number {number} is already registered in this "
            "installation. Delete it first, or import into another installation."
        )
    (code,) = unique_codes([rec], Organisation, "organisation")
    organisation = Organisation(
        code=code,
        name=rec.text("name", max_length=200, blank=False),
        org_number=number,
        type=rec.choice("type", OrganisationType.values),
        county=rec.choice("county", County.values),
        employees_band=rec.choice("employees_band", EmployeesBand.values),
        volume_band=rec.choice("volume_band", VolumeBand.values),
        procurement_setup=rec.choice("procurement_setup", ProcurementSetup.values, blank=True),
        national_statistics=rec.flag("national_statistics"),
        created_at=rec.moment("created_at", null=False),
    )
    organisation.save()
    return organisation


def _members(organisation, records, accounts: Accounts, report: Imported) -> None:
    memberships, seen = [], set()
    for rec in records:
        email = rec.email("email")
        if email in seen:
            rec.fail("email", f"{email} is listed twice.")
        seen.add(email)
        name = rec.text("name", max_length=150)
        user = accounts.get(email)
        if user is None:
            # A password no one knows: the member chooses one through "Forgot your password?".
            user = User.objects.create_user(email, password=secrets.token_urlsafe(32), name=name)
            accounts.known[email] = user
            report.new_accounts.append(email)
        else:
            report.existing_accounts.append(email)
        memberships.append(
            Membership(
                organisation=organisation,
                user=user,
                role=rec.choice("role", Role.values),
                created_at=rec.moment("joined_at", null=False),
            )
        )
    Membership.objects.bulk_create(memberships)


def _invitations(organisation, records, accounts: Accounts) -> None:
    Invitation.objects.bulk_create(
        Invitation(
            organisation=organisation,
            email=rec.email("email"),
            role=rec.choice("role", Role.values),
            language=rec.choice("language", ("sv", "en"), default="sv"),  # since 2026-12-08
            token_hash=token_hash(new_token()),  # the old link's token was never stored
            invited_by=accounts.get(rec.email("invited_by", null=True)),
            created_at=rec.moment("invited_at", null=False),
        )
        for rec in records
    )


def _actions(organisation, records, rounds, accounts: Accounts, report: Imported) -> None:
    unique_codes(records, Action, "action")
    actions, comments_of = [], []
    for rec in records:
        round_code = rec.raw("round")
        if round_code is not None and round_code not in rounds:
            rec.fail("round", f"no round in the file has the code {round_code!r}.")
        actions.append(
            Action(
                organisation=organisation,
                code=code(rec),
                area_key=rec.text("area", max_length=40, blank=False),
                round=rounds.get(round_code),
                description=rec.text("description", max_length=2000, blank=False),
                owner=rec.text("owner", max_length=150),
                due_on=rec.day("due_on"),
                status=rec.choice("status", Action.Status.values),
                source=rec.choice("source", Action.Source.values),
                guidance_level=rec.number("guidance_level", low=1, high=5, null=True),
                done_at=rec.moment("done_at"),
                created_at=rec.moment("created_at", null=False),
                updated_at=rec.moment("updated_at", null=False),
            )
        )
        comments_of.append(rec.records("comments"))
    Action.objects.bulk_create(actions)
    ActionComment.objects.bulk_create(
        ActionComment(
            action=action,
            author=accounts.get(comment.email("author", null=True)),
            text=comment.text("text", max_length=2000, blank=False),
            created_at=comment.moment("created_at", null=False),
        )
        for action, comments in zip(actions, comments_of, strict=True)
        for comment in comments
    )
    report.actions = len(actions)


def _events(organisation, records, accounts: Accounts, report: Imported) -> None:
    events = []
    for rec in records:
        actor = rec.text("actor", max_length=254)
        events.append(
            Event(
                at=rec.moment("at", null=False),
                action=rec.text("action", max_length=32, blank=False),
                actor=accounts.get(actor),
                actor_label=actor,
                organisation=organisation,
                organisation_label=rec.text("organisation_name", max_length=200),
                subject=rec.text("subject", max_length=300),
                details=rec.mapping("details"),
            )
        )
    Event.objects.bulk_create(events, batch_size=500)
    report.events = len(events)
