"""`manage.py create_agency_user`: agency staff are made by the operator, with a one-time link."""

import re
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.test import Client

from ambitionsgraf.accounts.models import User
from ambitionsgraf.conftest import PASSWORD

EMAIL = "Analytiker@Myndigheten.example"


def run(*args) -> str:
    out = StringIO()
    call_command("create_agency_user", *args, stdout=out)
    return out.getvalue()


def link_path(output: str) -> str:
    match = re.search(re.escape(settings.SITE_URL) + r"(/\S+)", output)
    assert match, output
    return match.group(1)


@pytest.mark.django_db
def test_it_creates_an_analyst_without_a_password_and_prints_a_working_link(client):
    output = run(EMAIL, "--role", "analyst", "--name", "Sara Lind")

    user = User.objects.get(email="analytiker@myndigheten.example")
    assert (user.agency_role, user.name, user.is_analyst) == ("analyst", "Sara Lind", True)
    assert not user.has_usable_password()
    path = link_path(output)
    assert path.startswith("/accounts/password/reset/")

    form = client.get(path, follow=True)
    assert form.context["validlink"] is True
    done = client.post(
        form.redirect_chain[-1][0], {"new_password1": PASSWORD, "new_password2": PASSWORD}
    )
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
    # The link works once.
    assert Client().get(path, follow=True).context["validlink"] is False


@pytest.mark.django_db
def test_it_changes_the_role_of_an_existing_account():
    user = User.objects.create_user(email="analytiker@myndigheten.example", password=PASSWORD)

    output = run(EMAIL, "--role", "model_owner")

    user.refresh_from_db()
    assert user.is_model_owner and user.check_password(PASSWORD)
    assert "is now Model owner" in output
    assert settings.SITE_URL not in output  # they have a password already
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_remove_role_makes_an_ordinary_user():
    User.objects.create_user(email="analytiker@myndigheten.example", agency_role="model_owner")

    output = run(EMAIL, "--remove-role")

    assert User.objects.get().agency_role == ""
    assert "no longer agency staff" in output


@pytest.mark.django_db
@pytest.mark.parametrize(
    "args",
    [
        ("nobody@myndigheten.example", "--remove-role"),
        ("not-an-address", "--role", "analyst"),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(args):
    with pytest.raises(CommandError):
        run(*args)
    assert not User.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "args",
    [
        (EMAIL,),
        (EMAIL, "--role", "admin"),
        (EMAIL, "--role", "analyst", "--remove-role"),
    ],
)
def test_a_role_or_remove_role_is_required(args):
    with pytest.raises(CommandError):
        run(*args)
    assert not User.objects.exists()
