"""Every absolute link the platform hands out comes from actionagenda.links, at SITE_URL: never from the request's
host, never from a second copy of the address."""

import pathlib
import re

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import translation

from actionagenda import links
from actionagenda.events import calendars
from factories import CommitmentFactory, EventFactory, UserFactory

PUBLIC = "https://commitments.example.org"
SOURCE = pathlib.Path(links.__file__).parent


@override_settings(SITE_URL=PUBLIC)
def test_a_path_is_linked_at_the_public_address():
    assert links.absolute("/en/commitments/7/") == f"{PUBLIC}/en/commitments/7/"
    assert links.rebased("http://10.0.0.5:8000/en/accounts/confirm-email/k/?a=1") == \
        f"{PUBLIC}/en/accounts/confirm-email/k/?a=1"
    assert links.host() == "commitments.example.org"


@pytest.mark.parametrize("not_a_path", ["https://elsewhere.example/x", "//elsewhere.example/x", "en/x", ""])
def test_anything_but_a_path_on_this_site_is_refused(not_a_path):
    with pytest.raises(ValueError):
        links.absolute(not_a_path)


def test_only_the_links_module_reads_the_public_address():
    readers = [str(path.relative_to(SOURCE)) for path in SOURCE.rglob("*.py")
               if "settings.SITE_URL" in path.read_text() and path.name != "links.py"]
    assert readers == []
    templates = [str(path.relative_to(SOURCE)) for path in SOURCE.rglob("templates/**/*.*")
                 if re.search(r"site_url|SITE_URL", path.read_text(), re.IGNORECASE)]
    assert templates == []


@override_settings(SITE_URL=PUBLIC)
@pytest.mark.django_db
def test_allauths_e_mails_link_to_the_public_address_not_the_requests_host(client):
    client.post("/en/accounts/signup/", {"email": "new@example.org", "password1": "a sturdy biosafety passphrase",
                                         "password2": "a sturdy biosafety passphrase"}, HTTP_HOST="localhost")
    UserFactory(email="forgetful@example.org")
    client.post("/en/accounts/password/reset/", {"email": "forgetful@example.org"}, HTTP_HOST="localhost")
    client.post("/en/accounts/password/reset/", {"email": "nobody@example.org"}, HTTP_HOST="localhost")
    assert len(mail.outbox) == 3
    for message in mail.outbox:
        found = re.findall(r"https?://[^/\s]+/\S*", message.body)
        assert found and all(url.startswith(f"{PUBLIC}/en/accounts/") for url in found), message.body


@override_settings(SITE_URL=PUBLIC)
@pytest.mark.django_db
def test_the_calendar_file_links_the_event_page_at_the_public_address():
    with translation.override("en"):
        event = EventFactory()
        text = calendars.event_file(event).decode()
    assert f"URL:{PUBLIC}/en/events/{event.slug}/" in text.replace("\r\n ", "")
    assert f"UID:event-{event.pk}@commitments.example.org" in text


@override_settings(SITE_URL=PUBLIC)
@pytest.mark.django_db
def test_the_assistant_api_links_related_commitments_at_the_public_address(client):
    from actionagenda.assistant import services as assistant

    assistant.load_catalogue()
    CommitmentFactory(title="Gene drive dialogue in Burkina Faso", links={"ip_elements": ["IP-RA"]})
    answer = client.get("/api/v1/assistant/ask", {"q": "How is the risk assessment of LMOs done?", "lang": "en"}).json()
    related = [c["url"] for d in answer["documents"] for c in d["related_commitments"]]
    assert related and all(url.startswith(f"{PUBLIC}/") for url in related)
