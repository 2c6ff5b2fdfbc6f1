"""RSS and Atom feeds of newly published commitments: they parse, follow the explore filters, keep drafts out,
speak the URL's language and link at the public address."""

import datetime

import feedparser
import pytest
from django.test import override_settings

from actionagenda.commitments.models import Commitment
from factories import CommitmentFactory

pytestmark = pytest.mark.django_db

PUBLIC = "https://commitments.example.org"
FEEDS = ["/en/feeds/commitments.rss", "/en/feeds/commitments.atom"]


def _published(title, country, days_ago):
    return CommitmentFactory(title=title, links={"countries": [country]},
                             published_at=datetime.datetime(2026, 11, 30, tzinfo=datetime.UTC)
                             - datetime.timedelta(days=days_ago))


@pytest.fixture
def commitments():
    return {
        "kenya": _published("Seed fairs on biosafety in Kisumu", "KE", 1),
        "older_kenya": _published("Training Kenyan customs officers on LMOs", "KE", 5),
        "peru": _published("Potato landraces and gene flow in Cusco", "PE", 2),
        "draft": CommitmentFactory(title="Unfinished draft about Nairobi", links={"countries": ["KE"]},
                                   status=Commitment.Status.DRAFT, published_at=None),
    }


def _read(client, url):
    response = client.get(url)
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    return response, parsed


@pytest.mark.parametrize("url,version", [(FEEDS[0], "rss20"), (FEEDS[1], "atom10")])
def test_the_feed_lists_published_commitments_newest_first_and_never_a_draft(client, commitments, url, version):
    _response, feed = _read(client, url)
    assert feed.version == version
    assert [entry.title for entry in feed.entries] == [
        "Seed fairs on biosafety in Kisumu", "Potato landraces and gene flow in Cusco",
        "Training Kenyan customs officers on LMOs"]
    first = feed.entries[0]
    assert first.author == commitments["kenya"].actor.name
    assert first.published_parsed[:3] == (2026, 11, 29)
    assert "Radio programmes and school visits" in first.summary


@pytest.mark.parametrize("url", FEEDS)
def test_a_country_feed_lists_only_that_countrys_commitments(client, commitments, url):
    _response, feed = _read(client, f"{url}?country=KE")
    assert [entry.title for entry in feed.entries] == ["Seed fairs on biosafety in Kisumu",
                                                       "Training Kenyan customs officers on LMOs"]
    assert feed.feed.title == "New biosafety commitments: Kenya"


def test_a_search_narrows_the_feed_like_the_explore_page(client, commitments):
    _response, feed = _read(client, f"{FEEDS[0]}?search=potato")
    assert [entry.title for entry in feed.entries] == ["Potato landraces and gene flow in Cusco"]


def test_an_unknown_filter_value_is_not_a_feed_of_everything(client, commitments):
    assert client.get(f"{FEEDS[0]}?country=XX").status_code == 404
    assert client.get(f"{FEEDS[1]}?gbf_target=GBF-99").status_code == 404


@override_settings(SITE_URL=PUBLIC)
@pytest.mark.parametrize("url", FEEDS)
def test_every_link_is_at_the_public_address_in_the_urls_language(client, commitments, url):
    french = url.replace("/en/", "/fr/")
    _response, feed = _read(client, f"{french}?country=KE")
    kenya = commitments["kenya"]
    assert feed.entries[0].link == f"{PUBLIC}/fr/commitments/{kenya.pk}/"
    assert feed.feed.link == f"{PUBLIC}/fr/commitments/?country=KE"
    self_link = [link.href for link in feed.feed.links if link.rel == "self"]
    assert self_link == [f"{PUBLIC}{french}?country=KE"]
    assert feed.feed.language == "fr" if "rss" in url else True
    assert feed.feed.title == "Nouveaux engagements de biosécurité\u00a0: Kenya"


@pytest.mark.parametrize("url", FEEDS)
def test_the_feed_costs_the_same_few_queries_however_many_commitments(client, django_assert_max_num_queries, url):
    for number in range(30):
        _published(f"Commitment {number}", "KE", number)
    _read(client, url)  # the facet index is built once per change of the data, as for the explore page
    # The index's version, the commitments with their actors, their countries, their GBF targets.
    with django_assert_max_num_queries(4):
        _response, feed = _read(client, f"{url}?country=KE")
    assert len(feed.entries) == 30


def test_the_explore_page_points_to_the_feeds_of_its_filters(client, commitments):
    page = client.get("/en/commitments/?country=KE&gbf_target=GBF-17&sort=oldest").content.decode()
    assert ('<link rel="alternate" type="application/rss+xml" title="New commitments (RSS)" '
            'href="/en/feeds/commitments.rss?country=KE&amp;gbf_target=GBF-17">') in page
    assert ('<link rel="alternate" type="application/atom+xml" title="New commitments (Atom)" '
            'href="/en/feeds/commitments.atom?country=KE&amp;gbf_target=GBF-17">') in page


def test_the_landing_page_points_to_the_feeds_of_every_commitment(client):
    page = client.get("/fr/").content.decode()
    assert 'type="application/rss+xml"' in page and 'href="/fr/feeds/commitments.rss">' in page
    assert 'type="application/atom+xml"' in page and 'href="/fr/feeds/commitments.atom">' in page
