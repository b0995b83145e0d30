"""The whole site with real objects, as the access matrix (test_access_matrix.py) requests
it: every URL of the site by name, the personas, and a world of two organisations to fill in
the URLs' arguments."""

from dataclasses import dataclass

from django.contrib.auth.tokens import default_token_generator
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from ambitionsgraf.accounts.models import User
from ambitionsgraf.conftest import (
    PASSWORD,
    finished_respondents,
    logged_in,
    make_admin,
    make_organisation,
    make_respondent,
    make_round,
)
from ambitionsgraf.lib.tokens import new_token, token_hash
from ambitionsgraf.maturity import drafts
from ambitionsgraf.maturity.loader import load_directory
from ambitionsgraf.maturity.models import ModelVersion
from ambitionsgraf.organisations.models import Invitation, Membership, Role
from ambitionsgraf.plans.models import Action
from ambitionsgraf.rounds.models import Respondent

VISITOR = "visitor"
RESPONDENT = "respondent of A"
ADMIN_A = "admin of A"
COACH_A = "coach of A"
ADMIN_B = "admin of B"
ANALYST = "analyst"
MODEL_OWNER = "model owner"
PERSONAS = (VISITOR, RESPONDENT, ADMIN_A, COACH_A, ADMIN_B, ANALYST, MODEL_OWNER)
AGENCY = (ANALYST, MODEL_OWNER)
# Signed in, but not members of any organisation: outsiders on every organisation page.
OUTSIDERS = (ADMIN_B, *AGENCY)

API_NAMESPACE = "api"  # the REST API has its own matrix: ambitionsgraf/api/tests/test_access.py


def site_urls() -> dict:
    """URL name -> the names of its keyword arguments, for every pattern of the site."""
    found = {}

    def walk(patterns, namespaces, kwargs):
        for pattern in patterns:
            names = kwargs + list(pattern.pattern.regex.groupindex)
            if isinstance(pattern, URLResolver):
                if pattern.namespace == API_NAMESPACE:
                    continue
                inner = namespaces + [pattern.namespace] if pattern.namespace else namespaces
                walk(pattern.url_patterns, inner, names)
            else:
                assert pattern.name, f"The URL pattern {pattern.pattern} has no name."
                found[":".join([*namespaces, pattern.name])] = names

    walk(get_resolver().url_patterns, [], [])
    return found


@dataclass
class World:
    clients: dict
    values: dict  # keyword argument -> value, for the holder of each token
    tokens: dict  # URL namespace -> the token of its personal links
    emails: dict  # persona -> respondents' e-mail addresses its pages must never show


def altered(token: str) -> str:
    return token[:-1] + ("A" if token[-1] != "A" else "B")


def build_world(settings) -> World:
    """Two organisations (A with a closed round, an action, an invitation and a respondent
    still answering; B with a round), a coach of A and the agency's two kinds of staff."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    load_directory()
    version = ModelVersion.objects.current()
    org_a = make_organisation("Älvstads kommun")
    org_b = make_organisation("Bergby kommun")
    admin_a = make_admin(org_a, "admin@alvstad.example", name="Karin Holm")
    admin_b = make_admin(org_b, "admin@bergby.example", name="Outsider Olsson")
    coach = User.objects.create_user(email="coach@radgivning.example", password=PASSWORD)
    analyst = User.objects.create_user(
        email="analytiker@myndigheten.example", password=PASSWORD, agency_role="analyst"
    )
    model_owner = User.objects.create_user(
        email="modellagare@myndigheten.example", password=PASSWORD, agency_role="model_owner"
    )
    coaching = Membership.objects.create(organisation=org_a, user=coach, role=Role.COACH)

    round_a = make_round(org_a, version)
    for perspective in ("leadership", "procurement", "operations"):
        finished_respondents(round_a, perspective, 3)
    respondent, respondent_token = make_respondent(
        round_a, "operations", email="svarande@alvstad.example"
    )
    round_b = make_round(org_b, version, name="Bergbys omgång")
    finished_respondents(round_b, "leadership", 3)
    action = Action.objects.create(organisation=org_a, area_key="goals", description="Ta fram mål")
    invitation_token = new_token()
    invitation = Invitation.objects.create(
        organisation=org_a,
        email="kollega@alvstad.example",
        token_hash=token_hash(invitation_token),
        invited_by=admin_a,
    )
    clients = {
        VISITOR: Client(),
        RESPONDENT: Client(),
        ADMIN_A: logged_in(admin_a),
        COACH_A: logged_in(coach),
        ADMIN_B: logged_in(admin_b),
        ANALYST: logged_in(analyst),
        MODEL_OWNER: logged_in(model_owner),
    }
    everyone = set(Respondent.objects.values_list("email", flat=True))
    admin_a.refresh_from_db()  # signing in changed last_login, which the reset token covers
    return World(
        clients=clients,
        values={
            "code": org_a.code,
            "round_code": round_a.code,
            "action_code": action.code,
            "number": 1,
            # A draft, so the model owner's editor pages open (a published one gives 404).
            "version_id": drafts.new_draft(version).pk,
            "area_key": "goals",
            "question_key": "goals_known",
            "level": 1,
            "respondent_id": respondent.pk,
            "member_id": coaching.pk,
            "invitation_id": invitation.pk,
            "extension": "csv",
            "uidb64": urlsafe_base64_encode(force_bytes(admin_a.pk)),
        },
        tokens={
            "questionnaire": respondent_token,
            "organisations": invitation_token,
            "accounts": default_token_generator.make_token(admin_a),
        },
        emails={
            VISITOR: everyone,
            RESPONDENT: everyone - {respondent.email},
            COACH_A: everyone,
            ADMIN_B: everyone,
            ANALYST: everyone,
            MODEL_OWNER: everyone,
        },
    )


def url(world: World, name: str, kwargs: list, *, holder: bool) -> str:
    values = {key: world.values.get(key) for key in kwargs}
    if "token" in kwargs:
        token = world.tokens[name.split(":")[0]]
        values["token"] = token if holder else altered(token)
    with translation.override("sv"):
        return reverse(name, kwargs=values)
