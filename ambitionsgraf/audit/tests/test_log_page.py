"""The organisation's log page: admins only, its own events and its members' sign-ins, newest
first, filtered by kind, 50 to a page; bad parameters get a clear page."""

import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone

from ambitionsgraf.audit.describe import row
from ambitionsgraf.audit.kinds import KINDS
from ambitionsgraf.audit.log import Action, area_ref, record
from ambitionsgraf.audit.views import PER_PAGE
from ambitionsgraf.conftest import english, in_language, logged_in, make_admin, page_text

from .conftest import make_coach


def log_url(org) -> str:
    return reverse("audit:log", args=[org.code])


def shown(response) -> list:
    return [r.event for r in response.context["rows"]]


# ---------------------------------------------------------------- who may see it


def test_an_admin_sees_the_log(admin_a_client, org_a):
    response = admin_a_client.get(log_url(org_a))

    assert response.status_code == 200
    text = page_text(response)
    assert in_language("sv", "Log") in text
    assert (
        in_language(
            "sv",
            "The log cannot be changed or deleted: events are only ever added. "
            "It never holds respondents' e-mail addresses or answers.",
        )
        in text
    )
    assert 'method="post"' not in text.split("<main", 1)[1].split("</main>")[0]


def test_a_coach_gets_404(coach_client, org_a):
    assert coach_client.get(log_url(org_a)).status_code == 404


@pytest.mark.parametrize("method", ["get", "post"])
def test_the_admin_of_another_organisation_gets_404(outsider_client, org_a, method):
    assert getattr(outsider_client, method)(log_url(org_a)).status_code == 404


def test_a_visitor_is_sent_to_sign_in(anonymous_client, org_a):
    response = anonymous_client.get(log_url(org_a))

    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_the_page_changes_nothing_on_post(admin_a_client, org_a):
    assert admin_a_client.post(log_url(org_a)).status_code == 405


def test_the_overview_links_to_the_log_for_admins_only(admin_a_client, coach_client, org_a):
    overview = reverse("organisations:overview", args=[org_a.code])

    assert log_url(org_a) in page_text(admin_a_client.get(overview))
    assert log_url(org_a) not in page_text(coach_client.get(overview))


# ---------------------------------------------------------------- what it shows


def test_it_shows_the_organisations_events_and_its_members_sign_ins_only(
    admin_a_client, org_a, org_b, admin_a, admin_b, coach_a
):
    own = record(Action.ROUND_OPENED, actor=admin_a, organisation=org_a, subject="Runda A")
    coach_in = record(Action.SIGNED_IN, actor=coach_a, two_factor=False)
    admin_failed = record(Action.SIGN_IN_FAILED, actor=admin_a, step="password")
    other = record(Action.ROUND_OPENED, actor=admin_b, organisation=org_b, subject="Runda B")
    outsider_in = record(Action.SIGNED_IN, actor=admin_b, two_factor=False)
    stranger = record(Action.SIGN_IN_FAILED, actor_label="okand@example.se", step="password")

    events = shown(admin_a_client.get(log_url(org_a)))

    assert {own, coach_in, admin_failed} <= set(events)
    assert not {other, outsider_in, stranger} & set(events)


def test_a_former_members_sign_ins_are_no_longer_shown(admin_a_client, org_a, coach_a):
    event = record(Action.SIGNED_IN, actor=coach_a, two_factor=True)
    coach_a.memberships.all().delete()

    assert event not in shown(admin_a_client.get(log_url(org_a)))


def test_newest_first_in_swedish_time_with_who_and_what(admin_a_client, org_a, admin_a):
    first = record(Action.ROUND_OPENED, actor=admin_a, organisation=org_a, subject="Runda 1")
    second = record(Action.ROUND_CLOSED, organisation=org_a, subject="Runda 1", by="closing_date")

    response = admin_a_client.get(log_url(org_a))

    events = [e for e in shown(response) if e.organisation_id]
    assert events == [second, first]
    text = page_text(response)
    local = timezone.localtime(first.at, zoneinfo.ZoneInfo("Europe/Stockholm"))
    assert local.strftime("%Y-%m-%d %H:%M") in text
    assert in_language("sv", "Automatically, on the closing date") in text
    assert in_language("sv", "Round started") in text
    assert "admin@alvstad.example" in text


def test_an_erased_respondent_is_named_a_respondent(admin_a_client, org_a):
    record(Action.RESPONDENT_ERASED, organisation=org_a, subject="Runda 1")

    text = page_text(admin_a_client.get(english("audit:log", org_a.code)))

    assert "A respondent" in text
    assert "Respondent erased their personal data" in text


