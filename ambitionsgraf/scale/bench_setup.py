"""What ``make bench`` needs in the generated data set: signed-in sessions, open rounds with
personal links, and per page the requests wrk sends (one per line: method, path, cookie, body;
tab-separated; ``{L}`` in a body becomes a random level 1-5 at each request).

Run again before every benchmark: it removes what the previous run made (the rounds named
``ROUND_NAME`` and the ``@bench.example`` users, and every session: this database is the
benchmark's own) and makes it afresh.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from ambitionsgraf.accounts.models import User
from ambitionsgraf.maturity.models import ModelVersion
from ambitionsgraf.organisations.models import Membership, Organisation, Role
from ambitionsgraf.rounds.models import Respondent, Round

from . import mix
from .bench_urls import CEILING

ROUND_NAME = "Benchmark"
DOMAIN = "bench.example"
OPEN_ROUNDS = 40
RESPONDENTS_PER_ROUND = 3  # one of each perspective
# The organisations whose results page and board report are read: each type in its most common
# employees band, companies most (the largest peer group, so the slowest comparison).
READERS = {"company": 4, "other": 2, "municipality": 2, "state_agency": 2, "region": 2}
CSRF_SECRET_LENGTH = 32


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    cookie: str = ""
    body: str = ""

    def line(self) -> str:
        return "\t".join((self.method, self.path, self.cookie, self.body))


def _session(user: User, device: TOTPDevice | None = None) -> str:
    """A signed-in session for ``user`` (verified with ``device`` when given), as the sign-in
    pages would leave it."""
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    if device is not None:
        store[DEVICE_ID_SESSION_KEY] = device.persistent_id
    store.create()
    return store.session_key


def _user(email: str, **fields) -> User:
    return User.objects.create_user(email=email, password=secrets.token_urlsafe(16), **fields)


def _readers() -> list[Round]:
    """The latest closed round of organisations that agreed to national statistics."""
    chosen = []
    for kind, count in READERS.items():
        weights = mix.BAND_WEIGHTS[kind]
        band = mix.BANDS[max(range(len(weights)), key=weights.__getitem__)]
        organisations = Organisation.objects.filter(
            type=kind, employees_band=band, national_statistics=True, rounds__status="closed"
        ).distinct()[:count]
        for organisation in organisations:
            chosen.append(organisation.rounds.closed().order_by("-closed_at").first())
    return chosen


def _open_rounds(version) -> list[tuple[Respondent, str, list[list[int]]]]:
    """Open rounds with personal links: (respondent, token, question ids per area page)."""
    organisations = Organisation.objects.order_by("pk")[:OPEN_ROUNDS]
    closes_on = timezone.localdate() + dt.timedelta(days=60)
    made = []
    questions = list(version.areas.prefetch_related("questions"))
    for organisation in organisations:
        round_ = Round.objects.create(
            organisation=organisation, model_version=version, name=ROUND_NAME, closes_on=closes_on
        )
        for perspective in ("leadership", "procurement", "operations")[:RESPONDENTS_PER_ROUND]:
            respondent, token = Respondent.with_new_token(
                round=round_, perspective=perspective, language="sv"
            )
            respondent.save()
            pages = [
                [q.pk for q in area.questions.all() if q.is_for(perspective)] for area in questions
            ]
            made.append((respondent, token, [ids for ids in pages if ids]))
    return made


def prepare(directory: Path) -> dict[str, Path]:
    """Make the sessions and rounds, write one requests file per page; returns the files."""
    version = ModelVersion.objects.current()
    with transaction.atomic():
        Round.objects.filter(name=ROUND_NAME).delete()
        User.objects.filter(email__endswith="@" + DOMAIN).delete()
        Session.objects.all().delete()
        admin = _user(f"admin@{DOMAIN}")
        readers = _readers()
        Membership.objects.bulk_create(
            Membership(organisation=r.organisation, user=admin, role=Role.ADMIN) for r in readers
        )
        analyst = _user(f"analyst@{DOMAIN}", agency_role="analyst")
        device = TOTPDevice.objects.create(user=analyst, name="Bench", confirmed=True)
        links = _open_rounds(version)
    admin_cookie = f"sessionid={_session(admin)}"
    analyst_cookie = f"sessionid={_session(analyst, device)}"
    csrf = secrets.token_hex(CSRF_SECRET_LENGTH // 2)
    csrf_cookie = f"csrftoken={csrf}"

    def area(token: str, number: int) -> str:
        return reverse("questionnaire:area", args=[token, number])

    def read(round_: Round, url_name: str) -> Request:
        """An admin's GET of a page of one of the closed rounds."""
        return Request(
            "GET", reverse(url_name, args=[round_.organisation.code, round_.code]), admin_cookie
        )

    pages = {
        "ceiling": [Request("GET", CEILING)],
        "questionnaire": [
            Request("GET", area(token, n), csrf_cookie)
            for _r, token, areas in links
            for n in range(1, len(areas) + 1)
        ],
        "save": [
            Request(
                "POST",
                area(token, n),
                csrf_cookie,
                "&".join(
                    [f"csrfmiddlewaretoken={csrf}", "nav=next"]
                    + [f"q{pk}={{L}}&c{pk}=" for pk in ids]
                ),
            )
            for _r, token, areas in links
            for n, ids in enumerate(areas, start=1)
        ],
        "results": [read(r, "results:round") for r in readers],
        "national": [Request("GET", reverse("national:picture"), analyst_cookie)],
        "report": [read(r, "reports:board_report") for r in readers],
    }
    directory.mkdir(parents=True, exist_ok=True)
    files = {}
    for name, requests in pages.items():
        files[name] = directory / f"{name}.requests"
        files[name].write_text("".join(r.line() + "\n" for r in requests), encoding="utf-8")
    return files
