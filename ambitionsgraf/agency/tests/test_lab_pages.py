"""The model lab's pages: who may see them, which rounds count, and what they say."""

import pytest
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY

from ambitionsgraf.accounts.models import User
from ambitionsgraf.accounts.testing import give_totp_device
from ambitionsgraf.conftest import (
    PASSWORD,
    english,
    finished_respondents,
    in_language,
    logged_in,
    make_admin,
    make_organisation,
    make_respondent,
    make_round,
    page_text,
)
from ambitionsgraf.maturity.models import ModelVersion
from ambitionsgraf.organisations.models import Membership, Role


def agency_user(role: str, email: str | None = None) -> User:
    return User.objects.create_user(
        email=email or f"{role}@myndigheten.example", password=PASSWORD, agency_role=role
    )


def verified(user: User):
    """A client signed in with both factors, as agency staff must be."""
    client = logged_in(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = give_totp_device(user).persistent_id
    session.save()
    return client


@pytest.fixture
def owner_client(db):
    return verified(agency_user("model_owner"))


def consenting_organisation(name="Samtyckande kommun"):
    return make_organisation(name, national_statistics=True)


def closed_round(organisation, version, per_perspective=1, level=3):
    round_ = make_round(organisation, version)
    for perspective in ("leadership", "procurement", "operations"):
        finished_respondents(round_, perspective, per_perspective, level=level)
    round_.close()
    return round_


@pytest.fixture
def counted_and_not(model_version):
    """One round that counts (closed, consent; 6 finished, 1 unfinished) and two that do not:
    a closed round without consent and an open round with consent."""
    consenting = consenting_organisation()
    counted = make_round(consenting, model_version, name="Räknas")
    for perspective in ("leadership", "procurement", "operations"):
        finished_respondents(counted, perspective, 2, level=4)
    make_respondent(counted, "leadership")
    counted.close()
    closed_round(make_organisation("Utan samtycke"), model_version, per_perspective=2)
    open_round = make_round(consenting, model_version, name="Pågår")
    finished_respondents(open_round, "leadership", 3)
    return counted


# ---------------------------------------------------------------- access


@pytest.mark.parametrize("url_name", ["lab:index", "lab:version"])
def test_the_model_owner_sees_the_lab(owner_client, model_version, url_name):
    args = [model_version.pk] if url_name == "lab:version" else []
    assert owner_client.get(reverse(url_name, args=args)).status_code == 200


@pytest.mark.parametrize("url_name", ["lab:index", "lab:version"])
def test_analysts_and_organisation_users_get_404(model_version, org_a, url_name):
    args = [model_version.pk] if url_name == "lab:version" else []
    url = reverse(url_name, args=args)
    coach = User.objects.create_user(email="coach@radgivare.example", password=PASSWORD)
    Membership.objects.create(organisation=org_a, user=coach, role=Role.COACH)
    for user in (
        agency_user("analyst"),
        make_admin(org_a, "admin@alvstad.example"),
        coach,
    ):
        client = verified(user) if user.is_agency_staff else logged_in(user)
        assert client.get(url).status_code == 404, user


@pytest.mark.parametrize("url_name", ["lab:index", "lab:version"])
def test_a_visitor_is_asked_to_sign_in(client, model_version, url_name):
    args = [model_version.pk] if url_name == "lab:version" else []
    response = client.get(reverse(url_name, args=args))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_an_unknown_version_is_404(owner_client, model_version):
    assert owner_client.get(reverse("lab:version", args=[model_version.pk + 99])).status_code == 404


# ---------------------------------------------------------------- which rounds count


def test_only_closed_rounds_of_consenting_organisations_and_finished_respondents_count(
    owner_client, model_version, counted_and_not
):
    response = owner_client.get(reverse("lab:version", args=[model_version.pk]))
    view = response.context["view"]
    assert view.rounds == 1
    assert view.result.respondents == {"leadership": 2, "procurement": 2, "operations": 2}
    first = view.result.areas[0].questions[0]
    assert first.counts == (0, 0, 0, first.responses, 0)  # only the level-4 round


def test_the_index_lists_every_version_with_what_may_be_used(
    owner_client, model_version, counted_and_not
):
    draft = ModelVersion.objects.create(
        key="ambitionsgraf", version=7, name_sv="Utkast", levels=model_version.levels
    )
    response = owner_client.get(english("lab:index"))
    summaries = {s.version.pk: (s.rounds, s.respondents) for s in response.context["summaries"]}
    assert summaries == {model_version.pk: (1, 6), draft.pk: (0, 0)}
    text = page_text(response)
    assert reverse("lab:version", args=[draft.pk]) in text
    assert "Draft" in text and "Published" in text


# ---------------------------------------------------------------- what the page says


def test_thin_data_is_called_too_few_to_judge(owner_client, model_version, counted_and_not):
    response = owner_client.get(reverse("lab:version", args=[model_version.pk]))
    text = page_text(response)
    assert in_language("sv", "Too few answers to judge.") in text
    assert in_language("sv", "Answers per level") in text
    assert "<svg" in text and 'role="img"' in text


def test_a_version_without_usable_rounds_says_so(owner_client, model_version):
    text = page_text(owner_client.get(english("lab:version", model_version.pk)))
    assert "No closed round of an organisation that allows national statistics" in text


def test_questions_everyone_answers_the_same_are_pointed_out_in_words(owner_client, model_version):
    closed_round(consenting_organisation(), model_version, per_perspective=12, level=3)
    text = page_text(owner_client.get(english("lab:version", model_version.pk)))
    assert "Everyone gave the same level" in text
    assert "Not computed: everyone's total was the same." in text
    assert "Too few answers to judge." not in text


def test_the_version_page_runs_a_fixed_number_of_queries(
    owner_client, model_version, django_assert_max_num_queries
):
    url = reverse("lab:version", args=[model_version.pk])
    closed_round(consenting_organisation("Första"), model_version, per_perspective=1)
    with django_assert_max_num_queries(10):
        assert owner_client.get(url).status_code == 200
    closed_round(consenting_organisation("Andra"), model_version, per_perspective=5)
    with django_assert_max_num_queries(10):
        assert owner_client.get(url).status_code == 200


def test_the_index_runs_a_fixed_number_of_queries(
    owner_client, model_version, counted_and_not, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
        assert owner_client.get(reverse("lab:index")).status_code == 200


def test_the_guide_names_the_flags_thresholds_as_the_flags_use_them(
    owner_client, model_version, counted_and_not
):
    """The thresholds come from ``lab_flags``, in each language's way of writing them; Swedish
    writes a space before %, a no-break one, so that a narrow screen never shows "20" at the
    end of one line and "%" at the start of the next."""
    swedish = page_text(owner_client.get(reverse("lab:version", args=[model_version.pk])))
    english_ = page_text(owner_client.get(english("lab:version", model_version.pk)))

    assert "Över 20\u00a0% markeras." in swedish
    assert "Under 0,3 markeras." in swedish
    assert "Over 20% is pointed out" in english_
    assert "Under 0.3 is pointed out" in english_
