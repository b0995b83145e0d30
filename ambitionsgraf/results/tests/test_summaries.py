"""Kept round summaries: always what the results page computes from the answers, never stale."""

import datetime as dt
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from ambitionsgraf.agency import national_data
from ambitionsgraf.conftest import finished_respondents, make_organisation, make_round
from ambitionsgraf.results import scoring, summaries
from ambitionsgraf.results.models import RoundSummary
from ambitionsgraf.results.service import load_round
from ambitionsgraf.rounds.models import Ambition, Answer, Round
from ambitionsgraf.rounds.respondent_privacy import erase_email

pytestmark = pytest.mark.django_db


def live(round_) -> summaries.Summary:
    """What the results page computes from the answers right now."""
    return summaries.Summary.of(round_.pk, load_round(round_).result)


def closed_round(version, groups: dict, *, name="Skattning", organisation=None):
    """A closed round where each perspective's respondents answered the given levels (one
    respondent per level), with some "don't know" answers and an unanswered question."""
    organisation = organisation or make_organisation(name, national_statistics=True)
    round_ = make_round(organisation, version, name=name)
    for perspective, levels in groups.items():
        for level in levels:
            [(respondent, _token)] = finished_respondents(round_, perspective, 1, level=level)
            answers = list(respondent.answers.order_by("question__position")[:3])
            Answer.objects.filter(pk=answers[0].pk).update(level=None, dont_know=True)
            answers[1].delete()
    round_.close()
    return round_


@pytest.fixture
def rounds(model_version):
    v = model_version
    return [
        closed_round(v, {"leadership": [4, 3, 5], "procurement": [2, 3, 3]}),
        # Leadership and operations too small to be shown: pooled.
        closed_round(v, {"leadership": [4], "operations": [1, 2], "procurement": [3, 3, 3]}),
        # A pool too small to count: one respondent left out.
        closed_round(v, {"leadership": [5], "procurement": [1, 2, 3, 4]}),
        closed_round(v, {"operations": [2, 2, 2], "procurement": [4, 4, 5]}),
    ]


def test_a_summary_equals_the_live_computation(rounds):
    kept = summaries.read_many(r.pk for r in rounds)
    for round_ in rounds:
        assert kept[round_.pk] == live(round_)
        assert summaries.read(round_) == live(round_)


def test_summaries_are_stored_on_the_first_read_and_read_back_equal(rounds):
    assert not RoundSummary.objects.exists()
    first = summaries.read_many(r.pk for r in rounds)
    assert RoundSummary.objects.count() == len(rounds)
    assert summaries.read_many(r.pk for r in rounds) == first


def test_pooled_and_left_out_respondents_are_kept(rounds):
    pooled, left_out = summaries.read(rounds[1]), summaries.read(rounds[2])
    assert pooled.pooled_respondents == 3 and pooled.shown_perspectives == ("procurement",)
    assert pooled.perspective("leadership") == dict.fromkeys(pooled.levels)
    assert left_out.excluded_respondents == 1


def test_refresh_keeps_the_live_figures(rounds):
    summaries.refresh_many(rounds)
    assert RoundSummary.objects.count() == len(rounds)
    for round_ in rounds:
        assert summaries.read(round_) == live(round_)


def test_an_open_round_has_no_summary(model_version):
    round_ = make_round(make_organisation(), model_version)
    finished_respondents(round_, "procurement", 3, level=3)
    assert summaries.read(round_) is None
    summaries.refresh(round_)
    assert not RoundSummary.objects.exists()


def test_a_round_without_results_is_kept_and_counts_nowhere(model_version):
    round_ = make_round(make_organisation(national_statistics=True), model_version)
    round_.close()
    summary = summaries.read(round_)
    assert summary == live(round_)
    assert not summary.has_results
    assert national_data.units(national_data.round_rows()) == []


def test_erasing_an_email_changes_no_figure(rounds):
    summaries.refresh_many(rounds)
    respondent = rounds[0].respondents.first()
    assert erase_email(respondent)
    assert summaries.read(rounds[0]) == live(rounds[0])


