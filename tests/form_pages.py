"""The form pages of the site for the form properties (test_forms_properties.py): who may
post to each, where its form is, and the world they are tried in."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.tokens import default_token_generator
from django.test import Client
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from ambitionsgraf.accounts.models import User
from ambitionsgraf.accounts.testing import give_totp_device
from ambitionsgraf.api.testing import make_token
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

VISITOR, RESPONDENT, ADMIN, COACH = "visitor", "respondent", "admin", "coach"
TWO_FACTOR = "admin with two-factor"
MODEL_OWNER = "model owner"


# ---------------------------------------------------------------- the pages


@dataclass(frozen=True)
class Page:
    """A URL that takes a POST, who may post to it, and where its form is.

    `kwargs` maps the URL's keyword arguments to keys of World.values. `form_from` names the
    page that holds the form (with its own `form_kwargs`) when it is not the URL itself, as
    for POST-only URLs; `fields` adds names the page does not show. `setup` is an extra step
    before each POST (a GET that puts something in the session)."""

    name: str
    persona: str
    kwargs: dict = field(default_factory=dict)
    form_from: str | None = None
    form_kwargs: dict | None = None
    fields: tuple = ()
    setup: str | None = None

    def __str__(self):
        return f"{self.name} as {self.persona}"


ORG = {"code": "code"}
ROUND = {"code": "code", "round_code": "round_code"}
ACTION = {"code": "code", "action_code": "action_code"}
LINK = {"token": "respondent_token"}
ONE_RESPONDENT = ROUND | {"respondent_id": "respondent_id"}
DRAFT = {"version_id": "draft_id"}
DRAFT_AREA = DRAFT | {"area_key": "area_key"}
DRAFT_QUESTION = DRAFT | {"question_key": "question_key"}

PAGES = [
    Page("accounts:signup", VISITOR),
    Page("accounts:login", VISITOR),
    Page("accounts:password_reset", VISITOR),
    Page(
        "accounts:password_reset_confirm",
        VISITOR,
        {"uidb64": "uidb64", "token": "set_password_token"},
        setup="reset_link",
    ),
    Page("accounts:sign_out_everywhere", ADMIN, form_from="accounts:account"),
    Page("accounts:delete_account", COACH),
    Page("accounts:delete_account", ADMIN),  # one of two admins: may go
    Page("accounts:login_code", VISITOR, setup="pending_sign_in"),
    Page("accounts:two_factor_setup", ADMIN),
    Page("accounts:new_recovery_codes", TWO_FACTOR, form_from="accounts:account"),
    Page("accounts:two_factor_off", TWO_FACTOR),
    Page("organisations:settings", ADMIN, ORG),
    Page("organisations:export_data", ADMIN, ORG, form_from="organisations:settings"),
    Page("organisations:delete", ADMIN, ORG),
    Page("organisations:invite_admin", ADMIN, ORG),
    Page("organisations:accept_invitation", VISITOR, {"token": "invitation_token"}),
    Page("organisations:remove_member", ADMIN, ORG | {"member_id": "member_id"}),
    Page(
        "organisations:switch_role",
        ADMIN,
        ORG | {"member_id": "member_id"},
        form_from="organisations:overview",
        form_kwargs=ORG,
    ),
    Page("organisations:leave", ADMIN, ORG),
    Page("organisations:leave", COACH, ORG),
    Page(
        "organisations:withdraw_invitation",
        ADMIN,
        ORG | {"invitation_id": "invitation_id"},
        form_from="organisations:overview",
        form_kwargs=ORG,
    ),
    Page(
        "organisations:resend_invitation",
        ADMIN,
        ORG | {"invitation_id": "invitation_id"},
        form_from="organisations:overview",
        form_kwargs=ORG,
    ),
    Page("rounds:new", ADMIN, ORG),
    Page("rounds:new_from_last", ADMIN, ORG),
    Page("rounds:invite", ADMIN, ROUND),
    Page("rounds:remind", ADMIN, ROUND),
    Page("rounds:ambition", ADMIN, ROUND),
    Page("rounds:close", ADMIN, ROUND),
    Page("rounds:revoke_link", ADMIN, ONE_RESPONDENT, form_from="rounds:detail", form_kwargs=ROUND),
    Page("rounds:resend_link", ADMIN, ONE_RESPONDENT, form_from="rounds:detail", form_kwargs=ROUND),
    Page("questionnaire:area", RESPONDENT, LINK | {"number": "number"}),
    Page("questionnaire:finish", RESPONDENT, LINK, form_from="questionnaire:summary"),
    Page("questionnaire:my_data", RESPONDENT, LINK),
    Page("plans:add_proposal", ADMIN, ORG, form_from="plans:plan", fields=("area", "proposal")),
    Page("plans:add", ADMIN, ORG),
    Page("plans:edit", ADMIN, ACTION),
    Page("plans:drop", ADMIN, ACTION),
    Page("plans:status", ADMIN, ACTION, form_from="plans:plan", form_kwargs=ORG),
    Page("plans:comment", ADMIN, ACTION),
    Page("plans:comment", COACH, ACTION),
    Page("workshop:area", ADMIN, ROUND | {"number": "number"}),
    Page("workshop:summary", ADMIN, ROUND),
    Page("quickcheck:start", VISITOR),
    Page("lab:upload", MODEL_OWNER),
    # The world has a draft, so the lab's page shows no "new draft" form: a POST is refused.
    Page("lab:new_draft", MODEL_OWNER, {"version_id": "version_id"}, "lab:index", {}, ("name",)),
    Page("lab:draft_details", MODEL_OWNER, DRAFT),
    Page("lab:draft_move", MODEL_OWNER, DRAFT, form_from="lab:draft", form_kwargs=DRAFT),
    Page("lab:draft_publish", MODEL_OWNER, DRAFT),
    Page("lab:draft_delete", MODEL_OWNER, DRAFT),
    Page("lab:draft_area", MODEL_OWNER, DRAFT_AREA),
    Page("lab:draft_question_add", MODEL_OWNER, DRAFT_AREA),
    Page("lab:draft_guidance", MODEL_OWNER, DRAFT_AREA | {"level": "level"}),
    Page("lab:draft_question", MODEL_OWNER, DRAFT_QUESTION),
    Page("lab:draft_question_retire", MODEL_OWNER, DRAFT_QUESTION),
    Page("api_tokens:list", ADMIN, ORG),
    Page("api_tokens:revoke", ADMIN, ORG, form_from="api_tokens:list", form_kwargs=ORG),
]


# ---------------------------------------------------------------- the world


@dataclass
class World:
    users: dict
    values: dict


def build_world() -> World:
    load_directory()
    version = ModelVersion.objects.current()
    org = make_organisation("Älvstads kommun")
    admin = make_admin(org, "admin@alvstad.example", name="Karin Holm")
    coach = User.objects.create_user(email="coach@radgivning.example", password=PASSWORD)
    coaching = Membership.objects.create(organisation=org, user=coach, role=Role.COACH)
    round_ = make_round(org, version)
    for perspective in ("leadership", "procurement", "operations"):
        finished_respondents(round_, perspective, 3, level=2)
    areas = {a.key: a for a in version.areas.all()}
    for key, target in {"goals": "4.5", "strategies": "4"}.items():  # gaps: proposals
        round_.ambitions.create(area=areas[key], target=Decimal(target))
    respondent, respondent_token = make_respondent(
        round_, "operations", email="svarande@alvstad.example"
    )
    two_factor = make_admin(org, "tvasteg@alvstad.example", name="Tove Tvåsteg")
    give_totp_device(two_factor)
    owner = User.objects.create_user(
        email="modellagare@myndigheten.example", password=PASSWORD, agency_role="model_owner"
    )
    action = Action.objects.create(organisation=org, area_key="goals", description="Ta fram mål")
    make_token(org, name="Statistikprogrammet")
    invitation_token = new_token()
    invitation = Invitation.objects.create(
        organisation=org,
        email="kollega@alvstad.example",
        token_hash=token_hash(invitation_token),
        invited_by=admin,
    )
    return World(
        users={ADMIN: admin, COACH: coach, TWO_FACTOR: two_factor, MODEL_OWNER: owner},
        values={
            "respondent_id": respondent.pk,
            "member_id": coaching.pk,
            "invitation_id": invitation.pk,
            "version_id": version.pk,
            "draft_id": drafts.new_draft(version).pk,
            "area_key": "goals",
            "question_key": "goals_known",
            "level": 1,
            "code": org.code,
            "round_code": round_.code,
            "action_code": action.code,
            "number": 1,
            "respondent_token": respondent_token,
            "invitation_token": invitation_token,
            "uidb64": urlsafe_base64_encode(force_bytes(admin.pk)),
            "reset_token": default_token_generator.make_token(admin),
            "set_password_token": "set-password",
        },
    )


def client_for(world: World, persona: str) -> Client:
    return logged_in(world.users[persona]) if persona in world.users else Client()


def path(world: World, name: str, kwargs: dict) -> str:
    return reverse(name, kwargs={k: world.values[v] for k, v in kwargs.items()})


def prepare(world: World, page: Page, client: Client) -> None:
    if page.setup == "reset_link":  # the link in the e-mail puts the token in the session
        link = path(world, page.name, {"uidb64": "uidb64", "token": "reset_token"})
        assert client.get(link).status_code == 302
    elif page.setup == "pending_sign_in":  # the password was right; the code is asked for
        user = world.users[TWO_FACTOR]
        response = client.post(
            reverse("accounts:login"), {"username": user.email, "password": PASSWORD}
        )
        assert response.status_code == 302
