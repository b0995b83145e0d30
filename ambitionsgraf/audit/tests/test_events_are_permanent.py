"""Events are only ever added: nothing in the product changes or removes one."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.db import models
from django.utils import timezone

from ambitionsgraf.audit.log import Action, record
from ambitionsgraf.audit.models import Event


@pytest.fixture
def event(org_a, admin_a):
    return record(Action.ROUND_OPENED, actor=admin_a, organisation=org_a, subject="Skattning 2026")


def test_saving_an_existing_event_is_refused(event):
    event.subject = "Något annat"

    with pytest.raises(TypeError):
        event.save()

    assert Event.objects.get().subject == "Skattning 2026"


def test_deleting_an_event_is_refused(event):
    with pytest.raises(TypeError):
        event.delete()

    assert Event.objects.count() == 1


def test_changing_events_in_bulk_is_refused(event):
    with pytest.raises(TypeError):
        Event.objects.filter(pk=event.pk).update(subject="Något annat")

    assert Event.objects.get().subject == "Skattning 2026"


def test_bulk_update_is_refused(event):
    event.subject = "Något annat"

    with pytest.raises(TypeError):
        Event.objects.bulk_update([event], ["subject"])


def test_deleting_events_in_bulk_is_refused(event):
    with pytest.raises(TypeError):
        Event.objects.all().delete()

    assert Event.objects.count() == 1


def test_deleting_the_organisation_and_the_user_keeps_the_event(event, org_a, admin_a):
    org_a.delete()
    admin_a.delete()

    kept = Event.objects.get()
    assert kept.organisation is None and kept.actor is None
    assert kept.organisation_label == "Älvstads kommun"
    assert kept.actor_label == "admin@alvstad.example"


def test_the_address_is_kept_only_for_sign_in_events(rf, admin_a, org_a):
    request = rf.get("/", REMOTE_ADDR="192.0.2.7")
    request.user = admin_a

    signed_in = record(Action.SIGNED_IN, request=request)
    opened = record(Action.ROUND_OPENED, request=request, organisation=org_a)

    assert signed_in.ip_address == "192.0.2.7"
    assert opened.ip_address is None
    assert opened.actor == admin_a and opened.actor_label == "admin@alvstad.example"


def test_sign_in_addresses_are_forgotten_after_the_retention_time_and_the_events_stay(db):
    old = record(Action.SIGN_IN_FAILED, actor_label="x@example.se")
    models.QuerySet.update(  # back-date it, past the checks the product keeps
        Event.objects.filter(pk=old.pk),
        at=timezone.now() - dt.timedelta(days=91),
        ip_address="192.0.2.1",
    )
    recent = Event.objects.create(action=Action.SIGNED_IN, ip_address="192.0.2.2")

    call_command("run_scheduled", stdout=io.StringIO())

    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.ip_address is None and old.action == Action.SIGN_IN_FAILED
    assert recent.ip_address == "192.0.2.2"


@pytest.mark.parametrize(
    "proxies, forwarded, kept",
    [
        (0, "198.51.100.9", "192.0.2.7"),  # no proxy configured: the header is the client's word
        (1, "198.51.100.9", "198.51.100.9"),  # behind the balancer: the address it saw
        (1, "203.0.113.5, 198.51.100.9", "198.51.100.9"),  # the client's own entry is not read
        (1, "not-an-address", None),  # a proxy that passes on garbage: nothing kept
    ],
)
def test_a_sign_in_keeps_the_address_the_rate_limits_count(
    rf, admin_a, settings, proxies, forwarded, kept
):
    settings.NINJA_NUM_PROXIES = proxies
    request = rf.get("/", REMOTE_ADDR="192.0.2.7", HTTP_X_FORWARDED_FOR=forwarded)
    request.user = admin_a

    assert record(Action.SIGNED_IN, request=request).ip_address == kept
