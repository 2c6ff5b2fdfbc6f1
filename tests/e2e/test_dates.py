"""The events' script rewrites times into the visitor's time zone in the pages' own date-time style."""

import datetime

import pytest
from django.utils import translation
from playwright.sync_api import expect

from factories import EventFactory

pytestmark = pytest.mark.django_db(transaction=True)

AT = datetime.datetime(2030, 12, 8, 13, 0, tzinfo=datetime.UTC)


@pytest.mark.parametrize(("language", "zone", "expected"), [
    ("en", "UTC", "8 December 2030 at 13:00 UTC"),
    ("fr", "UTC", "8 décembre 2030 à 13:00 UTC"),
    ("es", "Africa/Nairobi", "8 de diciembre de 2030 a las 16:00 GMT+3"),
])
def test_an_events_time_in_the_visitors_zone_keeps_the_pages_style(browser, live_server, language, zone, expected):
    event = EventFactory(starts_at=AT, ends_at=AT + datetime.timedelta(hours=1))
    with translation.override(language):
        path = event.get_absolute_url()
    context = browser.new_context(base_url=live_server.url, timezone_id=zone)
    page = context.new_page()
    page.goto(path)
    expect(page.locator("time[data-localised]").first).to_have_text(expected)
    context.close()
