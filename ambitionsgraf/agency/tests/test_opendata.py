"""The open data: public, at stable addresses, with small groups hidden in every file, and a
DCAT-AP description that names its files."""

import csv
import io
import json

import pytest
from django.test import Client
from django.urls import reverse

from ambitionsgraf.agency import opendata
from ambitionsgraf.conftest import in_language, page_text
from ambitionsgraf.lib.testing import COUNT_QUERIES

from .national_builders import closed_on, counted_organisations

pytestmark = pytest.mark.django_db
ADDRESSES = {
    "national:open_data": "/open-data/",
    "national:open_data_csv": "/open-data/ambitionsgraf-national.csv",
    "national:open_data_json": "/open-data/ambitionsgraf-national.json",
    "national:open_data_dcat": "/open-data/catalog.jsonld",
}


def csv_rows(client=None, path=ADDRESSES["national:open_data_csv"]):
    content = (client or Client()).get(path).content
    assert content.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def json_rows(path=ADDRESSES["national:open_data_json"]):
    return json.loads(Client().get(path).content)["rows"]


def the_row(rows, group="all", area="goals"):
    return next(r for r in rows if r["organisation_type"] == group and r["area_key"] == area)


@pytest.mark.parametrize("name, path", ADDRESSES.items())
def test_the_addresses_are_stable_and_public(model_version, name, path):
    assert reverse(name) == path
    assert Client().get(path).status_code == 200
    assert Client().get("/en" + path).status_code == 200


def test_the_page_describes_every_field_the_licence_and_the_rule(model_version):
    text = page_text(Client().get("/en/open-data/"))
    for field in opendata.FIELDS:
        assert field.key in text
    assert "CC0 1.0" in text
    assert "fewer than 5 organisations" in text
    assert in_language("sv", "Date of extraction") in page_text(Client().get("/open-data/"))


def test_four_organisations_are_hidden_in_the_csv_and_the_json(model_version):
    counted_organisations(model_version, 4, level=4, ambition=5)
    header, *rows = csv_rows()
    assert header[0] == in_language("sv", "Year")
    assert rows, "a row for every year, area and type, also when hidden"
    for row in rows:
        assert set(row[5:]) == {"–"}, row
    for row in json_rows():
        assert row["organisations"] is None and row["mean_level"] is None
        assert row["mean_ambition"] is None
        assert "organisations" in row["hidden"]


def test_five_organisations_are_shown_in_the_csv_and_the_json(model_version):
    counted_organisations(model_version, 5, level=4, ambition=5)
    header, *rows = csv_rows()
    goals = next(r for r in rows if r[1] == "goals" and r[3] == "all")
    assert goals[5:7] == ["5", "4,0"]
    assert goals[-2:] == ["5", "5,0"]
    row = the_row(json_rows())
    assert (row["organisations"], row["mean_level"], row["mean_ambition"]) == (5, 4.0, 5.0)
    assert row["organisation_type_label"] == in_language("sv", "All types")


def test_a_type_is_hidden_when_all_types_minus_the_others_would_give_it(model_version):
    counted_organisations(model_version, 5, type="municipality")
    counted_organisations(model_version, 1, type="region")
    rows = json_rows()
    assert the_row(rows)["organisations"] == 6
    assert the_row(rows, "municipality")["organisations"] is None
    assert the_row(rows, "region")["organisations"] is None


def test_withdrawn_consent_and_open_rounds_are_left_out(model_version):
    organisations = counted_organisations(model_version, 5)
    counted_organisations(model_version, 3, consent=False)
    assert the_row(json_rows())["organisations"] == 5
    organisations[0].national_statistics = False
    organisations[0].save()
    assert the_row(json_rows())["organisations"] is None


def test_each_year_has_its_own_rows(model_version):
    counted_organisations(model_version, 5, level=2, closed_at=closed_on(2024))
    counted_organisations(model_version, 6, level=3, closed_at=closed_on(2025))
    rows = json_rows()
    assert {r["year"] for r in rows} == {2024, 2025}
    assert the_row([r for r in rows if r["year"] == 2025])["mean_level"] == 3.0
    assert len(rows) == 2 * 8 * len(opendata.GROUPS)


