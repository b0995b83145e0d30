"""Adding a proposed action: it enters the plan in the admin's language and leaves the box."""

import re

from ambitionsgraf.conftest import english, in_language, page_text
from ambitionsgraf.plans.models import Action

from .conftest import make_action, plan_path


def add(client, org, area="strategies", proposal="2-0", language="sv"):
    if language == "en":
        return client.post(
            english("plans:add_proposal", org.code), {"area": area, "proposal": proposal}
        )
    return client.post(plan_path(org, "plans:add_proposal"), {"area": area, "proposal": proposal})


def proposals_box(html, key) -> tuple[str, str]:
    """The area's section split into what comes before its proposals box and the box."""
    section = re.search(rf'id="area-{key}".*?</section>', html, re.S).group(0)
    before, _, box = section.partition('class="plan-proposals')
    return before, box


def guidance_texts(round_, key="strategies", level=2, language="sv"):
    area = round_.model_version.areas.get(key=key)
    return area.guidance.get(level=level).action_texts(language)


def test_adding_a_proposal_creates_a_proposed_action_in_swedish(
    admin_a_client, org_a, closed_round
):
    response = add(admin_a_client, org_a)

    action = org_a.actions.get()
    assert response.status_code == 302
    assert response["Location"] == f"{plan_path(org_a)}#action-{action.code}"
    assert action.area_key == "strategies"
    assert action.description == guidance_texts(closed_round)[0]
    assert action.source == Action.Source.PROPOSED
    assert action.guidance_level == 2
    assert action.round == closed_round
    assert action.status == Action.Status.PLANNED
    assert action.owner == "" and action.due_on is None


def test_an_admin_using_english_gets_the_english_text(admin_a_client, org_a, closed_round):
    add(admin_a_client, org_a, proposal="2-1", language="en")

    assert org_a.actions.get().description == guidance_texts(closed_round, language="en")[1]


def test_an_added_proposal_leaves_the_proposed_box_in_both_languages(
    admin_a_client, org_a, closed_round
):
    add(admin_a_client, org_a)

    swedish = page_text(admin_a_client.get(plan_path(org_a)))
    english_page = page_text(admin_a_client.get(english("plans:plan", org_a.code)))
    first_sv = guidance_texts(closed_round)[0]
    first_en = guidance_texts(closed_round, language="en")[0]
    actions, proposed = proposals_box(swedish, "strategies")
    assert first_sv in actions and first_sv not in proposed
    assert first_en not in english_page  # the Swedish action stands for it in English too
    assert 'id="proposal-strategies-2-0"' not in swedish
    assert 'id="proposal-strategies-2-1"' in swedish


def test_a_proposal_already_in_the_plan_is_not_added_twice(admin_a_client, org_a, closed_round):
    add(admin_a_client, org_a)
    response = add(admin_a_client, org_a)

    assert org_a.actions.count() == 1
    follow = admin_a_client.get(response["Location"])
    assert in_language(
        "sv", "That proposal is no longer open. It may already be in the plan."
    ) in page_text(follow)


def test_a_proposal_matching_an_existing_custom_action_is_not_offered(
    admin_a_client, org_a, closed_round
):
    make_action(org_a, "strategies", guidance_texts(closed_round)[1])

    response = admin_a_client.get(plan_path(org_a))

    assert 'id="proposal-strategies-2-1"' not in page_text(response)
    assert 'id="proposal-strategies-2-0"' in page_text(response)
    assert add(admin_a_client, org_a, proposal="2-1").status_code == 302
    assert org_a.actions.count() == 1


def test_unknown_or_tampered_proposals_change_nothing(admin_a_client, org_a, closed_round):
    for area, proposal in [
        ("strategies", "3-0"),  # the wrong level for the area's level
        ("strategies", "2-9"),
        ("planning", "2-0"),  # above its ambition: nothing proposed
        ("nonsense", "2-0"),
        ("", ""),
    ]:
        response = add(admin_a_client, org_a, area=area, proposal=proposal)
        assert response.status_code == 302, (area, proposal)

    assert org_a.actions.count() == 0


def test_the_proposal_endpoint_only_takes_post(admin_a_client, org_a, closed_round):
    response = admin_a_client.get(plan_path(org_a, "plans:add_proposal"))

    assert response.status_code == 405
