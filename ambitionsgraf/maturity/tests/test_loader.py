import copy
from pathlib import Path

import pytest
import yaml
from django.utils import translation

from ambitionsgraf.maturity.loader import MODEL_DIR, ModelFileError, load_file, parse
from ambitionsgraf.maturity.models import Area, ModelVersion, Question

MODEL_FILE = MODEL_DIR / "ambitionsgraf-1.yaml"


@pytest.fixture(autouse=True)
def english():
    """The messages are for the operator; assert on their English source text."""
    with translation.override("en"):
        yield


def write(tmp_path: Path, data, name="model.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture
def model_data():
    return yaml.safe_load(MODEL_FILE.read_text(encoding="utf-8"))


def test_the_shipped_model_is_valid_and_complete(model_data):
    parse(MODEL_FILE)
    assert [a["key"] for a in model_data["areas"]] == [
        "goals", "strategies", "planning", "follow_up",
        "responsibility", "organisation", "interplay", "facts",
    ]  # fmt: skip
    for area in model_data["areas"]:
        assert 4 <= len(area["questions"]) <= 6
        for perspective in ("leadership", "procurement", "operations"):
            asked = [q for q in area["questions"] if perspective in q["perspectives"]]
            assert len(asked) >= 3, (area["key"], perspective)


@pytest.mark.django_db
def test_loading_creates_a_published_version_with_all_texts():
    result = load_file(MODEL_FILE)
    assert result.created
    version = result.version
    assert version.is_published
    assert version.areas.count() == 8
    question = Question.objects.filter(area__model_version=version).first()
    assert len(question.levels) == 5
    assert question.tr("text", "sv") != question.tr("text", "en")
    assert all(area.guidance.count() == 5 for area in version.areas.all())


@pytest.mark.django_db
def test_loading_the_same_version_twice_changes_nothing():
    load_file(MODEL_FILE)
    counts = (ModelVersion.objects.count(), Area.objects.count(), Question.objects.count())
    again = load_file(MODEL_FILE)
    assert not again.created
    assert counts == (ModelVersion.objects.count(), Area.objects.count(), Question.objects.count())


@pytest.mark.django_db
def test_changed_content_under_a_loaded_version_is_refused(tmp_path, model_data):
    load_file(MODEL_FILE)
    model_data["areas"][0]["title"]["sv"] = "Nya mål"
    with pytest.raises(ModelFileError, match="already loaded"):
        load_file(write(tmp_path, model_data))
    assert Area.objects.get(key="goals").title_sv != "Nya mål"


@pytest.mark.django_db
def test_an_invalid_file_names_file_place_and_problem_and_loads_nothing(tmp_path, model_data):
    broken = copy.deepcopy(model_data)
    broken["version"] = 2
    del broken["areas"][2]["questions"][1]["levels"][4]
    path = write(tmp_path, broken, "broken.yaml")
    with pytest.raises(ModelFileError) as error:
        load_file(path)
    message = str(error.value)
    assert "broken.yaml" in message
    assert "areas[3].questions[2].levels" in message
    assert "expected 5 level descriptions, found 4" in message
    assert ModelVersion.objects.count() == 0
    assert Question.objects.count() == 0


@pytest.mark.parametrize(
    "change, place",
    [
        (lambda d: d["areas"][0]["questions"][0].pop("text"), "areas[1].questions[1].text"),
        (lambda d: d["areas"][0]["questions"][0]["text"].pop("en"), "questions[1].text.en"),
        (lambda d: d["areas"][1].update(key="Bad Key"), "areas[2].key"),
        (lambda d: d["areas"][1].update(key="goals"), "used twice"),
        (lambda d: d["areas"][0]["questions"][0].update(perspectives=["board"]), "perspectives"),
        (lambda d: d["areas"][0]["questions"][0].update(core=False), "core: true"),
        (lambda d: d["areas"][0]["guidance"].pop(), "guidance"),
        (lambda d: d["areas"][0]["questions"][0].update(strategy_goal=9), "strategy_goal"),
        (lambda d: d.update(format=2), "format"),
    ],
)
def test_each_kind_of_mistake_is_named(tmp_path, model_data, change, place):
    change(model_data)
    with pytest.raises(ModelFileError) as error:
        parse(write(tmp_path, model_data))
    assert place in str(error.value)


def test_broken_yaml_reports_line_and_column(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("format: 1\nkey: [unclosed\n", encoding="utf-8")
    with pytest.raises(ModelFileError) as error:
        parse(path)
    assert "bad.yaml" in str(error.value)
    assert "line" in str(error.value)


def test_a_missing_file_is_reported(tmp_path):
    with pytest.raises(ModelFileError, match="cannot be read"):
        parse(tmp_path / "nope.yaml")
