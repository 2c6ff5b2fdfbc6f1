"""Webinar times as people write them in English, French and Spanish, with the zones of UN duty stations."""

import datetime

import pytest

from actionagenda.consultations import importer, times
from actionagenda.events.models import Event

UTC = datetime.UTC
MAY_12 = datetime.date(2026, 5, 12)


def utc(hour, minute=0, day=12, month=5, year=2026):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=UTC)


def webinar(line: str):
    programme = importer.parse(f"Programme\n{line}\n")
    assert programme.unrecognised == [], programme.unrecognised
    [found] = programme.webinars
    return found


FRENCH_LAUNCH = "Webinaire de lancement : 27 septembre 2021, 10 h 30 EDT - 12 h 00 EDT"


def test_the_issues_french_launch_webinar_is_understood():
    found = webinar(FRENCH_LAUNCH)
    assert (found.title, found.starts_at, found.ends_at, found.timezone) == (
        "Webinaire de lancement", utc(14, 30, day=27, month=9, year=2021), utc(16, 0, day=27, month=9, year=2021),
        "America/New_York")


@pytest.mark.django_db
def test_the_french_launch_webinar_becomes_an_event_in_utc():
    text = f"Discussions en ligne\n{FRENCH_LAUNCH}\nGroupe de discussion 1 : Évaluation des risques\n"
    importer.save(importer.parse(text))
    event = Event.objects.get()
    assert (event.title, event.starts_at, event.ends_at, event.timezone) == (
        "Webinaire de lancement", datetime.datetime(2021, 9, 27, 14, 30, tzinfo=UTC),
        datetime.datetime(2021, 9, 27, 16, 0, tzinfo=UTC), "America/New_York")


@pytest.mark.parametrize(("line", "starts", "ends"), [
    # English
    ("Webinar: 12 May 2026, 10:30 a.m. - 12:00 p.m. EDT", utc(14, 30), utc(16)),
    ("Webinar: May 12, 2026, 2 pm to 3:30 pm EDT", utc(18), utc(19, 30)),
    ("Webinar: May 12, 2026, 2 - 3:30 pm EDT", utc(18), utc(19, 30)),
    ("Webinar: May 12, 2026, 11 - 1 pm EDT", utc(15), utc(17)),
    ("Webinar: 12 May 2026, 14.30-16.00 CEST", utc(12, 30), utc(14)),
    ("Webinar: 12 May 2026, 9am-10.30am EAT", utc(6), utc(7, 30)),
    # French
    ("Webinaire : 12 mai 2026, 10h30-12h EDT", utc(14, 30), utc(16)),
    ("Webinaire : 12 mai 2026, 14 h - 15 h 30 HAEC", utc(12), utc(13, 30)),
    ("Webinaire : 12 mai 2026, de 10 h 30 à 12 h (HAE)", utc(14, 30), utc(16)),
    ("Webinaire : 12 mai 2026, 14 heures - 16 heures TU", utc(14), utc(16)),
    # Spanish
    ("Seminario web: 12 de mayo de 2026, 10:30 - 12:00 h EDT", utc(14, 30), utc(16)),
    ("Seminario web: 12 de mayo de 2026, de 14 a 16 horas CEST", utc(12), utc(14)),
    ("Seminario web: 12 de mayo de 2026, 14.30 a 16.00 (UTC−4)", utc(18, 30), utc(20)),
    ("Seminario web: 12 de mayo de 2026, 9:00 a.m. a 11:00 a.m. EST", utc(14), utc(16)),
])
def test_each_written_form_is_read(line, starts, ends):
    found = webinar(line)
    assert (found.starts_at, found.ends_at) == (starts, ends)


@pytest.mark.parametrize(("zone", "iana", "starts"), [
    ("EST", "America/New_York", utc(15)), ("EDT", "America/New_York", utc(14)),
    ("CET", "Europe/Paris", utc(9)), ("CEST", "Europe/Paris", utc(8)), ("EAT", "Africa/Nairobi", utc(7)),
    ("MESZ", "Europe/Berlin", utc(8)), ("HNE", "America/Montreal", utc(15)), ("ICT", "Asia/Bangkok", utc(3)),
])
def test_abbreviations_are_read_as_the_offset_they_name(zone, iana, starts):
    found = times.read_range(f"10:00 - 11:00 {zone}", MAY_12)
    assert (found.starts_at, found.timezone) == (starts, iana)


def test_a_season_that_does_not_match_the_day_is_read_as_written_and_noted():
    # EST in May: New York is on EDT then. The offset written is kept; a person is asked to check.
    programme = importer.parse("Programme\nWebinar: 12 May 2026, 10:00-11:00 EST\n")
    assert programme.webinars[0].starts_at == utc(15)
    assert programme.notes == [(2, "EST is UTC−5, but America/New_York is at UTC−4 on 2026-05-12: the time was "
                                   "read as written (UTC−5); check it.")]
    assert importer.parse("Programme\nWebinar: 12 May 2026, 10:00-11:00 EDT\n").notes == []


@pytest.mark.parametrize(("text", "iana"), [
    ("10:00 - 11:00 Geneva time", "Europe/Zurich"), ("10 h - 11 h, heure de Genève", "Europe/Zurich"),
    ("10:00 - 11:00 (hora de Ginebra)", "Europe/Zurich"), ("10 h - 11 h heure de Rome", "Europe/Rome"),
    ("10:00-11:00 Bonn time", "Europe/Berlin"), ("10:00-11:00, hora de Viena", "Europe/Vienna"),
])
def test_a_city_follows_its_summer_and_winter_time(text, iana):
    # Central European time: UTC+2 in May, UTC+1 in January.
    assert times.read_range(text, MAY_12).starts_at == utc(8)
    winter = times.read_range(text, datetime.date(2027, 1, 12))
    assert (winter.starts_at, winter.timezone) == (utc(9, day=12, month=1, year=2027), iana)


def test_montreal_and_eastern_time_follow_the_dst_change():
    assert times.read_range("10 h 30 - 12 h, heure de Montréal", MAY_12).starts_at == utc(14, 30)
    assert times.read_range("10:30 - 12:00 ET", datetime.date(2026, 12, 1)).starts_at == utc(
        15, 30, day=1, month=12)
    assert times.read_range("9 h - 10 h heure de Nairobi", MAY_12).starts_at == utc(6)


def test_the_date_may_follow_the_times():
    found = webinar("Launch webinar 10:30-12:00 EDT, 12 May 2026")
    assert (found.title, found.starts_at) == ("Launch webinar", utc(14, 30))


def test_a_range_past_midnight_ends_the_next_day():
    found = times.read_range("23:00 - 0:30 UTC", MAY_12)
    assert found.ends_at == utc(0, 30, day=13)


@pytest.mark.parametrize("line", [
    "Webinar: 12 May 2026, 10:30-12:00",  # no zone
    "Webinar: 12 May 2026, 10:30-12:00 XYZ",  # unknown zone
    "Webinar: 12 May 2026, 10-12 EDT",  # bare numbers: a date range as much as a time range
    "Webinar: 12 May 2026, 25:00-26:00 UTC",
    "Webinar: 12 May 2026, 13 pm - 2 pm EDT",
    "Webinar 10:30-12:00 EDT",  # no date
])
def test_what_cannot_be_read_for_sure_is_reported_not_guessed(line):
    programme = importer.parse(f"Programme\n{line}\n")
    assert programme.webinars == []
    assert programme.unrecognised == [(2, line)]
