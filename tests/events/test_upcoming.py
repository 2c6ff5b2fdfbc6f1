import datetime

import pytest

from factories import EventFactory

pytestmark = pytest.mark.django_db


def test_it_lists_upcoming_events_by_kind(client, django_assert_max_num_queries):
    EventFactory(title="Risk assessment webinar")
    EventFactory(title="Regional meeting for Asia-Pacific", kind="meeting", location="Bangkok")
    EventFactory(title="Biosafety week 2030", kind="biosafety_week")
    EventFactory(title="Hidden draft", published=False)
    EventFactory(title="Old webinar", starts_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC),
                 ends_at=datetime.datetime(2020, 1, 1, 1, tzinfo=datetime.UTC))
    with django_assert_max_num_queries(6):
        html = client.get("/en/events/").content.decode()
    assert html.index("<h2 id=\"kind-1\">Webinar</h2>") < html.index("Risk assessment webinar")
    assert "Regional meeting</h2>" in html and "Bangkok" in html
    assert "Biosafety week</h2>" in html
    assert "Hidden draft" not in html and "Old webinar" not in html
    assert 'href="/en/events/calendar.ics"' in html
    assert "data-localtime" in html


def test_it_says_when_nothing_is_planned(client):
    assert "No upcoming events." in client.get("/en/events/").content.decode()
