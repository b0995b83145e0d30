"""The board report's summary says what the figures say, plainly: no database needed."""

import datetime as dt

import pytest
from django.utils import translation

from ambitionsgraf.maturity.models import Area
from ambitionsgraf.plans.services import PlanRow
from ambitionsgraf.reports.findings import finding, trend_sentences
from ambitionsgraf.reports.summary import join, key_figures, level_phrase, summarise
from ambitionsgraf.results import scoring, trend
from ambitionsgraf.results.service import AreaView, RoundView

NAMES = ["Missing", "Started", "Established", "Integrated", "Strategic"]
ALL = ("leadership", "procurement", "operations")


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def area(key, level, ambition=None, agreed=None, scores=None, disagreement=False):
    scores = scores or {}
    values = [v for v in scores.values() if v is not None]
    result = scoring.AreaResult(
        key=key,
        perspective_scores=scores,
        pooled_score=None,
        organisation_score=level,
        ambition=ambition,
        gap=None if level is None or ambition is None else ambition - level,
        spread=max(values) - min(values) if len(values) > 1 else None,
        disagreement=disagreement,
        questions=(),
    )
    title = key.replace("_", " ").capitalize()
    return AreaView(
        area=Area(key=key, title_sv=title, title_en=title, position=1),
        result=result,
        ambition_reason="",
        questions=[],
        comments=[],
        agreed=agreed,
    )


def round_view(*areas, shown=ALL):
    result = scoring.RoundResult(
        areas=tuple(a.result for a in areas),
        respondents={p: 3 for p in ALL},
        shown_perspectives=shown,
        pooled_respondents=0,
        excluded_respondents=0,
    )
    return RoundView(result=result, areas=list(areas))


def plan_row(area_key, description, status="planned", owner="", due_on=None):
    return PlanRow(
        area_key=area_key,
        area_title=area_key,
        description=description,
        owner=owner,
        due_on=due_on,
        status=status,
        status_key=status,
        source="custom",
        source_label="",
        overdue=False,
        code="x",
    )


def text(summary) -> str:
    return " ".join(summary.paragraphs)


def test_a_list_of_areas_reads_as_a_sentence():
    assert join([]) == ""
    assert join(["Goals"]) == "Goals"
    assert join(["Goals", "Planning"]) == "Goals and Planning"
    assert join(["Goals", "Planning", "Facts"]) == "Goals, Planning and Facts"


@pytest.mark.parametrize(
    "value, phrase",
    [
        (3.0, "“Established”"),
        (2.96, "“Established”"),  # shown as 3.0, so it is called level 3
        (2.4, "between “Started” and “Established”"),
        (1.0, "“Missing”"),
        (5.0, "“Strategic”"),
        (4.5, "between “Integrated” and “Strategic”"),
    ],
)
def test_a_level_is_placed_on_the_models_named_scale(value, phrase):
    assert level_phrase(value, NAMES) == phrase


def test_the_summary_gives_the_overall_level_and_the_strongest_and_weakest_area():
    view = round_view(area("goals", 2.0, 4.0), area("planning", 3.0, 3.5), area("facts", 1.0, 3.0))

    summary = text(summarise(view, level_names=NAMES))

    assert "on average at level 2.0 across the 3 areas, “Started”" in summary
    assert "strongest in Planning (3.0) and weakest in Facts (1.0)" in summary


def test_the_summary_names_the_three_largest_gaps_largest_first():
    view = round_view(
        area("goals", 2.0, 4.0),  # 2.0
        area("planning", 3.0, 3.5),  # 0.5
        area("facts", 1.0, 3.5),  # 2.5
        area("interplay", 2.0, 3.0),  # 1.0
        area("strategies", 3.0, 3.0),  # reached
    )

    summary = text(summarise(view, level_names=NAMES))

    assert "below it in 4 of the 5 areas that have an ambition" in summary
    assert "The largest gaps, in levels, are in Facts (2.5), Goals (2.0) and Interplay (1.0)." in (
        summary
    )
    assert "Planning (0.5)" not in summary


def test_the_summary_uses_the_agreed_level_where_a_workshop_set_one_and_says_so():
    view = round_view(area("goals", 2.0, 4.0, agreed=3.5), area("facts", 2.0, 3.0))

    summary = text(summarise(view, level_names=NAMES))

    assert "The largest gaps, in levels, are in Facts (1.0) and Goals (0.5)." in summary
    assert "the summary uses the agreed level" in summary


def test_without_an_ambition_the_summary_says_that_is_the_first_step():
    view = round_view(area("goals", 2.0), area("facts", 3.0))

    guidance = {("goals", 2): ["Gör målen mätbara."]}

    summary = summarise(view, level_names=NAMES, guidance=guidance)

    assert "No ambition has been set yet" in text(summary)
    assert summary.steps == []  # no gap, so the model suggests nothing


def test_an_organisation_at_its_ambition_everywhere_is_told_so():
    view = round_view(area("goals", 3.0, 3.0), area("facts", 3.5, 3.0))

    assert "It has reached its ambition in every area that has one." in text(
        summarise(view, level_names=NAMES)
    )


def test_the_summary_names_the_areas_where_the_perspectives_disagree():
    scores = {"leadership": 3.5, "procurement": 2.0, "operations": 2.2}
    view = round_view(
        area("goals", 2.5, 4.0, scores=scores, disagreement=True),
        area("facts", 2.0, 3.0, scores={p: 2.0 for p in ALL}),
    )

    summary = text(summarise(view, level_names=NAMES))

    assert "The perspectives see Goals differently" in summary
    assert "That area is worth discussing" in summary


