"""The embed builder page: options in, a live preview and the snippets to copy out (without JavaScript too)."""

import html

import pytest
from django.test import override_settings

from factories import CommitmentFactory

pytestmark = pytest.mark.django_db

BUILDER = "/en/embed/"


@override_settings(SITE_URL="https://commitments.example.org")
def test_it_offers_a_script_snippet_and_an_iframe_snippet(client):
    response = client.get(BUILDER, {"component": "commitments", "lang": "fr", "country": "KE", "limit": "3"})
    text = response.content.decode()
    assert response.status_code == 200
    assert '<aa-commitments lang="fr" country="KE" limit="3"></aa-commitments>' in text
    assert html.escape('<script src="https://commitments.example.org/static/interop/embed.js" defer></script>\n'
                       '<aa-commitments lang="fr" country="KE" limit="3"></aa-commitments>') in text
    assert html.escape('<iframe src="https://commitments.example.org/embed/frame/commitments/?lang=fr&amp;country=KE'
                       '&amp;limit=3" title="Une liste d’engagements"') in text
    assert 'readonly' in text


def test_it_starts_with_a_list_in_the_pages_language(client):
    text = client.get("/es/embed/").content.decode()
    assert '<aa-commitments lang="es"></aa-commitments>' in text


def test_one_commitment_needs_its_number(client):
    commitment = CommitmentFactory()
    missing = client.get(BUILDER, {"component": "commitment", "lang": "en"}).content.decode()
    assert "Give the number of the commitment to show." in missing and "<aa-commitment " not in missing
    text = client.get(BUILDER, {"component": "commitment", "lang": "en", "commitment_id": commitment.pk}).content
    assert f'<aa-commitment lang="en" commitment-id="{commitment.pk}"></aa-commitment>' in text.decode()
    assert f"/embed/frame/commitments/{commitment.pk}/?lang=en" in text.decode()


def test_options_are_checked_not_copied_into_the_snippet(client):
    text = client.get(BUILDER, {"component": "commitments", "lang": "en",
                                "country": '"><script>alert(1)</script>'}).content.decode()
    assert "<script>alert(1)" not in text
    assert "<aa-commitments" not in text
    assert "Select a valid choice" in text


def test_htmx_gets_only_the_preview_and_snippets(client):
    response = client.get(BUILDER, {"component": "statistics", "lang": "en", "facet": "actor_type"},
                          HTTP_HX_REQUEST="true")
    text = response.content.decode()
    assert '<aa-statistics lang="en" facet="actor_type"></aa-statistics>' in text
    assert "<html" not in text and 'id="embed-form"' not in text
    assert "HX-Request" in response["Vary"]


def test_the_page_loads_the_script_and_keeps_the_content_security_policy(client):
    response = client.get(BUILDER)
    text = response.content.decode()
    assert '<script src="/static/interop/embed.js" defer></script>' in text
    assert "<style" not in text and " style=" not in text
    assert "<script>" not in text
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
