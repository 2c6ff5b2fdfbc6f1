import datetime
import zoneinfo

import pytest
from django.core.management import call_command
from django.utils import translation
from django.utils.html import escape

from actionagenda.assistant.services import catalogue_entries
from actionagenda.events.models import Event, EventDocument

pytestmark = pytest.mark.django_db


def test_demo_events_are_created_once(client, capsys):
    call_command("seed_demo_events")
    call_command("seed_demo_events")
    assert capsys.readouterr().out.splitlines() == ["Created 6 demo events.", "Events already present; nothing added."]
    html = client.get("/en/events/").content.decode()
    assert "Regional meeting on biosafety for Africa" in html and "Biosafety week" in html
    webinar = Event.objects.get(kind="webinar", capacity=100)
    assert webinar.speakers.count() == 2 and webinar.documents.count() == 2


def test_the_demo_events_start_at_office_hours_where_they_are_organised():
    call_command("seed_demo_events")
    for event in Event.objects.all():
        local = event.starts_at.astimezone(zoneinfo.ZoneInfo(event.timezone))
        assert 8 <= local.hour <= 14 and local.minute in (0, 30), (event.title, local)
        assert event.starts_at.astimezone(datetime.UTC).time() != datetime.time(0), event.title


def test_the_demo_links_only_to_guidance_the_platform_ships_and_invents_no_meeting_or_recording():
    call_command("seed_demo_events")
    shipped = {(entry["url"], entry.get("titles", {}).get(language, entry["title"]))
               for entry in catalogue_entries() if entry.get("url") for language in ("en", "fr", "es")}
    documents = list(EventDocument.objects.select_related("event"))
    assert documents
    for document in documents:
        assert (document.url, document.title) in shipped, document.title
        assert len({d.url for d in documents if d.event_id == document.event_id}) == len(
            [d for d in documents if d.event_id == document.event_id])
    assert not Event.objects.exclude(online_url="").exists()
    assert not Event.objects.exclude(recording_url="").exists()


@pytest.mark.parametrize(("language", "own_title", "notice"), [
    ("fr", "Détecter les OVM : les laboratoires d'Afrique de l'Ouest partagent leur expérience",
     "Cet événement se tient en anglais."),
    ("es", "Participación del público en las decisiones sobre OVM en América Latina",
     "Este evento se realiza en inglés."),
])
def test_french_and_spanish_pages_list_webinars_in_their_language_and_say_when_one_is_not(client, language,
                                                                                          own_title, notice):
    call_command("seed_demo_events")
    listing = client.get(f"/{language}/events/").content.decode()
    assert f'lang="{language}">{escape(own_title)}</a>' in listing
    english = Event.objects.get(kind="webinar", capacity=100)
    own = Event.objects.get(language=language)
    with translation.override(language):
        english_page = client.get(english.get_absolute_url()).content.decode()
        own_page = client.get(own.get_absolute_url()).content.decode()
    assert notice in english_page and '<h1 lang="en">' in english_page
    assert "message content-language" not in own_page
    assert "message content-language" not in client.get(f"/en/events/{english.slug}/").content.decode()
