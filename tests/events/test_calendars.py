import datetime

import icalendar
import pytest

from actionagenda.events import calendars
from factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

STARTS = datetime.datetime(2030, 5, 6, 11, 0, tzinfo=datetime.UTC)


def webinar(**fields):
    # Organiser in Nairobi (UTC+3): the files must still say 11:00Z, not 14:00.
    return EventFactory(title="Risk assessment webinar", starts_at=STARTS, timezone="Africa/Nairobi",
                        ends_at=STARTS + datetime.timedelta(minutes=90), **fields)


def only_event(content: bytes):
    calendar = icalendar.Calendar.from_ical(content)
    [component] = calendar.walk("VEVENT")
    return calendar, component


def test_the_invitation_parses_and_carries_utc_times():
    registration = RegistrationFactory(event=webinar(), email="amina@example.org")
    content = calendars.invitation(registration)
    calendar, event = only_event(content)
    assert calendar["METHOD"] == "REQUEST"
    assert event.decoded("DTSTART") == STARTS
    assert event.decoded("DTEND") == STARTS + datetime.timedelta(minutes=90)
    assert b"DTSTART:20300506T110000Z" in content
    assert b"DTEND:20300506T123000Z" in content
    assert str(event["ATTENDEE"]) == "mailto:amina@example.org"
    assert "https://meet.example.org/biosafety-webinar" in str(event["DESCRIPTION"])


def test_the_uid_is_stable_across_files():
    event = webinar()
    registration = RegistrationFactory(event=event)
    uids = {str(only_event(content)[1]["UID"]) for content in (
        calendars.event_file(event), calendars.invitation(registration),
        calendars.invitation(registration, cancelled=True))}
    assert uids == {f"event-{event.pk}@127.0.0.1"}


def test_a_cancellation_file_says_cancel():
    registration = RegistrationFactory(event=webinar())
    calendar, event = only_event(calendars.invitation(registration, cancelled=True))
    assert (calendar["METHOD"], event["STATUS"]) == ("CANCEL", "CANCELLED")


def test_a_waitlisted_invitation_has_no_online_link():
    registration = RegistrationFactory(event=webinar(), status="waitlisted", position=1)
    assert b"meet.example.org" not in calendars.invitation(registration)


def test_the_public_file_has_no_online_link(client):
    event = webinar(location="Nairobi")
    response = client.get(f"/en/events/{event.slug}/event.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert f'filename="{event.slug}.ics"' in response["Content-Disposition"]
    assert b"meet.example.org" not in response.content
    _, component = only_event(response.content)
    assert (component.decoded("DTSTART"), str(component["LOCATION"])) == (STARTS, "Nairobi")


def test_the_feed_lists_upcoming_published_events_only(client):
    upcoming = webinar()
    EventFactory(title="Draft meeting", published=False)
    EventFactory(title="Past week", starts_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC),
                 ends_at=datetime.datetime(2020, 1, 2, tzinfo=datetime.UTC))
    response = client.get("/en/events/calendar.ics")
    calendar = icalendar.Calendar.from_ical(response.content)
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == [upcoming.title]
    assert b"meet.example.org" not in response.content
