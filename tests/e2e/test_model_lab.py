"""The model lab in a real browser: a model owner signs in with a password and a code, opens the
list of model versions and the lab of the version in use, with axe-core's WCAG 2.1 AA checks in
Swedish and English."""

import pytest

from ambitionsgraf.accounts.models import User
from ambitionsgraf.accounts.testing import give_totp_device
from ambitionsgraf.conftest import PASSWORD, finished_respondents, make_organisation, make_round
from ambitionsgraf.maturity.models import ModelVersion, Question

from .browsing import (
    check_both_languages,
    goto,
    no_sideways_scroll,
    shot,
    sign_in_with_code,
)

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("maturity_model")]

OWNER_EMAIL = "modellagare@myndigheten.example"


def closed_rounds_with_answers(version):
    """Two consenting municipalities, each with a closed round: 3 respondents per perspective at
    each level from 1 to 5 in the first, 2 per perspective at level 4 in the second."""
    first = make_round(make_organisation("Lunds kommun", national_statistics=True), version)
    for level in (1, 2, 3, 4, 5):
        for perspective in ("leadership", "procurement", "operations"):
            finished_respondents(first, perspective, 3, level=level)
    first.close()
    second = make_round(make_organisation("Norrby kommun", national_statistics=True), version)
    for perspective in ("leadership", "procurement", "operations"):
        finished_respondents(second, perspective, 2, level=4)
    second.close()


def test_the_model_owner_reads_the_lab_in_both_languages(live_server, page, artifacts):
    base = live_server.url
    version = ModelVersion.objects.current()
    closed_rounds_with_answers(version)
    owner = User.objects.create_user(
        email=OWNER_EMAIL, password=PASSWORD, name="Maja Modell", agency_role="model_owner"
    )
    sign_in_with_code(page, base, owner, give_totp_device(owner))

    # The list of model versions, with what each may use.
    goto(page, base + "/agency/model/")
    row = page.locator("main tbody tr").first
    assert "2" in row.inner_text() and "51" in row.inner_text()
    check_both_languages(page)
    no_sideways_scroll(page, "model-lab-index", artifacts)

    # The lab of the version: the areas at a glance, then one table per area.
    with page.expect_navigation():
        page.locator(f'main a[href$="/agency/model/{version.pk}/lab/"]').click()
    main = page.locator("main")
    assert main.locator("table").count() == 1 + version.areas.count()
    questions = Question.objects.filter(area__model_version=version).count()
    assert main.locator("svg[role=img] title").count() == questions
    # Everyone gave one level throughout, so every item-total is 1, written the Swedish way.
    assert "1,00" in main.inner_text()
    check_both_languages(page)
    shot(page, "model-lab", artifacts)
    no_sideways_scroll(page, "model-lab", artifacts)