def test_a_changed_ambition_shows_at_once_without_a_refresh(rounds):
    round_ = rounds[0]
    area = round_.model_version.areas.first()
    Ambition.objects.create(round=round_, area=area, target=Decimal("3.5"))
    summaries.refresh_many(rounds)
    Ambition.objects.filter(round=round_).update(target=Decimal("4.5"))  # no hook, no updated_at

    [unit] = [u for u in national_data.units(national_data.round_rows()) if u.round == round_.pk]

    assert unit.ambitions[area.key] == 4.5
    assert load_round(round_).areas[0].result.ambition == 4.5


def test_a_round_closed_again_after_answers_changed_is_computed_afresh(rounds):
    round_ = rounds[0]
    summaries.refresh(round_)
    before = summaries.read(round_)
    # Reopened (no such feature today), answered differently, closed again; no refresh called.
    Round.objects.filter(pk=round_.pk).update(status=Round.Status.OPEN, closed_at=None)
    Answer.objects.filter(respondent__round=round_, level__isnull=False).update(level=1)
    assert summaries.read(round_) is None
    Round.objects.filter(pk=round_.pk).update(
        status=Round.Status.CLOSED, closed_at=timezone.now() + dt.timedelta(seconds=1)
    )
    round_.refresh_from_db()

    after = summaries.read(round_)

    assert after == live(round_) != before
    assert set(after.levels.values()) == {1.0}


def test_the_levels_read_in_bulk_follow_a_round_closed_again_with_other_answers(rounds):
    """The decoded levels are remembered per process by the kept bytes
    (``summary.decoded_levels``): a round whose summary changed never gets its old levels."""
    round_ = rounds[0]
    before = summaries.read_levels([round_.pk])[round_.pk]
    Round.objects.filter(pk=round_.pk).update(status=Round.Status.OPEN, closed_at=None)
    Answer.objects.filter(respondent__round=round_, level__isnull=False).update(level=1)
    Round.objects.filter(pk=round_.pk).update(
        status=Round.Status.CLOSED, closed_at=timezone.now() + dt.timedelta(seconds=1)
    )
    summaries.read_levels([round_.pk])  # computes and keeps the new summary

    after = summaries.read_levels([round_.pk])[round_.pk]  # decoded from the new kept bytes

    assert set(after.levels.values()) == {1.0} != set(before.levels.values())
    assert after.perspectives["procurement"] == dict.fromkeys(after.levels, 1.0)


@pytest.mark.parametrize("read", ["computed on the spot", "kept"])
def test_the_levels_read_in_bulk_cannot_be_changed_by_a_page(rounds, read):
    """The kept ones are shared by every read of the same bytes in the process; those computed
    on the spot behave the same."""
    ids = [r.pk for r in rounds]
    if read == "kept":
        summaries.read_levels(ids)
    levels = summaries.read_levels(ids)[rounds[0].pk]
    key = next(iter(levels.levels))
    with pytest.raises(TypeError):
        levels.levels[key] = 5.0
    with pytest.raises(TypeError):
        levels.perspectives["leadership"][key] = 5.0
    with pytest.raises(TypeError):
        levels.perspectives["operations"] = {}
    assert summaries.read_levels([rounds[0].pk])[rounds[0].pk] == levels


def test_a_summary_from_other_scoring_rules_is_not_used(rounds):
    round_ = rounds[0]
    summaries.refresh(round_)
    tampered = {**summaries.read(round_).figures(), "pooled_respondents": 99}
    RoundSummary.objects.filter(pk=round_.pk).update(rules="older-rules", figures=tampered)

    assert summaries.read(round_) == live(round_)
    assert RoundSummary.objects.get(pk=round_.pk).rules == summaries.RULES


def test_a_summary_of_another_model_version_is_not_used(rounds, newer_model_version):
    round_ = rounds[0]
    summaries.refresh(round_)
    RoundSummary.objects.filter(pk=round_.pk).update(model_version=newer_model_version)

    assert summaries.read(round_) == live(round_)
    assert RoundSummary.objects.get(pk=round_.pk).model_version_id == round_.model_version_id


def test_a_deleted_round_takes_its_summary_with_it(rounds):
    summaries.refresh_many(rounds)
    rounds[0].organisation.delete()
    assert RoundSummary.objects.count() == len(rounds) - 1


