"""Drafts: a copy of the newest published version or an uploaded model file, serialised to the
model-file dict, checked in full and published."""

import copy

import pytest
import yaml
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.utils import translation

from ambitionsgraf.audit.models import Event
from ambitionsgraf.conftest import make_organisation, make_round
from ambitionsgraf.maturity import drafts
from ambitionsgraf.maturity.draft_checks import problems
from ambitionsgraf.maturity.loader import MODEL_DIR, fingerprint, load_file, parse
from ambitionsgraf.maturity.modelfile import serialise
from ambitionsgraf.maturity.models import ModelVersion, Question

MODEL_FILE = MODEL_DIR / "ambitionsgraf-1.yaml"


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def upload(data, name="model.yaml") -> SimpleUploadedFile:
    text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True)
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="application/yaml")


def next_file(version=2) -> dict:
    data = parse(MODEL_FILE)
    data["version"] = version
    return data


def question(version, key) -> Question:
    return Question.objects.get(area__model_version=version, key=key)


# ---------------------------------------------------------------- serialising


def test_a_published_version_serialises_to_the_content_of_its_model_file(model_version):
    data = parse(MODEL_FILE)
    for area in data["areas"]:
        for q in area["questions"]:
            if not q.get("core"):
                q.pop("core", None)

    assert serialise(model_version) == data
    assert fingerprint(serialise(model_version)) == model_version.source_sha256


# ---------------------------------------------------------------- a new draft


def test_a_new_draft_is_a_full_copy_with_the_next_version_number(model_version):
    draft = drafts.new_draft(model_version)

    assert draft.is_draft and draft.version == 2 and draft.published_at is None
    copied, original = serialise(draft), serialise(model_version)
    assert copied.pop("version") == 2 and original.pop("version") == 1
    assert copied == original
    assert ModelVersion.objects.current() == model_version


def test_a_model_has_only_one_draft_at_a_time(model_version):
    drafts.new_draft(model_version)

    with pytest.raises(drafts.DraftError, match="already a draft"):
        drafts.new_draft(model_version)
    assert ModelVersion.objects.count() == 2


def test_the_database_holds_one_draft_per_model_even_when_two_are_made_at_once(model_version):
    drafts.new_draft(model_version)

    with pytest.raises(IntegrityError), transaction.atomic():
        ModelVersion.objects.create(key="ambitionsgraf", version=9, name_sv="X", levels=[])


def test_a_draft_is_made_from_the_newest_published_version_only(model_version, newer_model_version):
    with pytest.raises(drafts.DraftError, match="newest published"):
        drafts.new_draft(model_version)

    assert drafts.new_draft(newer_model_version).version == 3


def test_a_new_draft_starts_with_every_question_comparable(model_version):
    second = drafts.new_draft(model_version)
    changed = question(second, "goals_known")
    changed.comparable = False
    changed.save()
    second = drafts.publish(second)

    third = drafts.new_draft(second)

    assert question(third, "goals_known").comparable


def test_a_draft_can_be_deleted_with_everything_in_it(model_version):
    draft = drafts.new_draft(model_version)

    drafts.delete_draft(draft)

    assert list(ModelVersion.objects.all()) == [model_version]
    assert not Question.objects.filter(area__model_version__version=2).exists()


# ---------------------------------------------------------------- uploading


def test_an_uploaded_file_becomes_a_draft_never_a_published_version(model_version):
    draft = drafts.draft_from_upload(upload(next_file()))

    assert draft.is_draft and draft.version == 2
    assert question(draft, "goals_known").comparable
    assert ModelVersion.objects.current() == model_version


def test_an_uploaded_file_can_mark_a_question_not_comparable(model_version):
    data = next_file()
    data["areas"][0]["questions"][1]["comparable"] = False

    draft = drafts.draft_from_upload(upload(data))

    assert not question(draft, "goals_measurable").comparable
    assert question(draft, "goals_known").comparable


def test_a_bad_file_lists_its_problems_and_saves_nothing(model_version):
    data = next_file()
    data["areas"][0]["questions"][0]["levels"].pop()
    data["areas"][1]["title"]["en"] = ""

    with pytest.raises(drafts.DraftError) as refused:
        drafts.draft_from_upload(upload(data))

    assert "areas[1].questions[1].levels: expected 5 level descriptions, found 4" in (
        refused.value.problems
    )
    assert "areas[2].title.en: the text is missing or empty" in refused.value.problems
    assert ModelVersion.objects.count() == 1


