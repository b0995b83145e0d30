"""Proposals come from the guidance for the level an area stands on, only where there is a gap,
and never repeat what is already in the plan. Pure: no database."""

import pytest

from ambitionsgraf.plans.proposals import Proposal, propose, step_level


def guidance():
    """Two suggested actions per level, told apart by their level."""
    return {
        level: [
            {"sv": f"Steg {level} åtgärd A", "en": f"Step {level} action A"},
            {"sv": f"Steg {level} åtgärd B", "en": f"Step {level} action B"},
        ]
        for level in range(1, 6)
    }


@pytest.mark.parametrize(
    ("level", "step"),
    [
        (1.0, 1),
        (1.5, 1),
        (2.4, 2),
        (2.5, 2),
        (2.99, 2),
        (3.0, 3),
        (4.7, 4),
        (5.0, 5),
        (0.5, 1),  # never below the lowest level's guidance
        (5.5, 5),  # never above the highest
        (2.9999999999999996, 3),  # a mean that is shown as 3.0 is on level 3
    ],
)
def test_the_guidance_level_is_the_whole_level_the_area_stands_on(level, step):
    assert step_level(level) == step


@pytest.mark.parametrize(
    ("level", "ambition", "step"),
    [(1.0, 3.0, 1), (2.4, 4.0, 2), (2.5, 3.0, 2), (2.99, 3.0, 2), (3.0, 3.5, 3), (4.7, 5.0, 4)],
)
def test_an_area_below_its_ambition_gets_the_guidance_for_the_next_step_up(level, ambition, step):
    proposals = propose(area_key="goals", level=level, ambition=ambition, guidance=guidance())

    assert [p.level for p in proposals] == [step, step]
    assert [p.sv for p in proposals] == [f"Steg {step} åtgärd A", f"Steg {step} åtgärd B"]
    assert [p.en for p in proposals] == [f"Step {step} action A", f"Step {step} action B"]
    assert [p.key for p in proposals] == [f"{step}-0", f"{step}-1"]
    assert {p.area_key for p in proposals} == {"goals"}


@pytest.mark.parametrize(
    ("level", "ambition"),
    [
        (3.0, 3.0),  # at the ambition
        (3.4, 3.0),  # above it
        (5.0, 5.0),  # at the top
        (2.9999999999999996, 3.0),  # shown as 3.0 against 3.0: no gap
        (2.4, None),  # no ambition set
        (None, 4.0),  # no level (too few answers in the area)
        (None, None),
    ],
)
def test_no_proposals_without_a_positive_gap(level, ambition):
    assert propose(area_key="goals", level=level, ambition=ambition, guidance=guidance()) == []


def test_texts_already_in_the_plan_are_not_proposed_again_in_either_language():
    proposals = propose(
        area_key="goals",
        level=2.4,
        ambition=4.0,
        guidance=guidance(),
        existing=["  steg 2 ÅTGÄRD a ", "Something else"],
    )
    assert [p.key for p in proposals] == ["2-1"]

    proposals = propose(
        area_key="goals",
        level=2.4,
        ambition=4.0,
        guidance=guidance(),
        existing=["Step 2 action B"],
    )
    assert [p.key for p in proposals] == ["2-0"]


def test_texts_of_other_levels_do_not_hide_a_proposal():
    proposals = propose(
        area_key="goals",
        level=2.4,
        ambition=4.0,
        guidance=guidance(),
        existing=["Steg 1 åtgärd A", "Step 3 action B"],
    )
    assert [p.key for p in proposals] == ["2-0", "2-1"]


def test_a_level_without_guidance_proposes_nothing():
    only_level_one = {1: guidance()[1]}
    assert propose(area_key="goals", level=3.2, ambition=4.0, guidance=only_level_one) == []


def test_a_proposal_speaks_the_language_asked_for_and_falls_back_to_swedish():
    proposal = Proposal(area_key="goals", level=2, index=0, sv="Gör så här", en="Do this")
    untranslated = Proposal(area_key="goals", level=2, index=1, sv="Bara svenska", en="")

    assert proposal.text("sv") == "Gör så här"
    assert proposal.text("en") == "Do this"
    assert untranslated.text("en") == "Bara svenska"
