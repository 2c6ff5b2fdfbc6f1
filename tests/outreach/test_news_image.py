"""A news item's image is shown in pages, sent as the picture it was checked to be, and only once public."""

import pytest
from django.core.files.base import ContentFile

from actionagenda.outreach.demo import illustration
from factories import NewsItemFactory, UserFactory

pytestmark = pytest.mark.django_db


def with_image(**fields):
    item = NewsItemFactory(image_alt_en="Analysts at a PCR bench.", **fields)
    item.image.save("bench.png", ContentFile(illustration()))
    return item


def test_a_public_items_image_is_shown_with_its_description_and_served_as_a_sandboxed_png(client):
    item = with_image()
    page = client.get(item.get_absolute_url()).content.decode()
    assert f'src="{item.image_url()}" alt="Analysts at a PCR bench."' in page
    response = client.get(item.image_url())
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff" and "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_a_drafts_image_is_unknown_to_visitors_and_seen_by_the_secretariat(client, secretariat):
    item = with_image(status="draft")
    assert client.get(item.image_url()).status_code == 404
    client.force_login(UserFactory())
    assert client.get(item.image_url()).status_code == 404
    client.force_login(secretariat)
    response = client.get(item.image_url())
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]


def test_an_image_address_with_another_file_name_is_not_found(client):
    item = with_image()
    assert client.get(item.image_url().rsplit("/", 1)[0] + "/other.png").status_code == 404
