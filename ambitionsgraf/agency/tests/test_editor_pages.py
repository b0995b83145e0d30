"""The model editor's pages for the model owner: start a draft, edit its texts and order, add
and retire questions, edit guidance, upload a file and publish."""

import pytest
import yaml
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ambitionsgraf.accounts.models import User
from ambitionsgraf.audit.models import Event
from ambitionsgraf.conftest import PASSWORD, english, in_language, logged_in, page_text
from ambitionsgraf.maturity import drafts
from ambitionsgraf.maturity.draft_checks import problems
from ambitionsgraf.maturity.loader import MODEL_DIR, parse
from ambitionsgraf.maturity.modelfile import serialise
from ambitionsgraf.maturity.models import ModelVersion, Question


@pytest.fixture
def owner(db):
    return logged_in(
        User.objects.create_user(
            email="modellagare@myndigheten.example", password=PASSWORD, agency_role="model_owner"
        )
    )


@pytest.fixture
def draft(model_version):
    return drafts.new_draft(model_version)


def question(version, key) -> Question:
    return Question.objects.get(area__model_version=version, key=key)


def question_post(q: Question, **changes) -> dict:
    data = {"text_sv": q.text_sv, "text_en": q.text_en, "perspectives": q.perspectives}
    for n, level in enumerate(q.levels, start=1):
        data[f"level_{n}_sv"], data[f"level_{n}_en"] = level["sv"], level["en"]
    if q.strategy_goal:
        data["strategy_goal"] = str(q.strategy_goal)
    if q.is_core:
        data["is_core"] = "on"
    if q.comparable:
        data["comparable"] = "on"
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


# ---------------------------------------------------------------- starting a draft


def test_the_index_offers_a_new_draft_and_an_upload(owner, model_version):
    text = page_text(owner.get(english("lab:index")))

    assert "New draft from version 1" in text
    assert reverse("lab:new_draft", args=[model_version.pk]) in text
    assert "Upload a model file" in text


def test_a_new_draft_opens_in_the_editor_and_the_index_links_to_it(owner, model_version):
    response = owner.post(reverse("lab:new_draft", args=[model_version.pk]))

    draft = ModelVersion.objects.drafts().get()
    assert response["Location"] == reverse("lab:draft", args=[draft.pk])
    text = page_text(owner.get(english("lab:index")))
    assert "Edit draft" in text and "Publish" in text
    assert "New draft from version" not in text


def test_a_second_draft_is_refused_with_a_message(owner, model_version, draft):
    response = owner.post(reverse("lab:new_draft", args=[model_version.pk]), follow=True)

    message = "There is already a draft of this model. Publish or delete it first."
    assert in_language("sv", message) in page_text(response)
    assert ModelVersion.objects.count() == 2


def test_the_draft_page_shows_the_areas_questions_and_that_it_can_be_published(owner, draft):
    text = page_text(owner.get(english("lab:draft", draft.pk)))

    assert "Draft: The ambition graph 2" in text
    assert "The draft is complete and can be published." in text
    assert "goals_known" in text and "Guidance per level" in text
    assert "style=" not in text and "<script>" not in text


# ---------------------------------------------------------------- texts


def test_the_name_and_description_are_saved(owner, draft):
    data = {
        "name_sv": "Ambitionsgrafen",
        "name_en": "The ambition graph, revised",
        "description_sv": "Ny beskrivning.",
        "description_en": "A new description.",
    }
    response = owner.post(reverse("lab:draft_details", args=[draft.pk]), data)

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.name_en == "The ambition graph, revised"
    assert draft.description_sv == "Ny beskrivning."


def test_an_empty_text_is_refused_by_its_field_and_nothing_is_saved(owner, draft):
    before = serialise(draft)
    response = owner.post(
        english("lab:draft_area", draft.pk, "goals"),
        {"title_sv": "Mål", "title_en": "", "description_sv": "X", "description_en": "Y"},
    )

    assert response.status_code == 400
    assert "This field is required." in page_text(response)
    assert serialise(draft) == before


def test_a_question_text_is_changed_and_marked_not_comparable(owner, draft):
    q = question(draft, "goals_known")
    data = question_post(q, text_en="How well does all staff know the goals?", comparable=None)

    response = owner.post(reverse("lab:draft_question", args=[draft.pk, q.key]), data)

    assert response.status_code == 302
    q.refresh_from_db()
    assert q.text_en == "How well does all staff know the goals?" and not q.comparable
    text = page_text(owner.get(english("lab:draft", draft.pk)))
    assert "Not comparable with version 1" in text


