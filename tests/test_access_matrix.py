"""The access matrix: every URL of the site, requested as every persona, with real objects.

RULES maps each URL name to what each persona gets on GET. A URL name without a rule fails
`test_every_url_of_the_site_has_a_rule`, so a new page cannot be added without deciding who may
open it. Outsiders (the admin of B, and the coach on admin-only pages) get 404 on GET and POST,
and their POSTs change nothing.
"""

from dataclasses import dataclass, field

import pytest
from django.apps import apps
from django.urls import resolve

from .site_world import (
    ADMIN_A,
    ADMIN_B,
    AGENCY,
    ANALYST,
    COACH_A,
    MODEL_OWNER,
    OUTSIDERS,
    PERSONAS,
    RESPONDENT,
    VISITOR,
    World,
    build_world,
    site_urls,
    url,
)

OK = 200
NOT_FOUND = 404
NOT_ALLOWED = 405  # a POST-only URL opened with GET by someone allowed to post to it
LOGIN = "redirect to the sign-in page"


def redirect(url_name: str) -> str:
    return f"redirect to {url_name}"


@dataclass(frozen=True)
class Rule:
    """What each persona gets on GET. `holder` holds the secret token in the URL (a personal
    link); every other persona requests the URL with an altered token."""

    get: dict = field(default_factory=dict)
    holder: str | None = None


def public(**overrides) -> Rule:
    return Rule({persona: OK for persona in PERSONAS} | overrides)


def same_for_all(expected) -> Rule:
    return Rule(dict.fromkeys(PERSONAS, expected))


def members(admin=OK, coach=OK) -> Rule:
    """Organisation pages: its admins and (unless `coach` says otherwise) its coach. The
    agency's staff are outsiders here: they see national figures, never one organisation's."""
    return Rule(
        {VISITOR: LOGIN, RESPONDENT: LOGIN, ADMIN_A: admin, COACH_A: coach}
        | dict.fromkeys(OUTSIDERS, NOT_FOUND)
    )


def agency_page(*allowed) -> dict:
    """The agency's pages: the allowed staff only; everyone signed in is an outsider."""
    return (
        {VISITOR: LOGIN, RESPONDENT: LOGIN}
        | signed_in_users(NOT_FOUND)
        | dict.fromkeys(allowed, OK)
    )


def signed_in_users(expected) -> dict:
    return dict.fromkeys((ADMIN_A, COACH_A, *OUTSIDERS), expected)


def admins(admin=OK) -> Rule:
    """Pages for managing the organisation, or about respondents: its admins only."""
    return members(admin=admin, coach=NOT_FOUND)


def personal_link(holder: str, expected=OK, others=NOT_FOUND) -> Rule:
    return Rule(
        {persona: expected if persona == holder else others for persona in PERSONAS}, holder
    )


