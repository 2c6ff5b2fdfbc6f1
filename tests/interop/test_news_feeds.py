"""RSS and Atom feeds of the secretariat's news and stories: they parse, keep drafts and scheduled items out,
filter like the news list, speak the URL's language and link at the public address."""

import datetime

import feedparser
import pytest
from django.test import override_settings
from django.utils import timezone

from actionagenda.outreach.models import Tag
from factories import ActorFactory, NewsItemFactory

pytestmark = pytest.mark.django_db

PUBLIC = "https://commitments.example.org"


@pytest.fixture
def items():
    tag = Tag.objects.create(slug="detection", name_en="LMO detection", name_fr="Détection des OVM")
    ago = timezone.now() - datetime.timedelta(days=1)
    return {
        "news": NewsItemFactory(title_en="Analysts certified", title_fr="Analystes certifiés",
                                summary_fr="Douze analystes.", body_fr="Douze analystes certifiés.", tags=[tag],
                                publish_at=ago),
        "story": NewsItemFactory(kind="story", title_en="Seeds and trust", profiled_actor=ActorFactory()),
        "draft": NewsItemFactory(title_en="Unfinished draft", status="draft"),
        "scheduled": NewsItemFactory(title_en="Next week", publish_at=timezone.now() + datetime.timedelta(days=7)),
    }


def _read(client, url):
    response = client.get(url)
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    return parsed


@override_settings(SITE_URL=PUBLIC)
@pytest.mark.parametrize("url", ["/en/feeds/news.rss", "/en/feeds/news.atom"])
def test_the_feed_lists_public_items_newest_first_at_the_public_address(client, items, url):
    parsed = _read(client, url)
    assert [entry.title for entry in parsed.entries] == ["Seeds and trust", "Analysts certified"]
    assert parsed.entries[1].link == f"{PUBLIC}/en/news/{items['news'].slug}/"
    assert [tag.term for tag in parsed.entries[1].tags] == ["LMO detection"]


def test_the_feed_filters_by_tag_and_kind_and_refuses_an_unknown_one(client, items):
    assert [e.title for e in _read(client, "/en/feeds/news.rss?tag=detection").entries] == ["Analysts certified"]
    assert [e.title for e in _read(client, "/en/feeds/news.atom?kind=story").entries] == ["Seeds and trust"]
    assert client.get("/en/feeds/news.rss?tag=gossip").status_code == 404


def test_the_feed_speaks_the_urls_language(client, items):
    parsed = _read(client, "/fr/feeds/news.rss")
    assert [entry.title for entry in parsed.entries] == ["Seeds and trust", "Analystes certifiés"]
    assert parsed.entries[1].tags[0].term == "Détection des OVM"


def test_the_news_pages_announce_their_feeds(client, items):
    page = client.get("/en/news/?tag=detection").content.decode()
    assert 'type="application/rss+xml"' in page and 'href="/en/feeds/news.rss?tag=detection"' in page
