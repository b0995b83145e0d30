"""Reading a page's forms as a browser would, and the arbitrary data the form properties post
(test_forms_properties.py): junk, plausible fillings, uploads; and how to tell a refusal."""

import datetime as dt
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.apps import apps
from django.contrib import messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.forms import BaseForm
from django.test import Client
from django.utils import timezone
from hypothesis import strategies as st

from ambitionsgraf.conftest import PASSWORD, org_number
from ambitionsgraf.maturity.loader import MODEL_DIR

from .form_pages import ADMIN, Page, World, path

MODEL_TEXT = (MODEL_DIR / "ambitionsgraf-1.yaml").read_text(encoding="utf-8")
REFUSED = {400, 404, 405, 429}

# ---------------------------------------------------------------- reading forms


class _Forms(HTMLParser):
    """The POST forms of a page: [(action, {field name: set of values the page offers})]."""

    def __init__(self):
        super().__init__()
        self.forms: list[tuple[str, dict[str, set]]] = []
        self.files: set[str] = set()
        self._current: dict | None = None
        self._select: str | None = None

    def _field(self, name, value=None):
        values = self._current.setdefault(name, set())
        if value is not None:
            values.add(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self._current = {}
            self.forms.append((attrs.get("action") or "", self._current))
        elif self._current is None or not attrs.get("name"):
            if tag == "option" and self._select:
                self._field(self._select, attrs.get("value", ""))
        elif tag in ("input", "button"):
            self._field(attrs["name"], attrs.get("value"))
            if attrs.get("type") == "file":
                self.files.add(attrs["name"])
        elif tag in ("textarea", "select"):
            self._field(attrs["name"])
            self._select = attrs["name"] if tag == "select" else None

    def handle_endtag(self, tag):
        if tag == "form":
            self._current = None
        elif tag == "select":
            self._select = None


def _posts_to(action: str, source: str, target: str) -> bool:
    return (urlsplit(action).path or source) == target


@dataclass(frozen=True)
class Form:
    """What the page offers for one target URL: every field with the values the page shows
    for it, and each form on the page filled in plausibly (one page can hold several forms
    posting to the same URL, each with its own hidden values)."""

    fields: dict
    fillings: list
    files: frozenset = frozenset()


def read_form(world: World, page: Page, client: Client, target: str) -> Form:
    source = target
    if page.form_from:
        kwargs = page.kwargs if page.form_kwargs is None else page.form_kwargs
        source = path(world, page.form_from, kwargs)
    response = client.get(source)
    assert response.status_code == 200, f"{page}: GET {source} gave {response.status_code}"
    reader = _Forms()
    reader.feed(response.content.decode())
    forms = [found for action, found in reader.forms if _posts_to(action, source, target)]
    forms = forms or [{}]
    assert forms != [{}] or page.fields, f"{page}: no form on {source} posts to {target}"
    fields: dict[str, set] = {}
    fillings = []
    for found in forms:
        found = {n: v for n, v in found.items() if n != "csrfmiddlewaretoken"}
        found |= {name: found.get(name, set()) for name in page.fields}
        for name, values in found.items():
            fields.setdefault(name, set()).update(values)
        fillings.append(
            {
                n: Upload(MODEL_TEXT.encode())
                if n in reader.files
                else plausible(n, sorted(v), world)
                for n, v in sorted(found.items())
            }
        )
    return Form(
        {n: sorted(v) for n, v in sorted(fields.items())}, fillings, frozenset(reader.files)
    )


# ---------------------------------------------------------------- arbitrary data

# fmt: off
ODD_VALUES = [
    "", " ", "0", "-1", "6", "3.5", "3,5", "0.25", "1e309", "NaN", "-inf", "9" * 40,
    "2026-02-30", "0000-00-00", "99999-12-31", "1899-12-31", "<b>x</b>", "\x00", "\u202e",
    "a@b", "@", "ny@nystad.example", "212000-0142", "dk", "next", "prev", "summary",
    "leadership", "goals", "sv", "en", "done", "https://evil.example/", "//evil.example/x",
]
# fmt: on
junk = st.one_of(
    st.text(st.characters(codec="utf-8"), max_size=40),  # control characters, NUL, emoji
    st.sampled_from(ODD_VALUES),
    st.integers(-(10**20), 10**20).map(str),
    st.integers(1, 3).map(lambda n: "å" * (n * 10_000)),
)


@dataclass(frozen=True)
class Upload:
    """A file to post; made into an uploaded file only when posted, so an example can be
    posted again when Hypothesis shrinks it."""

    content: bytes
    name: str = "model.yaml"

    def as_file(self):
        return SimpleUploadedFile(self.name, self.content, content_type="application/x-yaml")


def uploads():
    model = MODEL_TEXT.encode()
    return st.one_of(
        st.binary(max_size=200),
        st.tuples(st.integers(0, len(model)), st.binary(max_size=20)).map(
            lambda cut: model[: cut[0]] + cut[1]
        ),
        st.sampled_from([model, model.replace(b"version: 1", b"version: 9"), b"", b"\xff" * 9]),
    ).map(Upload)


def as_posted(data: dict) -> dict:
    return {
        name: value.as_file() if isinstance(value, Upload) else value
        for name, value in data.items()
    }


def plausible(name: str, offered: list, world: World) -> str:
    """A value the field would likely accept: the page's own first choice, or one made to fit
    the field's name."""
    if offered:
        return next((v for v in offered if v), "")
    lowered = name.lower()
    if lowered == "username":
        return world.users[ADMIN].email
    if "email" in lowered:
        return "ny.person@example.se"
    if "password" in lowered:
        return PASSWORD
    if "org_number" in lowered:
        return org_number(99_999)
    if "addresses" in lowered:
        return "ett@example.se\nTvå Persson <tva@example.se>"
    if lowered.endswith(("_on", "date")):
        return (timezone.localdate() + dt.timedelta(days=30)).isoformat()
    return "Ett rimligt svar"


def data_for(form: Form):
    """A strategy of POST data: either some of the form's keys (and a stray one) with arbitrary
    values, or a plausible filling of the form with a few keys left out or spoiled. Each value
    is one of the form's own, junk, or several values at once."""
    fields = form.fields
    names = sorted(fields) or ["nothing"]

    def value_for(name):
        if name in form.files:
            return st.one_of(uploads(), junk)
        offered = fields.get(name) or []
        one = st.one_of(st.sampled_from(offered), junk) if offered else junk
        return st.one_of(one, st.lists(one, min_size=2, max_size=3))

    def values_for(keys):
        return st.fixed_dictionaries({name: value_for(name) for name in keys})

    some_keys = st.lists(st.sampled_from(names), unique=True, max_size=len(names))
    stray = st.lists(st.text(st.characters(codec="utf-8"), min_size=1, max_size=12), max_size=2)
    arbitrary = st.tuples(some_keys, stray).flatmap(lambda ks: values_for([*ks[0], *ks[1]]))
    filled = st.sampled_from(form.fillings)
    nearly = st.tuples(filled, some_keys, some_keys.flatmap(values_for)).map(
        lambda change: {k: v for k, v in change[0].items() if k not in change[1]} | change[2]
    )
    return st.one_of(arbitrary, nearly, filled)


def snapshot() -> dict:
    """Every row of the product's own tables, but the audit log, which records refused
    attempts too (a wrong sign-in code, for one) by design."""
    tables = set(connection.introspection.table_names())
    return {
        model._meta.label: list(model.objects.order_by("pk").values())
        for model in apps.get_models()
        if model.__module__.startswith("ambitionsgraf.")
        and model._meta.db_table in tables
        and model._meta.label != "audit.Event"
    }


def form_errors(response) -> bool:
    context = response.context or []
    for layer in context if isinstance(context, list) else [context]:
        for value in layer.flatten().values():
            if isinstance(value, BaseForm) and value.is_bound and value.errors:
                return True
    return False


def refused(response) -> bool:
    """The page said no: a form shown again with errors, an error status, or a redirect with
    an error message (read from the messages the request queued). A 200 without form errors
    (a confirmation step, a quick check's result, a download) is not taken as a refusal."""
    if response.status_code == 200:
        return form_errors(response)
    if response.status_code in REFUSED:
        return True
    queued = getattr(getattr(response.wsgi_request, "_messages", None), "_queued_messages", [])
    return any(m.level >= messages.WARNING for m in queued)