RULES = {
    "front": public(),
    "method": public(),
    "privacy": public(),
    "accessibility": public(),
    "accounts:signup": public(),
    "accounts:login": public(**signed_in_users(redirect("organisations:home"))),
    "accounts:logout": same_for_all(NOT_ALLOWED),  # POST only
    "accounts:account": Rule({VISITOR: LOGIN, RESPONDENT: LOGIN} | signed_in_users(OK)),
    # POST only; a visitor is sent to sign in first.
    "accounts:delete_account": Rule({VISITOR: LOGIN, RESPONDENT: LOGIN} | signed_in_users(OK)),
    "accounts:sign_out_everywhere": Rule(
        {VISITOR: LOGIN, RESPONDENT: LOGIN} | signed_in_users(NOT_ALLOWED)
    ),
    "accounts:login_code": same_for_all(LOGIN),  # only after the password step
    "accounts:two_factor_setup": Rule(
        {VISITOR: LOGIN, RESPONDENT: LOGIN}
        | signed_in_users(OK)
        | dict.fromkeys(AGENCY, redirect("accounts:account"))  # theirs is on already
    ),
    "accounts:recovery_codes": Rule(
        {VISITOR: LOGIN, RESPONDENT: LOGIN} | signed_in_users(redirect("accounts:account"))
    ),
    "accounts:new_recovery_codes": Rule(
        {VISITOR: LOGIN, RESPONDENT: LOGIN} | signed_in_users(NOT_ALLOWED)
    ),
    "accounts:two_factor_off": Rule(
        {VISITOR: LOGIN, RESPONDENT: LOGIN} | signed_in_users(redirect("accounts:account"))
    ),
    "accounts:password_reset": public(),
    "accounts:password_reset_done": public(),
    # The link's holder is sent on to the set-password form; an altered token shows the
    # "invalid link" page (200, no form).
    "accounts:password_reset_confirm": personal_link(
        VISITOR, redirect("accounts:password_reset_confirm"), others=OK
    ),
    "accounts:password_reset_complete": public(),
    "organisations:home": Rule(
        {
            VISITOR: LOGIN,
            RESPONDENT: LOGIN,
            ADMIN_A: redirect("organisations:overview"),
            COACH_A: redirect("organisations:overview"),
            ADMIN_B: redirect("organisations:overview"),
            ANALYST: OK,  # no organisation: the page points to the agency's pages
            MODEL_OWNER: OK,
        }
    ),
    "organisations:overview": members(),
    "organisations:invite_admin": admins(),
    "organisations:remove_member": admins(),
    "organisations:leave": members(),
    "organisations:switch_role": admins(admin=NOT_ALLOWED),  # POST only
    "organisations:withdraw_invitation": admins(admin=NOT_ALLOWED),  # POST only
    "organisations:resend_invitation": admins(admin=NOT_ALLOWED),  # POST only
    "organisations:accept_invitation": personal_link(VISITOR),
    "organisations:settings": admins(),
    "organisations:export_data": admins(admin=NOT_ALLOWED),  # POST only
    "organisations:delete": admins(),
    "rounds:new": admins(),
    "rounds:new_from_last": admins(),
    "rounds:detail": admins(),
    "rounds:invite": admins(),
    "rounds:remind": admins(),
    "rounds:ambition": admins(),
    "rounds:close": admins(),
    "questionnaire:welcome": personal_link(RESPONDENT),
    "questionnaire:area": personal_link(RESPONDENT),
    "questionnaire:summary": personal_link(RESPONDENT),
    "questionnaire:finish": same_for_all(NOT_ALLOWED),  # POST only, checked below
    "questionnaire:my_data": personal_link(RESPONDENT),
    "rounds:revoke_link": admins(admin=NOT_ALLOWED),  # POST only
    "rounds:resend_link": admins(admin=NOT_ALLOWED),  # POST only
    "results:round": members(),
    "results:trend": members(),
    "plans:plan": members(),
    "plans:add_proposal": admins(admin=NOT_ALLOWED),  # POST only
    "plans:add": admins(),
    "plans:edit": admins(),
    "plans:drop": admins(),
    "plans:status": admins(admin=NOT_ALLOWED),  # POST only
    "plans:comment": members(),
    "workshop:start": members(),
    "workshop:area": members(),
    "workshop:summary": members(),
    "reports:board_report": members(),
    "reports:results_export": members(),
    "reports:questions_export": members(),
    "reports:plan_export": members(),
    "audit:log": admins(),
    "quickcheck:start": public(),
    "api_tokens:list": admins(),
    "api_tokens:revoke": admins(admin=NOT_ALLOWED),  # POST only
    "national:picture": Rule(agency_page(ANALYST, MODEL_OWNER)),
    "national:open_data": public(),
    "national:open_data_csv": public(),
    "national:open_data_json": public(),
    "national:open_data_dcat": public(),
    "lab:index": Rule(agency_page(MODEL_OWNER)),
    "lab:version": Rule(agency_page(MODEL_OWNER)),
    "lab:upload": Rule(agency_page(MODEL_OWNER)),
    "lab:new_draft": Rule(agency_page(MODEL_OWNER) | {MODEL_OWNER: NOT_ALLOWED}),  # POST only
    "lab:model_file": Rule(agency_page(MODEL_OWNER)),
    "lab:draft_move": Rule(agency_page(MODEL_OWNER) | {MODEL_OWNER: NOT_ALLOWED}),  # POST only
    "lab:draft": Rule(agency_page(MODEL_OWNER)),
    "lab:draft_details": Rule(agency_page(MODEL_OWNER)),
    "lab:draft_publish": Rule(agency_page(MODEL_OWNER)),
    "lab:draft_delete": Rule(agency_page(MODEL_OWNER)),
    "lab:draft_area": Rule(agency_page(MODEL_OWNER)),
    "lab:draft_question_add": Rule(agency_page(MODEL_OWNER)),
    "lab:draft_guidance": Rule(agency_page(MODEL_OWNER)),
    "lab:draft_question": Rule(agency_page(MODEL_OWNER)),
    "lab:draft_question_retire": Rule(agency_page(MODEL_OWNER)),
}