def test_details_read_in_plain_words_in_each_language(admin_a_client, org_a, admin_a, round_a):
    goals = round_a.model_version.areas.get(key="goals")
    record(
        Action.AMBITION_CHANGED,
        actor=admin_a,
        organisation=org_a,
        subject="Skattning 2026",
        changes=[{"area": area_ref(goals), "old": "2.5", "new": "3.0"}],
    )
    record(
        Action.RESPONDENTS_INVITED,
        actor=admin_a,
        organisation=org_a,
        subject="Skattning 2026",
        count=4,
        perspective="procurement",
    )
    record(
        Action.EXPORT_DOWNLOADED,
        actor=admin_a,
        organisation=org_a,
        subject="Skattning 2026",
        file="results",
        format="xlsx",
    )

    swedish_text = page_text(admin_a_client.get(log_url(org_a)))
    english_text = page_text(admin_a_client.get(english("audit:log", org_a.code)))

    assert f"Skattning 2026: {goals.tr('title', 'en')} 2.5 → 3.0" in english_text
    assert "Skattning 2026: 4 respondents from the perspective Procurement function" in (
        english_text
    )
    assert "Results per area and perspective (XLSX), Skattning 2026" in english_text
    swedish_change = in_language(
        "sv", "%(area)s %(old)s → %(new)s", area=goals.title_sv, old="2,5", new="3,0"
    )
    assert f"Skattning 2026: {swedish_change}" in swedish_text


def test_an_event_with_details_of_an_unknown_shape_falls_back_to_its_subject(org_a):
    event = record(Action.RESPONDENTS_INVITED, organisation=org_a, subject="Runda 1", count="x")

    assert row(event).about == "Runda 1"


def test_every_action_of_an_organisation_belongs_to_exactly_one_kind():
    kinds = [action for _label, actions in KINDS.values() for action in actions]

    assert len(kinds) == len(set(kinds))
    assert set(Action) - set(kinds) == {Action.MODEL_VERSION_PUBLISHED}


# ---------------------------------------------------------------- filter and pages


def test_the_filter_shows_one_kind(admin_a_client, org_a, admin_a):
    opened = record(Action.ROUND_OPENED, actor=admin_a, organisation=org_a, subject="Runda 1")
    exported = record(
        Action.EXPORT_DOWNLOADED, actor=admin_a, organisation=org_a, file="plan", format="csv"
    )

    rounds = shown(admin_a_client.get(log_url(org_a), {"kind": "rounds"}))
    data = shown(admin_a_client.get(log_url(org_a), {"kind": "data"}))
    sign_ins = shown(admin_a_client.get(log_url(org_a), {"kind": "sign_ins"}))

    assert rounds == [opened]
    assert data == [exported]
    assert sign_ins and all(e.action == Action.SIGNED_IN for e in sign_ins)  # the test's own


def test_an_unknown_kind_gets_a_message_by_the_field_and_the_whole_log(
    admin_a_client, org_a, admin_a
):
    opened = record(Action.ROUND_OPENED, actor=admin_a, organisation=org_a, subject="Runda 1")

    response = admin_a_client.get(log_url(org_a), {"kind": "<script>"})

    assert response.status_code == 400
    text = page_text(response)
    assert in_language("sv", "Choose one of the kinds in the list.") in text
    assert 'aria-invalid="true"' in text
    assert "<script>" not in response.content.decode()
    assert opened in shown(response)


def make_events(org, actor, count):
    for n in range(count):
        record(Action.ACTION_ADDED, actor=actor, organisation=org, subject=f"Åtgärd {n}")


def test_fifty_to_a_page_with_links_that_keep_the_filter(admin_a_client, org_a, admin_a):
    make_events(org_a, admin_a, PER_PAGE + 5)

    first = admin_a_client.get(log_url(org_a), {"kind": "plan"})
    second = admin_a_client.get(log_url(org_a), {"kind": "plan", "page": "2"})

    assert len(shown(first)) == PER_PAGE
    assert [e.subject for e in shown(second)] == [f"Åtgärd {n}" for n in range(4, -1, -1)]
    html = first.content.decode()
    assert '?kind=plan&amp;page=2"' in html
    assert 'href="?kind=plan&amp;page=1" aria-current="page"' in html
    assert 'aria-current="page"' in second.content.decode().split('class="pagination"')[1]


@pytest.mark.parametrize("page, number", [("abc", 1), ("0", 2), ("999", 2), ("-1", 2), ("", 1)])
def test_a_bad_page_number_gives_a_page_not_an_error(admin_a_client, org_a, admin_a, page, number):
    make_events(org_a, admin_a, PER_PAGE + 5)

    response = admin_a_client.get(log_url(org_a), {"kind": "plan", "page": page})

    assert response.status_code == 200
    assert response.context["page"].number == number


def test_an_empty_log_says_so(admin_a_client, org_a):
    response = admin_a_client.get(log_url(org_a), {"kind": "data"})

    assert in_language("sv", "Nothing of this kind is in the log.") in page_text(response)


# ---------------------------------------------------------------- cost


def test_the_page_runs_a_fixed_number_of_queries(
    admin_a_client, org_a, admin_a, django_assert_max_num_queries
):
    def count_queries():
        with django_assert_max_num_queries(6) as captured:
            response = admin_a_client.get(log_url(org_a))
        assert response.status_code == 200
        return len(captured)

    make_events(org_a, admin_a, 2)
    few = count_queries()
    for n in range(5):
        member = make_admin(org_a, f"kollega{n}@alvstad.example")
        record(Action.SIGNED_IN, actor=member, two_factor=True)
        make_coach(org_a, f"coach{n}@radgivning.example")
    logged_in(admin_a)  # another sign-in
    make_events(org_a, admin_a, 40)

    assert count_queries() == few
