import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from actionagenda.events.services import anonymise_past_registrations
from factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def ended_days_ago(days):
    ends = timezone.now() - datetime.timedelta(days=days)
    return EventFactory(starts_at=ends - datetime.timedelta(hours=1), ends_at=ends)


def test_it_erases_personal_data_of_old_events_and_keeps_counts():
    old = RegistrationFactory(event=ended_days_ago(100), name="Amina Otieno", email="amina@example.org")
    recent = RegistrationFactory(event=ended_days_ago(10), name="Wanjiru")
    assert anonymise_past_registrations(older_than_days=90) == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.name, old.organisation, old.country) == ("", "", "")
    assert "amina" not in old.email and old.anonymised_at is not None
    assert (old.status, old.actor_type) == ("confirmed", "organization")
    assert recent.name == "Wanjiru"


def test_the_command_is_idempotent(capsys):
    RegistrationFactory(event=ended_days_ago(200))
    call_command("anonymise_event_registrations", "--days", "30")
    call_command("anonymise_event_registrations", "--days", "30")
    assert capsys.readouterr().out.splitlines() == ["1 registration(s) anonymised.", "0 registration(s) anonymised."]
