"""No page of the model editor changes a published version: every editing URL answers 404 for
it, on GET and POST, and an upload with its key and version number is refused. (The models'
own guard is tested in maturity/tests/test_immutable.py.)"""

import pytest
import yaml
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ambitionsgraf.accounts.models import User
from ambitionsgraf.conftest import PASSWORD, english, logged_in, page_text
from ambitionsgraf.maturity.loader import MODEL_DIR, parse
from ambitionsgraf.maturity.modelfile import serialise
from ambitionsgraf.maturity.models import ModelVersion

# URL name -> its arguments after the version, and form data that would change something.
EDITING = {
    "lab:draft": ([], {}),
    "lab:draft_details": (
        [],
        {"name_sv": "X", "name_en": "X", "description_sv": "X", "description_en": "X"},
    ),
    "lab:draft_move": ([], {"area": "strategies", "direction": "up"}),
    "lab:draft_publish": ([], {}),
    "lab:draft_delete": ([], {}),
    "lab:draft_area": (
        ["goals"],
        {"title_sv": "X", "title_en": "X", "description_sv": "X", "description_en": "X"},
    ),
    "lab:draft_question_add": (
        ["goals"],
        {
            "key": "goals_extra",
            "text_sv": "X",
            "text_en": "X",
            "perspectives": ["leadership"],
            **{f"level_{n}_{lang}": "X" for n in range(1, 6) for lang in ("sv", "en")},
        },
    ),
    "lab:draft_guidance": (
        ["goals", 1],
        {"text_sv": "X", "text_en": "X", "action_1_sv": "X", "action_1_en": "X"},
    ),
    "lab:draft_question": (
        ["goals_known"],
        {
            "text_sv": "X",
            "text_en": "X",
            "perspectives": ["leadership"],
            **{f"level_{n}_{lang}": "X" for n in range(1, 6) for lang in ("sv", "en")},
        },
    ),
    "lab:draft_question_retire": (["goals_known"], {}),
}


@pytest.fixture
def owner(db):
    user = User.objects.create_user(
        email="modellagare@myndigheten.example", password=PASSWORD, agency_role="model_owner"
    )
    return logged_in(user)


def state(version):
    version = ModelVersion.objects.get(pk=version.pk)
    return serialise(version), version.status, version.published_at, version.source_sha256


@pytest.mark.parametrize("name", sorted(EDITING))
def test_every_editing_url_answers_404_for_a_published_version(owner, model_version, name):
    before = state(model_version)
    args, data = EDITING[name]
    url = reverse(name, args=[model_version.pk, *args])

    assert owner.get(url).status_code in (404, 405)
    assert owner.post(url, data).status_code == 404

    assert state(model_version) == before
    assert ModelVersion.objects.count() == 1


def test_an_upload_with_the_key_and_version_of_a_published_version_is_refused(owner, model_version):
    before = state(model_version)
    data = parse(MODEL_DIR / "ambitionsgraf-1.yaml")
    data["name"] = {"sv": "Ersatt", "en": "Replaced"}
    text = yaml.safe_dump(data, allow_unicode=True).encode()
    upload = SimpleUploadedFile("ambitionsgraf-1.yaml", text, content_type="application/yaml")

    response = owner.post(english("lab:upload"), {"file": upload})

    assert "Version 1 of ambitionsgraf already exists" in page_text(response)
    assert state(model_version) == before
    assert ModelVersion.objects.count() == 1


def test_a_new_draft_copies_a_published_version_without_touching_it(owner, model_version):
    before = state(model_version)

    owner.post(reverse("lab:new_draft", args=[model_version.pk]))

    assert state(model_version) == before
