"""Durations as people say them: calendar days in the organiser's zone for meetings, hours for webinars."""

import datetime
import zoneinfo

import pytest
from django.utils import formats, translation

from actionagenda.events import demo
from actionagenda.events.models import Event, duration_text
from factories import EventFactory

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


def test_a_meeting_over_the_year_end_lasts_the_days_it_covers(client):
    # 10:00 to 18:00 in Addis Ababa (UTC+3) on 31 December, 1 and 2 January: 3 days, not "2 days, 8 hours".
    event = EventFactory(kind="meeting", timezone="Africa/Addis_Ababa",
                         starts_at=datetime.datetime(2030, 12, 31, 7, tzinfo=UTC),
                         ends_at=datetime.datetime(2031, 1, 2, 15, tzinfo=UTC))
    html = client.get(event.get_absolute_url()).content.decode()
    assert "Duration: 3 days" in html
    first, last = datetime.date(2030, 12, 31), datetime.date(2031, 1, 2)
    assert f"({formats.date_format(first)} to {formats.date_format(last)})" in html
    assert "8 hours" not in html


def test_days_are_counted_in_the_organisers_zone_not_in_utc():
    # 23:00 UTC on 31 December is already 1 January in Nairobi: the meeting covers 1-2 January there.
    starts, ends = datetime.datetime(2030, 12, 31, 23, tzinfo=UTC), datetime.datetime(2031, 1, 2, 13, tzinfo=UTC)
    assert duration_text(starts, ends, "Africa/Nairobi") == "2 days"
    assert duration_text(starts, ends, "UTC") == "3 days"


def test_an_end_at_midnight_closes_the_day_before():
    starts = datetime.datetime(2030, 3, 4, 0, tzinfo=UTC)
    assert duration_text(starts, starts + datetime.timedelta(days=7), "UTC") == "7 days"


def test_a_webinar_lasts_hours_and_minutes_across_a_dst_change():
    # Montreal leaves summer time at 2:00 on 3 November 2030: 1:00 to 3:00 local is three hours.
    starts = datetime.datetime(2030, 11, 3, 5, tzinfo=UTC)  # 1:00 EDT
    ends = datetime.datetime(2030, 11, 3, 8, tzinfo=UTC)  # 3:00 EST
    assert duration_text(starts, ends, "America/Montreal") == "3 hours"
    assert duration_text(starts, starts + datetime.timedelta(minutes=90), "UTC") == "1 hour 30 minutes"
    assert duration_text(starts, starts + datetime.timedelta(minutes=45), "UTC") == "45 minutes"


def test_durations_use_plural_forms_in_french_and_spanish():
    starts = datetime.datetime(2030, 5, 6, 9, tzinfo=UTC)
    with translation.override("fr"):
        assert duration_text(starts, starts + datetime.timedelta(minutes=60), "UTC") == "1 heure"
        assert duration_text(starts, starts + datetime.timedelta(days=2), "UTC") == "3 jours"
    with translation.override("es"):
        assert duration_text(starts, starts + datetime.timedelta(minutes=61), "UTC") == "1 hora 1 minuto"


def test_the_demo_events_read_as_people_would_plan_them(monkeypatch):
    # Started on 1 December: the regional meeting falls on 31 December - 2 January.
    now = datetime.datetime(2026, 12, 1, 12, 18, tzinfo=UTC)
    monkeypatch.setattr(demo.timezone, "now", lambda: now)
    demo.generate()
    meeting = Event.objects.get(kind="meeting")
    assert meeting.duration == "3 days"
    assert meeting.starts_at == datetime.datetime(2026, 12, 31, 6, tzinfo=UTC)  # 9:00 in Addis Ababa
    assert meeting.registration_state().code == "invitation"
    week = Event.objects.get(kind="biosafety_week")
    assert week.duration == "5 days"
    assert week.starts_at.astimezone(zoneinfo.ZoneInfo(week.timezone)).strftime("%A %H:%M") == "Monday 09:00"
    assert Event.objects.get(kind="webinar", capacity=100).duration == "1 hour 30 minutes"
    assert all(event.starts_at.astimezone(datetime.UTC).hour != 0 for event in Event.objects.all())
