"""Two app servers on one PostgreSQL database, as behind a load balancer (docs/scale-out.md).

Run by scripts/scale-out (which starts a throwaway PostgreSQL and sets DATABASE_URL). Starts two
gunicorn processes on two ports with the same settings (SECRET_KEY, DATABASE_URL), then plays a
load balancer that sends each request to a different server:

1. a respondent opens the questionnaire on server A and saves the first page there, continues
   on server B with the CSRF token A gave, and each server shows what was saved on the other;
2. an admin signs in on A and is signed in on B (sessions live in the database), signs out on B
   and is signed out on A too;
3. requests to the API without a key, sent to A and B in turn, meet the limit after as many as
   one server allows (the counts live in the database, not in each of the four processes).

Exits 0 when every step holds; prints each step.
"""

from __future__ import annotations

import http.client
import os
import re
import secrets
import sys
import urllib.parse
from http.cookies import SimpleCookie
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HOST = "ambitionsgraf.example"  # the public name the balancer forwards
PASSWORD = "scale-out-lösenord-2026"
sys.path.insert(0, str(ROOT))

from ambitionsgraf.scale.servers import free_port, gunicorn, manage, stop  # noqa: E402


def environment() -> dict:
    return {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": HOST,
        "SITE_URL": f"https://{HOST}",
        "SECURE_SSL_REDIRECT": "false",  # the balancer ends TLS and says so in X-Forwarded-Proto
        "LOG_LEVEL": "WARNING",
    }


def prepare() -> tuple[str, str]:
    """An organisation with an admin and an open round with one respondent; returns the
    respondent's token and the admin's e-mail address."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ambitionsgraf.settings")
    django.setup()
    from django.db import connection

    from ambitionsgraf.accounts.models import User
    from ambitionsgraf.maturity.models import ModelVersion
    from ambitionsgraf.organisations.models import Membership, Organisation, Role
    from ambitionsgraf.rounds.models import Respondent, Round

    organisation = Organisation.objects.create(
        name="Skalby kommun", org_number="212000-0142", type="municipality",
        county="uppsala", employees_band="500-1999", volume_band="100m-499m",
    )  # fmt: skip
    email = "admin@skalby.example"
    user = User.objects.create_user(email=email, password=PASSWORD)
    Membership.objects.create(organisation=organisation, user=user, role=Role.ADMIN)
    round_ = Round.objects.create(
        organisation=organisation, model_version=ModelVersion.objects.current(), name="Skattning"
    )
    respondent, token = Respondent.with_new_token(
        round=round_, perspective="procurement", language="sv", email="inkop@skalby.example"
    )
    respondent.save()
    connection.close()
    return token, email


class Client:
    """One browser's cookies, sent to whichever server the 'balancer' picks."""

    jar: dict[str, str] = {}

    def __init__(self, port: int, name: str):
        self.port, self.name = port, name

    def request(self, method: str, path: str, form: dict | None = None, *, expect: int):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {
            "Host": HOST,
            "X-Forwarded-Proto": "https",
            "Accept-Language": "sv",
            "Cookie": "; ".join(f"{k}={v}" for k, v in Client.jar.items()),
        }
        body = None
        if form is not None:
            form = {"csrfmiddlewaretoken": Client.jar.get("csrftoken", ""), **form}
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"https://{HOST}"
            headers["Referer"] = f"https://{HOST}{path}"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        for header in response.headers.get_all("Set-Cookie") or []:
            for key, morsel in SimpleCookie(header).items():
                if morsel.value:
                    Client.jar[key] = morsel.value
                else:
                    Client.jar.pop(key, None)
        assert response.status == expect, (
            f"{method} {path} on {self.name}: {response.status}, expected {expect}"
        )
        return response, text


def questions(page: str) -> list[str]:
    return sorted(set(re.findall(r'name="q(\d+)"', page)), key=int)


def checked(page: str, question: str) -> str | None:
    """The level the page shows as chosen for a question."""
    for tag in re.findall(rf'<input[^>]*name="q{question}"[^>]*>', page):
        if "checked" in tag:
            return re.search(r'value="([^"]+)"', tag).group(1)
    return None


def step(text: str) -> None:
    print(f"  ok  {text}", flush=True)


def journey(a: Client, b: Client, token: str, email: str) -> None:
    area = f"/r/{token}/area/%d/"
    _response, page = a.request("GET", area % 1, expect=200)
    first = questions(page)
    assert first and "csrftoken" in Client.jar
    step(f"respondent opens page 1 on server A ({len(first)} questions, CSRF cookie set)")
    response, _page = a.request(
        "POST", area % 1, {"nav": "next", **{f"q{q}": "4" for q in first}}, expect=302
    )
    assert response.headers["Location"].endswith(area % 2)
    step("saves page 1 on server A and is sent on to page 2")
    _response, page = b.request("GET", area % 2, expect=200)
    second = questions(page)
    step("opens page 2 on server B")
    b.request("POST", area % 2, {"nav": "next", **{f"q{q}": "2" for q in second}}, expect=302)
    step("saves page 2 on server B with the CSRF token server A gave")
    _response, page = b.request("GET", area % 1, expect=200)
    assert all(checked(page, q) == "4" for q in first), "B does not show what A saved"
    _response, page = a.request("GET", area % 2, expect=200)
    assert all(checked(page, q) == "2" for q in second), "A does not show what B saved"
    step("each server shows the answers saved on the other")

    a.request("GET", "/accounts/login/", expect=200)
    response, _page = a.request(
        "POST", "/accounts/login/", {"username": email, "password": PASSWORD}, expect=302
    )
    step("admin signs in on server A")
    response, _page = b.request("GET", "/o/", expect=302)  # to the admin's one organisation
    assert "/accounts/login/" not in response.headers["Location"], "B did not know the session"
    _response, page = b.request("GET", response.headers["Location"], expect=200)
    assert "Skalby kommun" in page
    step("and is signed in on server B (the session is in the database)")
    b.request("POST", "/accounts/logout/", {}, expect=302)
    response, _page = a.request("GET", "/o/", expect=302)
    assert "/accounts/login/" in response.headers["Location"]
    step("signs out on server B and is signed out on server A too")

    from ambitionsgraf.api.throttling import rate

    allowed = int(rate("anonymous").split("/")[0])
    for n in range(allowed):
        (a if n % 2 == 0 else b).request("GET", "/api/v1/model-versions", expect=200)
    a.request("GET", "/api/v1/model-versions", expect=429)
    b.request("GET", "/api/v1/model-versions", expect=429)
    step(f"the API's limit holds across both servers: {allowed} requests, then 429 on A and B")


def main() -> None:
    env = environment()
    os.environ["SECRET_KEY"] = env["SECRET_KEY"]
    manage("migrate", "--noinput", "-v0")
    manage("load_model")
    token, email = prepare()
    manage("collectstatic", "--noinput", "-v0", env=env)
    ports = free_port(), free_port()
    running = []
    try:
        for port in ports:
            running.append(gunicorn("ambitionsgraf.wsgi:application", port, env))
        print(f"Two servers on one database: A on port {ports[0]}, B on port {ports[1]}")
        journey(Client(ports[0], "A"), Client(ports[1], "B"), token, email)
        print(
            "Scale-out works: a respondent and an admin moved between the two servers, "
            "and the rate limit counted for both."
        )
    finally:
        stop(running)


if __name__ == "__main__":
    main()