def test_english_headers_and_labels_under_en(model_version):
    counted_organisations(model_version, 5)
    header, *_rows = csv_rows(path="/en/open-data/ambitionsgraf-national.csv")
    assert header[:3] == ["Year", "Area key", "Area"]
    assert the_row(json_rows("/en/open-data/ambitionsgraf-national.json"))["area"] == "Goals"


def test_the_catalogue_is_json_ld_naming_both_files(model_version):
    counted_organisations(model_version, 5, closed_at=closed_on(2024, 3, 1))
    response = Client().get(ADDRESSES["national:open_data_dcat"])
    assert response["Content-Type"].startswith("application/ld+json")
    catalog = json.loads(response.content)
    assert catalog["@type"] == "dcat:Catalog"
    assert "dcat" in catalog["@context"] and "dct" in catalog["@context"]
    (dataset,) = catalog["dcat:dataset"]
    assert dataset["dct:license"]["@id"].endswith("/licence/CC0")
    assert dataset["dct:publisher"]["foaf:name"]
    assert dataset["dct:issued"]["@value"] == "2024-03-01"
    assert dataset["dct:temporal"]["dcat:startDate"]["@value"] == "2024-01-01"
    files = {
        d["dcat:downloadURL"]["@id"]: d["dcat:mediaType"]["@id"]
        for d in dataset["dcat:distribution"]
    }
    assert {url.rsplit("/", 1)[1]: kind.rsplit("/", 2)[1:] for url, kind in files.items()} == {
        "ambitionsgraf-national.csv": ["text", "csv"],
        "ambitionsgraf-national.json": ["application", "json"],
    }
    assert {t["@language"] for t in dataset["dct:title"]} == {"sv", "en"}


def test_the_files_cost_the_same_queries_for_few_and_many(
    model_version, django_assert_max_num_queries
):
    counted_organisations(model_version, 5)
    with django_assert_max_num_queries(8 + COUNT_QUERIES):
        Client().get(ADDRESSES["national:open_data_csv"])
    counted_organisations(model_version, 5, type="region")
    with django_assert_max_num_queries(8 + COUNT_QUERIES):
        Client().get(ADDRESSES["national:open_data_json"])


def test_each_row_counts_the_units_of_its_own_year_and_type():
    """The rows are made from the units sorted once by year and type: a unit counts in the
    row of its year and its type and in the all-types row of its year, nowhere else,
    whatever the order the units come in."""
    from ambitionsgraf.agency.national import Unit
    from ambitionsgraf.organisations.choices import OrganisationType

    types = OrganisationType.values
    made = [
        Unit(len(types) * 100 * level + 10 * t + k, 0, 2025 + k % 2, types[t], "01", "50-249",
             {"goals": float(level)}, {"goals": 4.5} if k % 3 else {})
        for t in range(len(types))
        for level in range(1, 6)
        for k in range(12 + t + level)
    ]  # fmt: skip
    made.append(made[0]._replace(levels={"goals": None}))  # no level: counted nowhere
    made = made[::2] + made[1::2]  # years and types mixed
    rows = {(r.year, r.group): r for r in opendata.rows(made, ["goals"])}

    assert sorted({year for year, _group in rows}) == [2025, 2026]
    for (year, group), row in rows.items():
        counted = [
            u for u in made
            if u.year == year and group in ("all", u.type) and u.levels["goals"] is not None
        ]  # fmt: skip
        levels = [u.levels["goals"] for u in counted]
        assert not row.hidden()
        assert row.organisations.value == len(counted)
        assert [f.value for f in row.levels] == [levels.count(n) for n in range(1, 6)]
        assert row.mean_level.value == pytest.approx(sum(levels) / len(levels))
        assert row.with_ambition.value == sum(1 for u in counted if u.ambitions)


@pytest.mark.parametrize(
    "path",
    [ADDRESSES["national:open_data_csv"], ADDRESSES["national:open_data_json"], "/api/v1/national"],
)
def test_the_files_are_made_with_the_garbage_collector_paused(model_version, path, monkeypatch):
    """A unit per round of the country, freed by reference counting: the collector stays out
    of it (``lib.collector``), and is on again once the file is made."""
    import gc

    counted_organisations(model_version, 5)
    seen = []
    real = opendata.rows
    monkeypatch.setattr(opendata, "rows", lambda *a: seen.append(gc.isenabled()) or real(*a))

    assert Client().get(path).status_code == 200
    assert seen == [False]
    assert gc.isenabled()
