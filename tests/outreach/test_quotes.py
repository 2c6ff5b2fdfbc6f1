"""Quotes: those marked for it rotate on the landing page; a story's quotes wait for the story."""

import datetime

import pytest
from django.utils import timezone

from factories import ActorFactory, NewsItemFactory, QuoteFactory

pytestmark = pytest.mark.django_db


def quotes_seen(client, times=30) -> set[str]:
    seen = set()
    for _ in range(times):
        page = client.get("/en/").content.decode()
        seen |= {text for text in ("Radio reaches farmers.", "Labs need proficiency tests.", "Hidden words.",
                                   "Draft story words.", "Not for the landing page.") if text in page}
    return seen


def test_the_landing_page_rotates_the_public_quotes_marked_for_it(client, monkeypatch):
    QuoteFactory(text_en="Radio reaches farmers.", on_landing=True)
    QuoteFactory(text_en="Labs need proficiency tests.", on_landing=True)
    QuoteFactory(text_en="Hidden words.", on_landing=True, published=False)
    QuoteFactory(text_en="Not for the landing page.")
    draft = NewsItemFactory(status="draft", kind="story", profiled_actor=ActorFactory())
    QuoteFactory(text_en="Draft story words.", on_landing=True, story=draft)
    assert quotes_seen(client) == {"Radio reaches farmers.", "Labs need proficiency tests."}


def test_a_story_quote_reaches_the_landing_page_when_its_scheduled_story_is_published(client, monkeypatch):
    soon = timezone.now() + datetime.timedelta(hours=1)
    story = NewsItemFactory(kind="story", profiled_actor=ActorFactory(), publish_at=soon)
    QuoteFactory(text_en="Radio reaches farmers.", on_landing=True, story=story)
    assert quotes_seen(client, 1) == set()
    later = timezone.now() + datetime.timedelta(hours=2)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert quotes_seen(client, 1) == {"Radio reaches farmers."}


def test_a_quote_is_shown_in_the_pages_language_when_translated(client):
    QuoteFactory(text_en="Radio reaches farmers.", text_fr="La radio touche les agriculteurs.",
                 role_en="Coordinator", role_fr="Coordinatrice", on_landing=True)
    page = client.get("/fr/").content.decode()
    assert "La radio touche les agriculteurs." in page and "Coordinatrice" in page
