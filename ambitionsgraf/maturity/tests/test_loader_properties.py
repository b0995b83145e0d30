"""Whatever a model file holds, loading it either works or stops with a ModelFileError that says
what is wrong; never another exception, and never a half-loaded version.

Hypothesis writes arbitrary text and bytes, arbitrary data shaped like a model file, and
small mutations of the shipped file (a key dropped, a value of the wrong type, a key written
twice, a huge or unprintable string, bytes that are not UTF-8).
"""

import copy
import datetime as dt
import tempfile
from pathlib import Path

import pytest
import yaml
from django.db import transaction
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ambitionsgraf.maturity.loader import MODEL_DIR, ModelFileError, load_file, parse
from ambitionsgraf.maturity.models import Area, ModelVersion, Question
from ambitionsgraf.maturity.validation import validate

MODEL_FILE = MODEL_DIR / "ambitionsgraf-1.yaml"
MODEL_TEXT = MODEL_FILE.read_text(encoding="utf-8")
MODEL_DATA = yaml.safe_load(MODEL_TEXT)
FAST_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

PROPERTIES = settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
KEYS = (
    "format key version name description levels areas level group title questions "
    "text perspectives strategy_goal core comparable guidance actions sv en"
).split()


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture(scope="module")
def folder():
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def refused_clearly(load, path) -> bool:
    """Load `path`; True when refused with the loader's own error, False when loaded."""
    try:
        load(path)
    except ModelFileError as error:
        assert error.problems, "a refusal names at least one problem"
        assert all(isinstance(p, str) and p.strip() for p in error.problems)
        assert str(path) in str(error)
        return True
    return False


def load_and_roll_back(path):
    """load_file, leaving the database as it was (each example starts from the same state)."""
    with transaction.atomic():
        load_file(path)
        transaction.set_rollback(True)


def counts():
    return (ModelVersion.objects.count(), Area.objects.count(), Question.objects.count())


# ---------------------------------------------------------------- strategies

texts = st.one_of(
    st.text(max_size=30),
    st.text(st.characters(codec="utf-8"), max_size=30),  # control characters, NUL, emoji
    st.sampled_from(["", " ", "goals", "Goals ", "goals\n", "x" * 300, "\x00", "\ud800", "\u2028"]),
    st.integers(1, 40).map(lambda n: "å" * (n * 1000)),
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=2**31, max_value=2**70),
    st.floats(allow_nan=True),
    st.dates(),
    texts,
)
shaped = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=6),
        st.dictionaries(st.one_of(st.sampled_from(KEYS), scalars), inner, max_size=6),
    ),
    max_leaves=40,
)


def places(data, path=()):
    """Every path (a tuple of keys and indexes) into the data."""
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from places(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from places(value, (*path, index))


PLACES = [p for p in places(MODEL_DATA) if p]


def container(data, path):
    for step in path[:-1]:
        data = data[step]
    return data


@st.composite
def mutated_data(draw):
    """The shipped model with one to three changes at random places."""
    data = copy.deepcopy(MODEL_DATA)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(PLACES))
        try:
            parent = container(data, path)
            parent[path[-1]]
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed the place
        change = draw(st.sampled_from(["drop", "replace", "wrap", "extra key"]))
        if change == "drop":
            del parent[path[-1]]
        elif change == "replace":
            parent[path[-1]] = draw(shaped)
        elif change == "wrap":
            parent[path[-1]] = [parent[path[-1]]]
        elif isinstance(parent, dict):
            parent[draw(st.one_of(texts, st.integers()))] = draw(scalars)
    return data


@st.composite
def mutated_text(draw):
    """The shipped file's text with a line doubled, cut, or bytes spliced in."""
    lines = MODEL_TEXT.encode("utf-8").splitlines(keepends=True)
    at = draw(st.integers(0, len(lines) - 1))
    change = draw(st.sampled_from(["double", "cut", "splice", "indent", "anchor"]))
    if change == "double":  # a key written twice in one mapping
        lines.insert(at, lines[at])
    elif change == "cut":
        del lines[at:]
    elif change == "splice":
        column = draw(st.integers(0, len(lines[at])))
        junk = draw(st.binary(min_size=1, max_size=8))
        lines[at] = lines[at][:column] + junk + lines[at][column:]
    elif change == "indent":
        lines[at] = b"  " + lines[at]
    else:  # an alias that makes the file expand
        lines = [b"x: &a [1, 2, 3]\n", b"y: &b [*a, *a, *a, *a]\n", *lines]
    return b"".join(lines)


def dump(data) -> bytes:
    """The data as YAML: libyaml's writer (fast), or PyYAML's, which escapes lone surrogates."""
    try:
        text = yaml.dump(data, Dumper=FAST_DUMPER, allow_unicode=True, sort_keys=False)
    except UnicodeEncodeError:
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return text.encode("utf-8")


# ---------------------------------------------------------------- properties


@PROPERTIES
@given(text=st.text(st.characters(codec="utf-8"), max_size=400))
def test_any_text_is_parsed_or_refused_clearly(folder, text):
    path = folder / "text.yaml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    assert refused_clearly(parse, path)


@PROPERTIES
@given(content=st.binary(max_size=400))
def test_any_bytes_are_parsed_or_refused_clearly(folder, content):
    path = folder / "bytes.yaml"
    path.write_bytes(content)
    assert refused_clearly(parse, path)


