import pytest
from django.core.files.base import ContentFile

from actionagenda.events.models import EventDocument
from factories import EventFactory

pytestmark = pytest.mark.django_db


def upload(event, title="Programme"):
    document = EventDocument(event=event, title=title, kind="programme")
    document.file.save("programme.pdf", ContentFile(b"%PDF-1.4 programme"), save=True)
    return document


def test_an_uploaded_programme_is_linked_and_served(client):
    event = EventFactory()
    document = upload(event)
    html = client.get(event.get_absolute_url()).content.decode()
    assert f'href="/en/events/{event.slug}/documents/{document.pk}/">Programme</a>' in html
    response = client.get(document.href)
    assert b"".join(response.streaming_content) == b"%PDF-1.4 programme"
    assert response["Content-Type"] == "application/pdf"


def test_documents_of_an_unpublished_event_are_not_served(client):
    event = EventFactory(published=False)
    document = upload(event)
    assert client.get(f"/en/events/{event.slug}/documents/{document.pk}/").status_code == 404


def test_a_document_is_not_served_under_another_events_address(client):
    document = upload(EventFactory())
    other = EventFactory()
    assert client.get(f"/en/events/{other.slug}/documents/{document.pk}/").status_code == 404


def test_a_document_needs_a_file_or_a_link_but_not_both():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        EventDocument(event=EventFactory(), title="Empty", kind="other").clean()