@pytest.mark.parametrize(
    "text",
    ["areas: [unclosed", "just a sentence", "\xff".encode("latin-1").decode("latin-1")],
)
def test_a_file_that_is_not_a_model_file_is_refused(model_version, text):
    with pytest.raises(drafts.DraftError) as refused:
        drafts.draft_from_upload(upload(text))

    assert refused.value.problems
    assert ModelVersion.objects.count() == 1


def test_an_upload_never_replaces_a_published_version(model_version):
    data = parse(MODEL_FILE)
    data["name"]["en"] = "Another name"

    with pytest.raises(drafts.DraftError) as refused:
        drafts.draft_from_upload(upload(data))

    assert any("Version 1 of ambitionsgraf already exists" in p for p in refused.value.problems)
    model_version.refresh_from_db()
    assert model_version.name_en == "The ambition graph"


def test_an_upload_below_the_newest_published_version_is_refused(model_version):
    drafts.publish(drafts.draft_from_data(next_file(3)))

    with pytest.raises(drafts.DraftError) as refused:
        drafts.draft_from_upload(upload(next_file(2)))

    assert any("higher than 3" in p for p in refused.value.problems)
    assert not ModelVersion.objects.filter(version=2).exists()


def test_an_upload_while_a_draft_exists_is_refused(model_version):
    drafts.new_draft(model_version)

    with pytest.raises(drafts.DraftError, match="already a draft"):
        drafts.draft_from_upload(upload(next_file(3)))


def test_a_retired_question_key_cannot_come_back(model_version):
    second = drafts.new_draft(model_version)
    question(second, "goals_known").delete()
    second = drafts.publish(second)
    data = next_file(3)  # version 1's content, goals_known included

    with pytest.raises(drafts.DraftError) as refused:
        drafts.draft_from_upload(upload(data))

    assert any("goals_known" in p and "never reused" in p for p in refused.value.problems)


def test_a_file_larger_than_the_limit_is_refused(model_version, monkeypatch):
    monkeypatch.setattr(drafts, "MAX_UPLOAD_BYTES", 100)

    with pytest.raises(drafts.DraftError, match="larger than"):
        drafts.draft_from_upload(upload(next_file()))


# ---------------------------------------------------------------- publishing


def test_publishing_makes_the_version_current_and_is_logged(model_version):
    running = make_round(make_organisation("Älvstads kommun"), model_version)
    draft = drafts.new_draft(model_version)

    drafts.publish(draft)

    draft.refresh_from_db()
    assert draft.is_published and draft.published_at is not None
    assert draft.source_sha256 == fingerprint(serialise(draft))
    assert ModelVersion.objects.current() == draft
    running.refresh_from_db()
    assert running.model_version == model_version
    event = Event.objects.get(action="model_version_published")
    assert event.details == {"key": "ambitionsgraf", "version": 2}


def test_a_published_draft_can_be_loaded_again_from_its_file_without_change(
    model_version, tmp_path
):
    draft = drafts.new_draft(model_version)
    drafts.publish(draft)
    path = tmp_path / "ambitionsgraf-2.yaml"
    path.write_text(yaml.safe_dump(serialise(draft), allow_unicode=True), encoding="utf-8")

    assert not load_file(path).created


def test_publishing_refuses_with_every_problem_and_changes_nothing(model_version):
    draft = drafts.new_draft(model_version)
    first = question(draft, "goals_measurable")
    first.is_core = True  # a second core question in Goals
    first.levels = [*first.levels[:4], {"sv": "Vi mäter.", "en": ""}]
    first.save()

    with pytest.raises(drafts.DraftError) as refused:
        drafts.publish(draft)

    found = refused.value.problems
    assert "Goals › goals_measurable.levels[5].en: the text is missing or empty" in found
    assert any(p.startswith("Goals.questions: exactly one question") for p in found)
    draft.refresh_from_db()
    assert draft.is_draft and not Event.objects.exists()
    assert ModelVersion.objects.current() == model_version


def test_publishing_a_published_version_is_refused(model_version):
    with pytest.raises(drafts.DraftError, match="already published"):
        drafts.publish(model_version)


def test_the_problems_of_a_complete_draft_are_none(model_version):
    assert problems(drafts.new_draft(model_version)) == []


def test_a_draft_that_takes_back_a_retired_key_cannot_be_published(model_version):
    second = drafts.new_draft(model_version)
    question(second, "goals_known").delete()
    second = drafts.publish(second)
    third = drafts.draft_from_data(_with_version(serialise(model_version), 3))

    assert any("goals_known" in p for p in problems(third))


def _with_version(data, number):
    data = copy.deepcopy(data)
    data["version"] = number
    return data
