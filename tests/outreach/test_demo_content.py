"""The demo's outreach content: news and a story with quotes in three languages, and the FAQ in categories."""

import pytest
from django.core.management import call_command

from actionagenda.assistant.models import GuidanceDocument
from actionagenda.outreach.models import FeaturedCommitment, NewsItem, Quote
from factories import ActorFactory, CommitmentFactory

pytestmark = pytest.mark.django_db


def test_the_demo_writes_news_a_story_with_quotes_and_the_faq_in_english_french_and_spanish(client):
    organisation = ActorFactory(name="Seed Savers Network")
    CommitmentFactory.create_batch(3, actor=organisation)
    CommitmentFactory(actor=ActorFactory(kind="business", name="GreenGrain Traders"))
    call_command("load_guidance", verbosity=0)
    call_command("seed_outreach_demo", verbosity=0)
    public = list(NewsItem.objects.public())
    assert len(public) >= 4 and all(item.languages() == ["en", "fr", "es"] for item in public)
    assert NewsItem.objects.filter(status="draft").exists()
    assert NewsItem.objects.filter(status="published").exclude(pk__in=[i.pk for i in public]).exists()  # scheduled
    story = NewsItem.objects.get(kind="story")
    assert story.profiled_actor == organisation and story.image and story.image_alt_fr
    assert "Seed Savers Network" in story.title_es and story.commitments.count() == 3
    assert story.quotes.count() == 2 and Quote.objects.filter(story=None, on_landing=True).exists()
    faq = GuidanceDocument.objects.filter(kind="faq")
    assert not faq.filter(faq_category=None).exists() and faq.filter(faq_highlight=True).count() == 4
    assert all(set(entry.passages.values_list("language", flat=True)) == {"en", "fr", "es"} for entry in faq)
    assert FeaturedCommitment.objects.exists()
    french = client.get("/fr/").content.decode()
    assert "Seed Savers Network" in french and "Prendre un engagement" in client.get("/fr/faq/").content.decode()
    call_command("seed_outreach_demo", verbosity=0)  # a second run adds nothing
    assert NewsItem.objects.count() == len(public) + 2
