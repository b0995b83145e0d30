"""The import is all or nothing: each reason to refuse says what is wrong, exits non-zero and
writes nothing, even when the problem is found late in the file."""

import copy
import json

import pytest
from django.core.management import CommandError, call_command

from ambitionsgraf.organisations.export_data import export_organisation
from ambitionsgraf.organisations.import_data import ImportRefused, import_organisation

from .conftest import counts


@pytest.fixture
def exported(full_org):
    """The organisation's export, and the organisation deleted: the file could be imported."""
    data = export_organisation(full_org)
    full_org.delete()
    return data


def refuse(data, tmp_path, text: str) -> None:
    """Import through the command: it fails with `text` in its message and writes nothing."""
    path = tmp_path / "import.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    before = counts()
    with pytest.raises(CommandError) as error:
        call_command("import_organisation", str(path))
    assert "Nothing was imported" in str(error.value)
    assert text in str(error.value)
    assert counts() == before


def changed(data, change) -> dict:
    data = copy.deepcopy(data)
    change(data)
    return data


def test_the_untouched_file_imports(exported):
    import_organisation(exported)  # the refusals below differ from it in one thing only


def test_an_unknown_format_version_is_refused(exported, tmp_path):
    data = changed(exported, lambda d: d.update(format_version=2))
    refuse(data, tmp_path, "format version 2 is unknown")


def test_a_file_that_is_not_an_export_is_refused(exported, tmp_path):
    refuse({"name": "Något annat"}, tmp_path, "not an Ambitionsgraf organisation export")
    refuse([1, 2, 3], tmp_path, "expected an object")


def test_a_file_that_is_not_json_is_refused(tmp_path, db):
    refuse('{"format": "ambitionsgraf-organisation", ', tmp_path, "not valid JSON")


def test_a_missing_file_is_refused(tmp_path, db):
    with pytest.raises(CommandError, match="cannot be read"):
        call_command("import_organisation", str(tmp_path / "saknas.json"))


def test_a_taken_organisation_number_is_refused(model_version, full_org, tmp_path):
    data = export_organisation(full_org)
    refuse(data, tmp_path, f"number {full_org.org_number} is already registered")


def test_an_organisation_number_taken_by_another_code_is_refused_too(exported, tmp_path):
    import_organisation(changed(exported, lambda d: d["organisation"].update(code="annan")))
    refuse(exported, tmp_path, "already registered")


def test_a_round_code_already_here_is_refused(exported, tmp_path):
    import_organisation(exported)
    data = changed(
        exported,
        lambda d: d["organisation"].update(org_number="212000-0142", code="ny-kod"),
    )
    refuse(data, tmp_path, "A round with the code")


def test_a_model_version_not_loaded_here_is_refused(exported, tmp_path):
    def newer(d):
        d["rounds"][-1]["model_version"]["version"] = 99

    refuse(changed(exported, newer), tmp_path, "model version ambitionsgraf 99 is not loaded")


def test_a_question_not_in_the_model_is_refused_even_at_the_end_of_the_file(exported, tmp_path):
    def unknown_question(d):
        answering = [r for r in d["rounds"][-1]["respondents"] if r["answers"]]
        answering[-1]["answers"][-1]["question"] = "goals_unknown"

    refuse(changed(exported, unknown_question), tmp_path, "the question 'goals_unknown' is not")


def test_an_area_not_in_the_model_is_refused(exported, tmp_path):
    def unknown_area(d):
        d["rounds"][0]["agreed_levels"][0]["area"] = "astrology"

    refuse(changed(exported, unknown_area), tmp_path, "the area 'astrology' is not")


@pytest.mark.parametrize(
    ("change", "place"),
    [
        (lambda d: d["rounds"][0]["respondents"][0]["answers"][0].update(level=7), "level"),
        (lambda d: d["rounds"][0]["respondents"][0].update(perspective="board"), "perspective"),
        (lambda d: d["rounds"][0].update(closed_at="yesterday"), "closed_at"),
        (lambda d: d["rounds"][0]["ambitions"][0].update(target=5.5), "target"),
        (lambda d: d["organisation"].update(county="atlantis"), "county"),
        (lambda d: d["organisation"].update(org_number="212000-0143"), "org_number"),
        (lambda d: d["members"][0].pop("email"), "email"),
        (lambda d: d["invitations"][0].update(language="fi"), "language"),
        (lambda d: d["actions"][0].update(round="no-such-round"), "round"),
        (lambda d: d["audit_events"][-1].update(details="text"), "details"),
        (lambda d: d.update(rounds={}), "rounds"),
    ],
)
def test_a_wrong_value_is_refused_with_its_place(exported, tmp_path, change, place):
    refuse(changed(exported, change), tmp_path, f".{place}:")


def test_the_service_refuses_with_an_exception_too(exported):
    with pytest.raises(ImportRefused):
        import_organisation(changed(exported, lambda d: d.update(format_version="1")))


def test_a_file_that_breaks_a_database_rule_is_refused(exported, tmp_path):
    def twice(d):
        ambitions = d["rounds"][0]["ambitions"]
        ambitions.append(dict(ambitions[0]))

    refuse(changed(exported, twice), tmp_path, "does not fit this installation's database")


def test_a_file_from_before_invitations_had_a_language_imports_them_in_swedish(exported):
    def older(d):
        d["invitations"][0].pop("language")

    organisation = import_organisation(changed(exported, older)).organisation

    assert [i.language for i in organisation.invitations.all()] == ["sv"]
