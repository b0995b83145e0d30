"""A respondent with the questionnaire open in two tabs of a real browser: each tab saves what
was changed in it, neither undoes the other; and a tab that saves after the round closed gets
the closed page (axe-checked), its earlier answers kept."""

import pytest

from ambitionsgraf.conftest import make_organisation, make_respondent, make_round
from ambitionsgraf.maturity.models import ModelVersion
from ambitionsgraf.rounds.models import Answer
from ambitionsgraf.rounds.questionnaire import areas_for

from .answering import next_area
from .browsing import goto
from .conftest import check_a11y

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("maturity_model")]
COMMENT = "Ett utkast finns.\nInte beslutat."


def test_two_tabs_keep_each_others_answers_and_a_closed_round_says_so(live_server, page):
    round_ = make_round(make_organisation("Tvåflikstad"), ModelVersion.objects.current())
    respondent, token = make_respondent(round_, "operations")
    first, second, *_rest = areas_for(respondent)[0][1]
    area_1 = f"{live_server.url}/r/{token}/area/1/"
    other = page.context.new_page()
    goto(page, area_1)
    goto(other, area_1)

    page.locator(f'input[name="q{first.pk}"][value="2"]').check()
    page.locator(f"#question-{first.key} details summary").click()  # the comment opens
    page.locator(f"#c{first.pk}").fill(COMMENT)
    next_area(page)
    other.locator(f'input[name="q{second.pk}"][value="4"]').check()
    next_area(other)

    saved = {a.question_id: a for a in Answer.objects.filter(respondent=respondent)}
    assert (saved[first.pk].level, saved[first.pk].comment) == (
        2,
        "Ett utkast finns.\nInte beslutat.",
    )
    assert saved[second.pk].level == 4

    round_.close()
    other.locator("main input[type=radio]").first.check()
    with other.expect_navigation():
        other.locator("main button[name=nav][value=next]").click()

    assert other.locator("main h1").inner_text() == "Omgången är stängd"
    assert other.locator("main [role=alert]").count() == 1
    check_a11y(other)
    assert Answer.objects.filter(respondent=respondent).count() == 2