# What a POST would carry if its sender were allowed: enough to change something on any page.
POST_DATA = {
    "email": "intruder@bergby.example",
    "role": "admin",
    "language": "sv",
    "name": "Intrång",
    "addresses": "intruder@bergby.example",
    "perspective": "leadership",
    "respondents": ["svarande@alvstad.example"],
    "target_goals": "5",
    "reason_goals": "Intrång",
    "area": "goals",
    "area_key": "goals",
    "proposal": "goals-1",
    "description": "Intrång",
    "status": "done",
    "text": "Intrång",
    "level": "5",
    "reason": "Intrång",
    "nav": "next",
}


def test_every_url_of_the_site_has_a_rule():
    urls = site_urls()
    missing = sorted(set(urls) - set(RULES))
    assert not missing, (
        f"No access rule for {', '.join(missing)}: add it to RULES in {__file__} "
        "with who may open it."
    )
    stale = sorted(set(RULES) - set(urls))
    assert not stale, f"RULES names URLs the site no longer has: {', '.join(stale)}"
    for name, rule in RULES.items():
        assert set(rule.get) == set(PERSONAS), f"The rule for {name} misses a persona."


@pytest.fixture
def world(db, settings) -> World:
    return build_world(settings)


def outcome(response):
    """The response as the matrix names it: a status, or where a redirect leads."""
    if response.status_code not in (301, 302):
        return response.status_code
    target = response["Location"].split("?")[0]
    match = resolve(target)
    if match.view_name == "accounts:login":
        return LOGIN
    return redirect(match.view_name)


def text(response) -> str:
    """The body of a text response (HTML, CSV); binary files (PDF, XLSX) are not searched."""
    if response.streaming or not response.get("Content-Type", "").startswith("text/"):
        return ""
    return response.content.decode()


def snapshot() -> dict:
    """Every row of the product's own tables."""
    return {
        model._meta.label: list(model.objects.order_by("pk").values())
        for model in apps.get_models()
        if model.__module__.startswith("ambitionsgraf.")
    }


# ---------------------------------------------------------------- the matrix


def test_every_persona_gets_what_the_rules_allow_on_every_url(world):
    wrong = []
    for name, kwargs in site_urls().items():
        rule = RULES.get(name)
        if rule is None:
            wrong.append(f"{name}: no access rule")
            continue
        for persona in PERSONAS:
            path = url(world, name, kwargs, holder=persona == rule.holder)
            response = world.clients[persona].get(path)
            got = outcome(response)
            if got != rule.get[persona]:
                wrong.append(f"{name} as {persona}: GET {path} gave {got}, not {rule.get[persona]}")
            shown = sorted(e for e in world.emails.get(persona, ()) if e in text(response))
            if shown:
                wrong.append(f"{name} as {persona}: GET {path} shows {', '.join(shown)}")
    assert not wrong, "\n".join(wrong)


def test_outsiders_posts_get_404_and_change_nothing(world):
    before = snapshot()
    wrong = []
    tried = 0
    for name, kwargs in site_urls().items():
        for persona in (COACH_A, *OUTSIDERS):
            if name not in RULES or RULES[name].get[persona] != NOT_FOUND:
                continue
            tried += 1
            path = url(world, name, kwargs, holder=False)
            status = world.clients[persona].post(path, POST_DATA).status_code
            if status != NOT_FOUND:
                wrong.append(f"{name} as {persona}: POST {path} gave {status}, not 404")
    assert not wrong, "\n".join(wrong)
    assert tried > 60
    assert snapshot() == before


def test_personal_links_with_an_altered_token_get_404_and_change_nothing(world):
    before = snapshot()
    for name, kwargs in site_urls().items():
        if "token" not in kwargs or name.startswith("accounts:") or name not in RULES:
            continue
        path = url(world, name, kwargs, holder=False)
        for persona in (RESPONDENT, ADMIN_A):
            client = world.clients[persona]
            assert client.get(path).status_code == (
                NOT_ALLOWED if RULES[name].get[RESPONDENT] == NOT_ALLOWED else NOT_FOUND
            ), f"{name} as {persona}: GET {path}"
            assert client.post(path, POST_DATA).status_code == NOT_FOUND, (
                f"{name} as {persona}: POST {path}"
            )
    assert snapshot() == before


def test_an_altered_password_reset_link_shows_no_form(world):
    path = url(world, "accounts:password_reset_confirm", ["uidb64", "token"], holder=False)
    response = world.clients[VISITOR].get(path)
    assert response.status_code == OK
    assert response.context["validlink"] is False
