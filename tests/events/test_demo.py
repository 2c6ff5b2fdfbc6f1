import pytest
from django.core.management import call_command

from actionagenda.events.models import Event

pytestmark = pytest.mark.django_db


def test_demo_events_are_created_once(client, capsys):
    call_command("seed_demo_events")
    call_command("seed_demo_events")
    assert capsys.readouterr().out.splitlines() == ["Created 6 demo events.", "Events already present; nothing added."]
    html = client.get("/en/events/").content.decode()
    assert "Regional meeting on biosafety for Africa" in html and "Biosafety week" in html
    webinar = Event.objects.get(kind="webinar", capacity=100)
    assert webinar.speakers.count() == 2 and webinar.documents.count() == 2