def test_making_a_question_core_takes_the_flag_from_the_other(owner, draft):
    q = question(draft, "goals_known")

    url = reverse("lab:draft_question", args=[draft.pk, q.key])
    owner.post(url, question_post(q, is_core="on"))

    assert question(draft, "goals_known").is_core
    assert not question(draft, "goals_derived").is_core


def test_a_question_needs_a_perspective_and_five_levels_in_both_languages(owner, draft):
    q = question(draft, "goals_known")
    data = question_post(q, perspectives=[], level_3_en="")

    response = owner.post(english("lab:draft_question", draft.pk, q.key), data)

    text = page_text(response)
    assert "Choose at least one perspective." in text and "This field is required." in text
    assert question(draft, "goals_known").levels == q.levels


def test_guidance_is_saved_with_its_actions_in_pairs(owner, draft):
    data = {
        "text_sv": "Nästa steg.",
        "text_en": "The next step.",
        "action_1_sv": "Gör en plan.",
        "action_1_en": "Make a plan.",
    }

    response = owner.post(reverse("lab:draft_guidance", args=[draft.pk, "goals", 2]), data)

    assert response.status_code == 302
    item = draft.areas.get(key="goals").guidance.get(level=2)
    assert item.actions == [{"sv": "Gör en plan.", "en": "Make a plan."}]


def test_an_action_in_one_language_only_is_refused(owner, draft):
    data = {"text_sv": "A", "text_en": "B", "action_1_sv": "Gör en plan.", "action_1_en": ""}

    response = owner.post(english("lab:draft_guidance", draft.pk, "goals", 2), data)

    assert "Write the action in both languages." in page_text(response)


# ---------------------------------------------------------------- order, new and retired


def test_areas_and_questions_move_up_and_down(owner, draft):
    url = reverse("lab:draft_move", args=[draft.pk])

    owner.post(url, {"area": "strategies", "direction": "up"})
    owner.post(url, {"question": "goals_measurable", "direction": "down"})

    assert [a.key for a in draft.areas.order_by("position")][:2] == ["strategies", "goals"]
    keys = list(draft.areas.get(key="goals").questions.values_list("key", flat=True))
    assert keys[1:3] == ["goals_decided", "goals_measurable"]


def test_moving_past_the_end_changes_nothing(owner, draft):
    before = serialise(draft)

    url = reverse("lab:draft_move", args=[draft.pk])
    response = owner.post(url, {"area": "goals", "direction": "up"}, follow=True)

    assert in_language("sv", "Nothing was moved: it is already at that end.") in page_text(response)
    assert serialise(draft) == before


def new_question(key, **changes) -> dict:
    data = {"key": key, "text_sv": "Fråga?", "text_en": "Question?", "perspectives": ["leadership"]}
    for n in range(1, 6):
        data[f"level_{n}_sv"], data[f"level_{n}_en"] = f"Nivå {n}.", f"Level {n}."
    data.update(changes)
    return data


def test_a_question_is_added_last_in_its_area_and_marked_new(owner, draft):
    response = owner.post(
        reverse("lab:draft_question_add", args=[draft.pk, "goals"]), new_question("goals_reviewed")
    )

    assert response.status_code == 302
    added = question(draft, "goals_reviewed")
    assert added.position == 6 and added.perspectives == ["leadership"]
    text = page_text(owner.get(english("lab:draft", draft.pk)))
    assert "New" in text
    assert problems(draft) == []


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("Goals Reviewed", "Use lowercase letters, digits and underscores"),
        ("goals_known", "Another question in this draft has this key."),
    ],
)
def test_a_new_question_needs_a_new_slug_like_key(owner, draft, key, message):
    response = owner.post(english("lab:draft_question_add", draft.pk, "goals"), new_question(key))

    assert message in page_text(response)
    assert Question.objects.filter(area__model_version=draft).count() == 40


def test_a_retired_key_is_never_reused(owner, model_version, draft):
    question(draft, "goals_known").delete()
    second = drafts.publish(draft)
    third = drafts.new_draft(second)

    response = owner.post(
        english("lab:draft_question_add", third.pk, "goals"), new_question("goals_known")
    )

    assert "Version 1 used this key. A key is never reused" in page_text(response)