def test_the_summary_says_when_perspectives_agree_and_when_they_cannot_be_compared():
    agreeing = round_view(area("goals", 2.0, 3.0, scores={p: 2.0 for p in ALL}))
    alone = round_view(area("goals", 2.0, 3.0, scores={"procurement": 2.0}), shown=("procurement",))

    assert "agree within one level in every area" in text(summarise(agreeing, level_names=NAMES))
    assert "cannot be compared" in text(summarise(alone, level_names=NAMES))


def test_the_first_steps_are_the_open_actions_of_the_areas_with_the_largest_gaps():
    view = round_view(area("goals", 3.0, 3.5), area("facts", 1.0, 3.5), area("planning", 2.0, 3.0))
    rows = [
        plan_row("goals", "Mål A"),
        plan_row("facts", "Fakta klar", status="done"),
        plan_row("facts", "Fakta A", owner="Karin", due_on=dt.date(2027, 3, 1)),
        plan_row("planning", "Plan A", status="in_progress"),
        plan_row("facts", "Fakta B"),
    ]

    summary = summarise(view, level_names=NAMES, plan_rows=rows)

    assert [s.text for s in summary.steps] == ["Fakta A", "Fakta B", "Plan A"]
    assert summary.steps[0].owner == "Karin"
    assert summary.steps[0].due_on == dt.date(2027, 3, 1)
    assert summary.steps[0].area_title == "Facts"
    assert "action plan" in summary.steps_intro


def test_without_open_actions_the_first_steps_come_from_the_models_guidance_for_the_level():
    view = round_view(area("goals", 2.4, 3.5), area("facts", 1.2, 3.5), area("planning", 3.0, 3.0))
    guidance = {
        ("goals", 2): ["Gör målen mätbara.", "Låt ledningen besluta."],
        ("goals", 3): ["Fel nivå."],
        ("facts", 1): ["Gör en utgiftsanalys."],
        ("planning", 3): ["Inget gap, inget förslag."],
    }

    summary = summarise(view, level_names=NAMES, guidance=guidance)

    assert [s.text for s in summary.steps] == ["Gör en utgiftsanalys.", "Gör målen mätbara."]
    assert "the model suggests" in summary.steps_intro


def test_a_round_without_results_says_so_and_nothing_more():
    view = round_view(area("goals", None, 3.0), area("facts", None))

    summary = summarise(view, level_names=NAMES, plan_rows=[plan_row("goals", "X")])

    assert summary.paragraphs == [
        "There are no results to show yet. At least three people must have finished before "
        "anything is shown, to protect their anonymity."
    ]
    assert summary.steps == []


def test_key_figures_are_on_the_same_basis_as_the_sentences():
    view = round_view(area("goals", 2.0, 4.0, agreed=3.0), area("facts", 3.0, 3.0), area("x", 2.0))

    figures = key_figures(view)

    assert figures.level == pytest.approx((3.0 + 3.0 + 2.0) / 3)
    assert figures.ambition == pytest.approx(3.5)
    assert (figures.below, figures.with_ambition) == (1, 2)


def test_an_areas_finding_gives_the_level_in_words_and_the_gap():
    assert finding(area("goals", 2.4, 4.0), NAMES).level_text == (
        "Level 2.4, between “Started” and “Established”."
    )
    assert finding(area("goals", 2.4, 4.0), NAMES).gap_text == (
        "The ambition is 4.0: a gap of 1.6 levels."
    )
    assert finding(area("goals", 2.4, 4.0, agreed=3.0), NAMES).gap_text == (
        "The ambition is 4.0: a gap of 1.0 levels from the agreed level."
    )
    assert finding(area("goals", 3.2, 3.0), NAMES).gap_text == "The ambition of 3.0 is reached."
    assert finding(area("goals", 3.2), NAMES).gap_text == "No ambition is set."
    assert finding(area("goals", None, 3.0), NAMES).level_text == (
        "Too few answers to give a level."
    )


def snapshot(name, closed, levels, ambitions=None):
    ambitions = ambitions or {}
    return trend.RoundSnapshot(
        code=name,
        name=name,
        closed_at=closed,
        closed_on=closed.date(),
        model_version=1,
        areas=tuple(
            trend.AreaSnapshot(
                key=key,
                title=key.capitalize(),
                question_keys=frozenset({key + "_1"}),
                level=level,
                ambition=ambitions.get(key),
            )
            for key, level in levels.items()
        ),
    )


def test_the_trend_says_what_rose_fell_and_which_gaps_closed():
    before = dt.datetime(2025, 5, 1, tzinfo=dt.UTC)
    earlier = snapshot(
        "2025", before, {"goals": 2.0, "facts": 2.0, "planning": 3.0}, {"goals": 2.5}
    )
    later = snapshot("2026", before + dt.timedelta(days=365), {"goals": 2.6, "facts": 1.5,
                     "planning": 3.1})  # fmt: skip

    sentences = trend_sentences(trend.compare(earlier, later))

    assert sentences == [
        "Between 2025 and 2026 the level rose in Goals.",
        "Between 2025 and 2026 the level fell in Facts.",
        "The gap to the ambition of 2025 has closed in Goals.",
    ]
    assert trend_sentences(None) == []
    still = trend.compare(earlier, earlier)
    assert trend_sentences(still) == [
        "Between 2025 and 2025 no area's level moved by 0.25 or more."
    ]