@PROPERTIES
@given(data=shaped)
def test_any_data_shaped_like_a_model_file_is_refused_clearly(folder, data):
    path = folder / "shaped.yaml"
    path.write_bytes(dump(data))
    assert refused_clearly(parse, path)


@PROPERTIES
@given(data=mutated_data())
def test_a_changed_model_file_is_parsed_or_refused_clearly(folder, data):
    path = folder / "mutated.yaml"
    path.write_bytes(dump(data))
    refused_clearly(parse, path)


@PROPERTIES
@given(content=mutated_text())
def test_a_damaged_model_file_is_parsed_or_refused_clearly(folder, content):
    path = folder / "damaged.yaml"
    path.write_bytes(content)
    refused_clearly(parse, path)


@pytest.mark.django_db
@settings(PROPERTIES, max_examples=15)
@given(data=mutated_data())
def test_a_changed_model_file_is_loaded_whole_or_not_at_all(folder, data):
    data["version"] = 7 if data.get("version") == 1 else data.get("version")
    path = folder / "loaded.yaml"
    path.write_bytes(dump(data))
    before = counts()
    refused_clearly(load_and_roll_back, path)
    assert counts() == before


# ---------------------------------------------------------------- what the properties found


def write(folder, text: str, name="found.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def changed(change) -> str:
    data = copy.deepcopy(MODEL_DATA)
    change(data)
    return dump(data).decode("utf-8", "surrogatepass")


@pytest.mark.parametrize(
    "text, problem",
    [
        ("when: 2026-02-30\n", "cannot be read"),
        ("n: !!int nine\n", "cannot be read"),
        ("[" * 2000 + "]" * 2000, "nest"),
        ("a: &x [1]\nb: *x\n", "anchors and aliases"),
        ("key: one\nkey: two\n", "the key key appears twice"),
        (changed(lambda d: d["areas"][0].update(group=["steering"])), "areas[1].group"),
        (
            changed(lambda d: d["areas"][0]["questions"][0].update(perspectives=[["leadership"]])),
            "areas[1].questions[1].perspectives",
        ),
        (changed(lambda d: d.update(version=2**64)), "version"),
        (changed(lambda d: d.update(key="ambitionsgraf\n")), "key"),
        (changed(lambda d: d["areas"][0].update(key="a" * 41)), "areas[1].key"),
        (changed(lambda d: d["areas"][0]["title"].update(sv="Mål" * 100)), "areas[1].title.sv"),
        (changed(lambda d: d["name"].update(en="Nul \x00 inside")), "name.en"),
        # libyaml refuses the escape itself; PyYAML's own parser lets the validation find it
        (changed(lambda d: d["name"].update(en="Half \ud800 a pair")), ("name.en", "Unicode")),
        (changed(lambda d: d["levels"][0].update(note=dt.date(2026, 1, 1))), "levels[1]: unknown"),
        (changed(lambda d: d.update({1: "one"})), "unknown key"),
        (changed(lambda d: d["areas"][0]["questions"][0].update(strategy_goal=True)), "goal"),
        (changed(lambda d: d["levels"][0].update(level=True)), "levels[1]"),
        (changed(lambda d: d.update(format=True)), "format"),
        (changed(lambda d: d["areas"][0]["questions"][1].update(comparable="no")), "comparable"),
    ],
)
def test_each_input_that_once_crashed_the_loader_is_refused_with_its_place(folder, text, problem):
    with pytest.raises(ModelFileError) as error:
        parse(write(folder, text))
    alternatives = problem if isinstance(problem, tuple) else (problem,)
    assert any(p in str(error.value) for p in alternatives), str(error.value)


def test_the_shipped_file_still_loads_after_the_stricter_checks():
    assert parse(MODEL_FILE) == MODEL_DATA


def test_validation_finds_unprintable_text_whatever_yaml_parser_is_installed():
    """libyaml refuses a lone surrogate escape itself; PyYAML's own parser lets it through."""
    data = copy.deepcopy(MODEL_DATA)
    data["name"]["en"] = "Half \ud800 a pair"
    data["areas"][0]["title"]["sv"] = "Nul \x00"

    found = validate(data)

    assert any(p.startswith("name.en:") for p in found)
    assert any(p.startswith("areas[1].title.sv:") for p in found)


@pytest.mark.django_db
def test_a_question_marked_not_comparable_is_loaded_so(folder):
    data = copy.deepcopy(MODEL_DATA)
    data["version"] = 3
    data["areas"][0]["questions"][1]["comparable"] = False

    version = load_file(write(folder, dump(data).decode("utf-8"))).version

    questions = Question.objects.filter(area__model_version=version)
    flags = dict(questions.values_list("key", "comparable"))
    assert flags["goals_measurable"] is False
    assert flags["goals_derived"] is True


@pytest.mark.parametrize(
    "text",
    [
        MODEL_TEXT.replace("description:\n  sv:", "description:\n  sv: x\n  sv:", 1),
    ],
)
def test_a_key_written_twice_is_refused_rather_than_the_first_silently_dropped(folder, text):
    with pytest.raises(ModelFileError, match="appears twice"):
        parse(write(folder, text))
