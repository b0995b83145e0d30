"""Sign-up sent twice at the same moment (a double click on a slow connection): one account
and one organisation, and the second request gets the form with what is taken, not an error
page. The two requests are held after their forms are valid, before either has saved."""

import pytest
from django.test import Client
from django.urls import reverse

from ambitionsgraf.accounts.forms import AccountForm
from ambitionsgraf.accounts.models import User
from ambitionsgraf.conftest import signup_data
from ambitionsgraf.lib.testing import (
    at_the_same_moment,
    held_together,
    needs_concurrent_writers,
)
from ambitionsgraf.organisations.models import Organisation

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_sign_up_sent_twice_at_once_registers_once_and_says_what_is_taken(monkeypatch):
    needs_concurrent_writers()
    held_together(monkeypatch, AccountForm, "save")
    responses = []

    def send():
        responses.append(Client().post(reverse("accounts:signup"), signup_data()))

    assert at_the_same_moment(send, send) == []

    statuses = sorted(r.status_code for r in responses)
    assert statuses == [302, 400]
    again = next(r for r in responses if r.status_code == 400).content.decode()
    assert "ny@nystad.example" in again  # the form kept what was written
    assert 'aria-invalid="true"' in again
    assert User.objects.filter(email="ny@nystad.example").count() == 1
    assert Organisation.objects.filter(org_number="212000-0142").count() == 1