def test_kept_summaries_cost_one_query_and_missing_ones_a_fixed_few(
    rounds, django_assert_num_queries
):
    ids = [r.pk for r in rounds]
    with django_assert_num_queries(1 + summaries.MISS_QUERIES):
        summaries.read_many(ids)
    with django_assert_num_queries(1):
        summaries.read_many(ids)


# Each perspective alone, the national picture's two, and none (only the organisation's
# levels): the database sends only the packed series up to the last one wanted.
@pytest.mark.parametrize(
    "perspectives",
    [scoring.PERSPECTIVES, (), ("leadership",), ("procurement",), ("operations",),
     ("leadership", "procurement")],
)  # fmt: skip
def test_the_levels_read_in_bulk_are_those_of_the_full_summaries(rounds, perspectives):
    area = rounds[0].model_version.areas.first()
    Ambition.objects.create(round=rounds[0], area=area, target=Decimal("4"))
    ids = [r.pk for r in rounds]
    quick = summaries.read_levels(ids, perspectives=perspectives)  # computes the missing ones
    again = summaries.read_levels(ids, perspectives=perspectives)  # reads the kept ones
    full = summaries.read_many(ids)
    for round_ in rounds:
        expected = summaries.Levels.of(full[round_.pk], perspectives)
        assert quick[round_.pk] == again[round_.pk] == expected
    assert again[rounds[0].pk].ambitions == {area.key: 4.0}
    shown = {p for r in ids for p in again[r].perspectives}
    assert shown == set(perspectives)  # every wanted perspective is shown in some round


def test_closing_a_round_keeps_its_summary_once_committed(
    model_version, django_capture_on_commit_callbacks
):
    round_ = make_round(make_organisation(national_statistics=True), model_version)
    finished_respondents(round_, "procurement", 3, level=3)
    with django_capture_on_commit_callbacks(execute=True):
        round_.close()
    kept = RoundSummary.objects.get(round=round_)
    assert kept.closed_at == round_.closed_at and kept.rules == summaries.RULES
    assert summaries.read(round_) == live(round_)


def test_rounds_closed_by_their_date_are_kept_too(
    model_version, django_capture_on_commit_callbacks
):
    round_ = make_round(make_organisation(national_statistics=True), model_version)
    finished_respondents(round_, "procurement", 3, level=4)
    Round.objects.filter(pk=round_.pk).update(closes_on=timezone.localdate() - dt.timedelta(1))
    with django_capture_on_commit_callbacks(execute=True):
        [closed] = Round.objects.filter(pk=round_.pk).close_due()
    assert RoundSummary.objects.filter(round=round_, closed_at=closed.closed_at).exists()


def test_refresh_summaries_keeps_what_is_missing_and_all_with_all(rounds):
    summaries.refresh_many(rounds[:2])
    RoundSummary.objects.filter(round=rounds[0]).update(rules="old rules")
    out = StringIO()

    call_command("refresh_summaries", stdout=out)

    assert RoundSummary.objects.count() == len(rounds)
    assert not RoundSummary.objects.filter(rules="old rules").exists()
    assert f"{len(rounds)} closed rounds summarised" in out.getvalue()
    before = set(RoundSummary.objects.values_list("round", "computed_at"))
    call_command("refresh_summaries", "--all", stdout=StringIO())
    after = set(RoundSummary.objects.values_list("round", "computed_at"))
    assert not before & after  # every one computed again


def test_a_failing_summary_never_undoes_the_closing(
    model_version, django_capture_on_commit_callbacks, monkeypatch
):
    round_ = make_round(make_organisation(national_statistics=True), model_version)
    finished_respondents(round_, "procurement", 3, level=3)

    def broken(rounds):
        raise RuntimeError("the summary could not be stored")

    monkeypatch.setattr(summaries, "refresh_many", broken)
    with django_capture_on_commit_callbacks(execute=True):
        round_.close()

    round_.refresh_from_db()
    assert round_.status == Round.Status.CLOSED
    assert not RoundSummary.objects.exists()
    monkeypatch.undo()
    assert summaries.read(round_) == live(round_)  # the first reader computes it
