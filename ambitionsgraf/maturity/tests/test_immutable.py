"""A published model version is never changed, whatever the path: the models' save() and
delete(), the querysets' update(), delete(), bulk_create() and bulk_update(). The product has no
Django admin (checked below), and the editor's pages are tested in
agency/tests/test_editor_immutable.py."""

import pytest
from django.conf import settings
from django.db.models import F

from ambitionsgraf.maturity import drafts
from ambitionsgraf.maturity.loader import MODEL_DIR, load_file
from ambitionsgraf.maturity.modelfile import serialise
from ambitionsgraf.maturity.models import (
    Area,
    Guidance,
    ModelVersion,
    PublishedVersionError,
    Question,
)


def state(version: ModelVersion) -> tuple:
    version = ModelVersion.objects.get(pk=version.pk)
    return serialise(version), version.status, version.published_at, version.source_sha256


@pytest.fixture
def before(model_version):
    return state(model_version)


def test_there_is_no_django_admin():
    assert "django.contrib.admin" not in settings.INSTALLED_APPS


def test_the_loader_creates_a_draft_and_publishes_it_at_the_end(db):
    version = load_file(MODEL_DIR / "ambitionsgraf-1.yaml").version

    version.refresh_from_db()
    assert version.is_published and version.published_at is not None
    assert version.areas.count() == 8


def change_version(v):
    v.name_en = "Changed"
    v.save()


def change_area(v):
    area = v.areas.first()
    area.title_en = "Changed"
    area.save()


def change_question(v):
    question = Question.objects.filter(area__model_version=v).first()
    question.text_en = "Changed"
    question.save()


def change_guidance(v):
    item = Guidance.objects.filter(area__model_version=v).first()
    item.actions = []
    item.save()


def unpublish(v):
    v.status = ModelVersion.Status.DRAFT
    v.save()


def add_area(v):
    Area.objects.create(model_version=v, key="extra", position=9, group="steering", title_sv="X")


def add_question(v):
    area = v.areas.first()
    area.questions.create(key="extra", position=9, text_sv="X", perspectives=[], levels=[])


def add_guidance(v):
    Guidance.objects.bulk_create([Guidance(area=v.areas.first(), level=6, text_sv="X")])


def move_question_out(v):
    """A published question moved into a draft still changes the published version."""
    draft = ModelVersion.objects.create(key="other", version=1, name_sv="Utkast", levels=[])
    area = Area.objects.create(
        model_version=draft, key="goals", position=1, group="steering", title_sv="Mål"
    )
    question = Question.objects.filter(area__model_version=v).first()
    question.area = area
    question.save()


CHANGES = {
    "save the version": change_version,
    "set the version back to draft": unpublish,
    "save an area": change_area,
    "save a question": change_question,
    "save guidance": change_guidance,
    "add an area": add_area,
    "add a question": add_question,
    "bulk-add guidance": add_guidance,
    "move a question into a draft": move_question_out,
    "delete the version": lambda v: v.delete(),
    "delete an area": lambda v: v.areas.first().delete(),
    "delete a question": lambda v: Question.objects.filter(area__model_version=v).first().delete(),
    "delete guidance": lambda v: Guidance.objects.filter(area__model_version=v).first().delete(),
    "update versions": lambda v: ModelVersion.objects.update(name_en="Changed"),
    "update areas": lambda v: v.areas.update(title_en="Changed"),
    "update questions": lambda v: Question.objects.update(position=F("position") + 1),
    "update guidance": lambda v: Guidance.objects.filter(level=1).update(text_en="Changed"),
    "delete versions": lambda v: ModelVersion.objects.all().delete(),
    "delete areas": lambda v: Area.objects.filter(key="goals").delete(),
    "delete questions": lambda v: Question.objects.all().delete(),
    "delete guidance in bulk": lambda v: Guidance.objects.all().delete(),
    "bulk-update questions": lambda v: Question.objects.bulk_update(
        list(Question.objects.all()[:2]), ["position"]
    ),
    "create a published version": lambda v: ModelVersion.objects.create(
        key="other", version=1, status="published", name_sv="X", levels=[]
    ),
    "bulk-create a published version": lambda v: ModelVersion.objects.bulk_create(
        [ModelVersion(key="other", version=1, status="published", name_sv="X", levels=[])]
    ),
}


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_every_change_to_a_published_version_is_refused(model_version, before, change):
    with pytest.raises(PublishedVersionError):
        change(model_version)

    assert state(model_version) == before


def test_a_draft_can_be_changed_and_deleted_in_every_way(model_version, before):
    draft = drafts.new_draft(model_version)

    change_version(draft)
    change_area(draft)
    change_question(draft)
    change_guidance(draft)
    draft.areas.update(title_en="Changed")
    Question.objects.filter(area__model_version=draft).update(comparable=False)
    draft.delete()

    assert state(model_version) == before
    assert list(ModelVersion.objects.all()) == [model_version]


def test_publishing_is_the_one_change_a_draft_may_have_and_only_once(model_version, before):
    draft = drafts.new_draft(model_version)
    draft.mark_published()

    with pytest.raises(PublishedVersionError):
        draft.mark_published()
    with pytest.raises(PublishedVersionError):
        change_question(draft)
    assert state(model_version) == before
