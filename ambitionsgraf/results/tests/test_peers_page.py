"""The comparison with similar organisations on the results page: who counts as a peer, the
threshold of five, the figures, the open round, the organisation that has not agreed, both
languages."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ambitionsgraf.conftest import (
    english,
    finished_respondents,
    in_language,
    logged_in,
    make_admin,
    make_organisation,
    make_round,
    page_text,
)
from ambitionsgraf.maturity.loader import MODEL_DIR, load_file
from ambitionsgraf.results.peers_data import QUERIES
from ambitionsgraf.results.tests.trend_builders import make_coach
from ambitionsgraf.rounds.models import Round

TOO_FEW_AREA = "Too few comparable organisations to compare with."
TOO_FEW = (
    "There are too few comparable organisations to compare with yet, so no comparison is shown."
)
HEADING = "Compared with similar organisations"
OPEN = (
    "The comparison with similar organisations is shown once the round is closed, since the "
    "figures of an open round can still change."
)
NOT_SHARED = (
    "The comparison with similar organisations is for organisations that share their own "
    "results: it is shown when your organisation has agreed to be counted in national "
    "statistics. The other organisations' figures are there because they agreed to share theirs."
)


def scored_round(organisation, version, level=3, close=True, name="Skattning 2026"):
    """A round where three people of the procurement function answered `level` everywhere."""
    round_ = make_round(organisation, version, name=name)
    finished_respondents(round_, "procurement", 3, level=level)
    if close:
        round_.close()
    return round_


def peer(version, level=3, *, consent=True, close=True, **profile):
    """Another municipality with 500-1,999 employees and a closed round at `level`."""
    organisation = make_organisation("Grannkommun", national_statistics=consent, **profile)
    return scored_round(organisation, version, level=level, close=close)


@pytest.fixture
def own(org_a, model_version):
    """Älvstad (agreed to national statistics) with a closed round at level 3 everywhere."""
    org_a.national_statistics = True
    org_a.save(update_fields=["national_statistics"])
    return scored_round(org_a, model_version, level=3)


def results(client, round_, *, language="sv"):
    args = (round_.organisation.code, round_.code)
    url = (
        english("results:round", *args) if language == "en" else reverse("results:round", args=args)
    )
    response = client.get(url)
    assert response.status_code == 200
    return response


def peer_view(client, round_):
    return results(client, round_).context["peers"]


# ------------------------------------------------------------------ the threshold


def test_four_peers_show_nothing(admin_a_client, own, model_version):
    for level in (1, 2, 4, 5):
        peer(model_version, level)

    response = results(admin_a_client, own)

    assert response.context["peers"].status == "too_few"
    text = page_text(response)
    assert in_language("sv", TOO_FEW) in text
    assert in_language("sv", "Percentile rank") not in text
    assert response.context["peers_chart"] == ""


def test_five_peers_are_shown_in_every_area(admin_a_client, own, model_version):
    for level in (1, 2, 3, 4, 5):
        peer(model_version, level)

    view = peer_view(admin_a_client, own)

    assert view.status == "shown"
    assert len(view.shown) == model_version.areas.count()
    first = view.shown[0].standing
    assert (first.peers, first.below, first.equal, first.above) == (5, 2, 1, 2)
    assert (first.percentile, first.median) == (50, 3.0)


def test_hand_computed_figures_on_the_english_page(admin_a_client, own, model_version):
    # Peers 2, 2, 3, 4, 5, 5 against our 3: two lower, one the same, three higher.
    # Rank (2 + 1/2) / 6 x 100 = 41.67 -> 42; median (3 + 4) / 2 = 3.5.
    for level in (2, 2, 3, 4, 5, 5):
        peer(model_version, level)

    response = results(admin_a_client, own, language="en")

    text = re.sub(r"\s+", " ", page_text(response))
    assert "Higher than 2, the same as 1 and lower than 3 of 6 similar organisations." in text
    assert row(text, "peers-table", "Goals") == (
        "Goals 3.0 3.5 42 Higher than 2, the same as 1 and lower than 3 of 6 similar organisations."
    )
    assert 'role="img"' in response.context["peers_chart"]


def row(text: str, table_class: str, heading: str) -> str:
    """The words of a table row, by its row heading."""
    table = text.split(f'class="data-table {table_class}"', 1)[1].split("</table>", 1)[0]
    found = re.search(rf'<tr>\s*<th scope="row">{heading}</th>.*?</tr>', table)
    assert found, heading
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found.group(0))).strip()


def test_swedish_page_through_gettext(admin_a_client, own, model_version):
    for level in (2, 2, 3, 4, 5, 5):
        peer(model_version, level)

    text = page_text(results(admin_a_client, own))

    assert in_language("sv", HEADING) in text
    assert in_language("sv", "Percentile rank") in text
    assert in_language("sv", "Median of similar organisations") in text
    assert ">3,5<" in text  # Swedish decimal comma


# ------------------------------------------------------------------ who counts


def test_the_organisation_itself_is_never_counted(admin_a_client, org_a, own, model_version):
    # An earlier closed round of our own would make five; it must not.
    scored_round(org_a, model_version, level=5, name="Skattning 2025")
    for level in (1, 2, 4, 5):
        peer(model_version, level)

    assert peer_view(admin_a_client, own).status == "too_few"


@pytest.mark.parametrize(
    "odd_one_out",
    [
        {"consent": False},
        {"close": False},
        {"type": "region"},
        {"employees_band": "lt500"},
    ],
    ids=["without-consent", "open-round", "another-type", "another-size"],
)
def test_peers_not_counted(admin_a_client, own, model_version, odd_one_out):
    for level in (1, 2, 4, 5):
        peer(model_version, level)
    peer(model_version, 3, **odd_one_out)

    assert peer_view(admin_a_client, own).status == "too_few"


def test_each_peer_counts_once_with_its_latest_round(admin_a_client, own, model_version):
    for level in (1, 2, 4, 5):
        peer(model_version, level)
    latest = peer(model_version, 1)  # its newer round at 5 replaces it
    scored_round(latest.organisation, model_version, level=5, name="Skattning 2027")

    first = peer_view(admin_a_client, own).shown[0].standing

    assert first.peers == 5
    assert (first.below, first.equal, first.above) == (2, 0, 3)


def test_a_peer_with_an_older_round_without_a_closing_moment_still_counts(
    admin_a_client, own, model_version
):
    # A closed round without closed_at (data from before it was recorded) must not hide the
    # peer's real latest round: PostgreSQL sorts NULL first when ordering newest first.
    for level in (1, 2, 4, 5):
        peer(model_version, level)
    latest = peer(model_version, 5)
    older = scored_round(latest.organisation, model_version, level=1, name="Skattning 2020")
    Round.objects.filter(pk=older.pk).update(closed_at=None, closes_on=dt.date(2020, 6, 1))

    first = peer_view(admin_a_client, own).shown[0].standing

    assert first.peers == 5
    assert (first.below, first.equal, first.above) == (2, 0, 3)


def test_a_peer_on_a_newer_comparable_version_counts(admin_a_client, own, newer_model_version):
    for level in (1, 2, 4, 5, 5):
        peer(newer_model_version, level)

    view = peer_view(admin_a_client, own)

    assert len(view.shown) == own.model_version.areas.count()


def version_2(tmp_path, edit):
    """Version 2 of the model, published after version 1, from version 1's file changed by
    `edit` (text -> text)."""
    text = (MODEL_DIR / "ambitionsgraf-1.yaml").read_text(encoding="utf-8")
    path = tmp_path / "ambitionsgraf-2.yaml"
    path.write_text(edit(re.sub(r"(?m)^version: 1$", "version: 2", text)), encoding="utf-8")
    return load_file(path).version


def test_an_area_whose_questions_changed_is_not_compared(
    admin_a_client, own, model_version, tmp_path
):
    renamed = version_2(
        tmp_path, lambda t: t.replace("key: planning_annual_plan\n", "key: planning_yearly\n")
    )
    for level in (1, 2, 4, 5):
        peer(model_version, level)
    peer(renamed, 3)

    view = peer_view(admin_a_client, own)

    assert [a.area.key for a in view.hidden] == ["planning"]
    assert "goals" in [a.area.key for a in view.shown]


def test_an_area_missing_from_a_peers_version(admin_a_client, own, model_version, tmp_path):
    without_facts = version_2(tmp_path, lambda t: t[: t.index("  # " + "-" * 64 + " 8 ")])
    for level in (1, 2, 4, 5):
        peer(model_version, level)
    peer(without_facts, 3)

    response = results(admin_a_client, own)
    view = response.context["peers"]

    assert [a.area.key for a in view.hidden] == ["facts"]
    assert in_language("sv", TOO_FEW_AREA) in page_text(response)


# ------------------------------------------------------------------ when nothing is compared


def test_an_open_round_says_the_comparison_comes_when_it_closes(
    admin_a_client, org_a, own, model_version
):
    for level in (1, 2, 3, 4, 5):
        peer(model_version, level)
    open_round = scored_round(org_a, model_version, close=False, name="Skattning 2027")

    response = results(admin_a_client, open_round)

    assert response.context["peers"].status == "open"
    text = page_text(response)
    assert in_language("sv", OPEN) in text
    assert in_language("sv", "Percentile rank") not in text


def test_without_its_own_agreement_an_organisation_sees_no_comparison(
    admin_a_client, org_a, own, model_version
):
    for level in (1, 2, 3, 4, 5):
        peer(model_version, level)
    org_a.national_statistics = False
    org_a.save(update_fields=["national_statistics"])

    response = results(admin_a_client, own)

    assert response.context["peers"].status == "not_shared"
    text = page_text(response)
    assert in_language("sv", NOT_SHARED) in text
    assert reverse("organisations:settings", args=[org_a.code]) in text


def test_a_coach_sees_the_comparison_but_no_settings_link(org_a, own, model_version):
    for level in (1, 2, 3, 4, 5):
        peer(model_version, level)
    coach = logged_in(make_coach(org_a))

    response = results(coach, own)

    assert response.context["peers"].status == "shown"
    assert reverse("organisations:settings", args=[org_a.code]) not in page_text(response)


def test_the_outsider_gets_404(outsider_client, own):
    url = reverse("results:round", args=[own.organisation.code, own.code])
    assert outsider_client.get(url).status_code == 404


# ------------------------------------------------------------------ the query budget

BUDGET = 12 + QUERIES  # the results page's own budget, plus the comparison's


def organisation_with_peers(model_version, count: int, band: str):
    """An admin's client and a closed round of an organisation with `count` peers (of
    employees band `band`), plus a consenting organisation of another type, left out."""
    organisation = make_organisation(
        f"Kommun {count}", national_statistics=True, employees_band=band
    )
    client = logged_in(make_admin(organisation, f"admin{count}@kommun.example"))
    round_ = scored_round(organisation, model_version)
    for i in range(count):
        peer(model_version, 1 + i % 5, employees_band=band)
    peer(model_version, 3, type="state_agency", employees_band=band)
    return client, round_


def test_the_page_costs_the_same_queries_for_5_and_30_peers(
    model_version, django_assert_max_num_queries
):
    counts = []
    for count, band in ((5, "lt500"), (30, "2000-4999")):
        client, round_ = organisation_with_peers(model_version, count, band)
        with django_assert_max_num_queries(BUDGET) as captured:
            view = peer_view(client, round_)
        assert view.status == "shown"
        assert view.shown[0].standing.peers == count
        counts.append(len(captured.captured_queries))

    print(f"results page with peers: 5 peers {counts[0]}, 30 peers {counts[1]} queries")
    assert counts[0] == counts[1]


def test_the_comparison_costs_a_fixed_number_of_queries(model_version):
    client, round_ = organisation_with_peers(model_version, 5, "lt500")
    with CaptureQueriesContext(connection) as with_peers:
        assert peer_view(client, round_).status == "shown"
    round_.organisation.national_statistics = False
    round_.organisation.save(update_fields=["national_statistics"])
    with CaptureQueriesContext(connection) as without:
        assert peer_view(client, round_).status == "not_shared"

    assert len(with_peers.captured_queries) - len(without.captured_queries) == QUERIES