def test_a_question_is_retired_from_the_draft_and_listed_as_retired(owner, draft):
    response = owner.post(reverse("lab:draft_question_retire", args=[draft.pk, "goals_measurable"]))

    assert response.status_code == 302
    assert not Question.objects.filter(area__model_version=draft, key="goals_measurable").exists()
    positions = list(draft.areas.get(key="goals").questions.values_list("position", flat=True))
    assert positions == [1, 2, 3, 4]
    text = page_text(owner.get(english("lab:draft", draft.pk)))
    assert "Retired in this draft" in text and "goals_measurable" in text


# ---------------------------------------------------------------- upload


def upload_file(data) -> SimpleUploadedFile:
    text = yaml.safe_dump(data, allow_unicode=True)
    return SimpleUploadedFile("model.yaml", text.encode(), content_type="application/yaml")


def test_an_uploaded_file_becomes_a_draft(owner, model_version):
    data = parse(MODEL_DIR / "ambitionsgraf-1.yaml")
    data["version"] = 2

    response = owner.post(reverse("lab:upload"), {"file": upload_file(data)})

    draft = ModelVersion.objects.drafts().get()
    assert response["Location"] == reverse("lab:draft", args=[draft.pk])
    assert ModelVersion.objects.current() == model_version


def test_a_bad_upload_lists_every_problem_and_saves_nothing(owner, model_version):
    data = parse(MODEL_DIR / "ambitionsgraf-1.yaml")
    data["version"] = 2
    data["areas"][0]["questions"][0]["levels"].pop()
    data["name"]["en"] = ""

    response = owner.post(english("lab:upload"), {"file": upload_file(data)})

    text = page_text(response)
    assert "The file was not read: 2 problems" in text
    assert "expected 5 level descriptions, found 4" in text
    assert ModelVersion.objects.count() == 1


def test_an_upload_without_a_file_is_refused_by_the_field(owner, model_version):
    response = owner.post(english("lab:upload"), {})

    assert "This field is required." in page_text(response)


# ---------------------------------------------------------------- publish and delete


def test_publishing_refuses_with_the_list_of_problems(owner, draft):
    q = question(draft, "goals_known")
    q.is_core = True
    q.save()  # bypasses the form, which would move the flag: two core questions in Goals

    response = owner.post(english("lab:draft_publish", draft.pk))

    text = page_text(response)
    assert "The version was not published. Nothing was changed." in text
    assert "exactly one question must be marked core" in text
    draft.refresh_from_db()
    assert draft.is_draft
    assert not Event.objects.filter(action="model_version_published").exists()


def test_publishing_makes_the_draft_current_and_logs_it(owner, model_version, draft):
    assert "Publish version 2" in page_text(owner.get(english("lab:draft_publish", draft.pk)))

    response = owner.post(reverse("lab:draft_publish", args=[draft.pk]))

    assert response["Location"] == reverse("lab:index")
    assert ModelVersion.objects.current() == draft
    event = Event.objects.get(action="model_version_published")
    assert event.actor.email == "modellagare@myndigheten.example"


def test_a_draft_is_deleted_after_a_confirmation(owner, model_version, draft):
    assert "Delete the draft of version 2" in page_text(
        owner.get(english("lab:draft_delete", draft.pk))
    )

    owner.post(reverse("lab:draft_delete", args=[draft.pk]))

    assert list(ModelVersion.objects.all()) == [model_version]


def test_a_version_downloads_as_a_model_file_that_reads_back(owner, model_version, tmp_path):
    response = owner.get(reverse("lab:model_file", args=[model_version.pk]))

    assert response["Content-Disposition"] == 'attachment; filename="ambitionsgraf-1.yaml"'
    path = tmp_path / "back.yaml"
    path.write_bytes(response.content)
    assert parse(path) == serialise(model_version)


def test_the_draft_page_reads_a_fixed_number_of_queries(
    owner, draft, django_assert_max_num_queries
):
    # Measured: 14, whatever the number of areas and questions (prefetched).
    with django_assert_max_num_queries(18):
        assert owner.get(reverse("lab:draft", args=[draft.pk])).status_code == 200
