"""Who may open the model editor: model owners only. Analysts and organisation users get 404,
a visitor is sent to sign in, and nobody else's POST changes anything."""

import pytest
from django.test import Client
from django.urls import reverse

from ambitionsgraf.accounts.models import User
from ambitionsgraf.conftest import PASSWORD, logged_in, make_admin, make_organisation
from ambitionsgraf.maturity import drafts
from ambitionsgraf.maturity.modelfile import serialise
from ambitionsgraf.maturity.models import ModelVersion

POST_ONLY = {"lab:new_draft", "lab:draft_move"}


def agency_user(role: str) -> User:
    return User.objects.create_user(
        email=f"{role}@myndigheten.example", password=PASSWORD, agency_role=role
    )


@pytest.fixture
def draft(model_version):
    return drafts.new_draft(model_version)


# URL name -> its arguments: "published" and "draft" stand for the versions' ids.
URLS = {
    "lab:upload": [],
    "lab:new_draft": ["published"],
    "lab:model_file": ["draft"],
    "lab:draft": ["draft"],
    "lab:draft_details": ["draft"],
    "lab:draft_move": ["draft"],
    "lab:draft_publish": ["draft"],
    "lab:draft_delete": ["draft"],
    "lab:draft_area": ["draft", "goals"],
    "lab:draft_question_add": ["draft", "goals"],
    "lab:draft_guidance": ["draft", "goals", 1],
    "lab:draft_question": ["draft", "goals_known"],
    "lab:draft_question_retire": ["draft", "goals_known"],
}
NAMES = sorted(URLS)


def editor_urls(model_version, draft) -> dict[str, str]:
    ids = {"published": model_version.pk, "draft": draft.pk}
    return {name: reverse(name, args=[ids.get(a, a) for a in args]) for name, args in URLS.items()}


@pytest.mark.parametrize("name", NAMES)
def test_the_model_owner_may_open_every_page(model_version, draft, name):
    client = logged_in(agency_user("model_owner"))

    response = client.get(editor_urls(model_version, draft)[name])

    assert response.status_code == (405 if name in POST_ONLY else 200)


@pytest.mark.parametrize("name", NAMES)
def test_a_visitor_is_sent_to_sign_in(model_version, draft, name):
    response = Client().get(editor_urls(model_version, draft)[name])

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def outsiders():
    organisation = make_organisation("Älvstads kommun")
    return {
        "analyst": logged_in(agency_user("analyst")),
        "organisation admin": logged_in(make_admin(organisation, "admin@alvstad.example")),
    }


@pytest.mark.parametrize("name", NAMES)
def test_analysts_and_organisation_users_get_404_and_change_nothing(model_version, draft, name):
    before = serialise(draft), ModelVersion.objects.count()
    url = editor_urls(model_version, draft)[name]

    for who, client in outsiders().items():
        assert client.get(url).status_code == 404, who
        assert client.post(url, {"name_sv": "X", "direction": "up"}).status_code == 404, who

    assert (serialise(draft), ModelVersion.objects.count()) == before
