"""sitemap.xml: an index of sections at the public address; every public page kind in en, fr and es, each with
its hreflang alternates and x-default; drafts, unpublished events and consultations never listed."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.test import override_settings
from django.utils import timezone

from actionagenda.accounts.models import Actor
from actionagenda.commitments.models import Commitment
from actionagenda.consultations.models import Consultation
from actionagenda.progress.models import ProgressReport
from factories import ActorFactory, CommitmentFactory, EventFactory, NewsItemFactory

pytestmark = pytest.mark.django_db

PUBLIC = "https://commitments.example.org"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
LANGUAGES = ("en", "fr", "es")


def _xml(client, url):
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/xml"
    return ET.fromstring(response.content)


def _urls(client, section):
    """{loc: {hreflang: href}} of a section, checked against the sitemap protocol's shape on the way."""
    root = _xml(client, f"/sitemap-{section}.xml")
    assert root.tag == f"{SM}urlset"
    found = {}
    for url in root:
        assert url.tag == f"{SM}url"
        allowed = {f"{SM}loc", f"{SM}lastmod", f"{SM}changefreq", f"{SM}priority", f"{XHTML}link"}
        assert {child.tag for child in url} <= allowed
        locs = url.findall(f"{SM}loc")
        assert len(locs) == 1 and locs[0].text.startswith(f"{PUBLIC}/")
        lastmod = url.find(f"{SM}lastmod")
        if lastmod is not None:
            datetime.date.fromisoformat(lastmod.text[:10])
        found[locs[0].text] = {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
                               if link.get("rel") == "alternate"}
    return found


@override_settings(SITE_URL=PUBLIC)
def test_the_index_names_every_section_at_the_public_address(client):
    root = _xml(client, "/sitemap.xml")
    assert root.tag == f"{SM}sitemapindex"
    locations = [entry.find(f"{SM}loc").text for entry in root.findall(f"{SM}sitemap")]
    assert locations == [f"{PUBLIC}/sitemap-{section}.xml"
                         for section in ("pages", "commitments", "reports", "events", "consultations", "news",
                                         "actors")]


@override_settings(SITE_URL=PUBLIC)
def test_each_published_commitment_is_listed_in_every_language_with_its_alternates(client):
    published = CommitmentFactory()
    CommitmentFactory(status=Commitment.Status.DRAFT, published_at=None)
    CommitmentFactory(status=Commitment.Status.WITHDRAWN)
    urls = _urls(client, "commitments")
    expected = {code: f"{PUBLIC}/{code}/commitments/{published.pk}/" for code in LANGUAGES}
    assert set(urls) == set(expected.values())
    for alternates in urls.values():
        assert alternates == {**expected, "x-default": f"{PUBLIC}/commitments/{published.pk}/"}


@override_settings(SITE_URL=PUBLIC)
def test_the_pages_that_are_not_records_are_listed_in_every_language(client):
    urls = _urls(client, "pages")
    for path in ("", "commitments/", "statistics/", "news/", "faq/", "events/", "consultations/", "ask/"):
        for code in LANGUAGES:
            assert f"{PUBLIC}/{code}/{path}" in urls
    assert not [url for url in urls if "/accounts/" in url or "/admin/" in url]


@override_settings(SITE_URL=PUBLIC)
def test_only_published_events_consultations_and_public_reports_are_listed(client):
    shown, hidden = EventFactory(), EventFactory(published=False)
    today = datetime.date(2026, 12, 1)
    open_one = Consultation.objects.create(title="Open", slug="open-one", opens_on=today, closes_on=today)
    Consultation.objects.create(title="Hidden", slug="hidden-one", opens_on=today, closes_on=today, published=False)
    commitment, draft = CommitmentFactory(), CommitmentFactory(status=Commitment.Status.DRAFT, published_at=None)
    period = {"period_start": datetime.date(2026, 1, 1), "period_end": datetime.date(2026, 3, 31)}
    report = ProgressReport.objects.create(commitment=commitment, status="submitted", **period)
    ProgressReport.objects.create(commitment=commitment, status="draft", **period)
    ProgressReport.objects.create(commitment=draft, status="submitted", **period)
    assert f"{PUBLIC}/fr/events/{shown.slug}/" in _urls(client, "events")
    assert not [url for url in _urls(client, "events") if hidden.slug in url]
    assert set(_urls(client, "consultations")) == {f"{PUBLIC}/{code}/consultations/{open_one.slug}/"
                                                   for code in LANGUAGES}
    assert set(_urls(client, "reports")) == {f"{PUBLIC}/{code}/commitments/{commitment.pk}/reports/{report.pk}/"
                                             for code in LANGUAGES}


def test_the_sitemap_costs_the_same_few_queries_however_many_commitments(client, django_assert_max_num_queries):
    CommitmentFactory.create_batch(40)
    with django_assert_max_num_queries(2):  # a count and one page of rows
        assert len(_urls_unchecked(client)) == 120
    with django_assert_max_num_queries(7):  # a count per section
        client.get("/sitemap.xml")


def _urls_unchecked(client):
    return _xml(client, "/sitemap-commitments.xml").findall(f"{SM}url")


def test_a_large_section_is_split_into_pages_the_index_names(client, monkeypatch):
    from actionagenda.interop import sitemaps

    monkeypatch.setattr(sitemaps.CommitmentsSitemap, "limit", 4)
    CommitmentFactory.create_batch(3)  # nine entries: pages of 4, 4 and 1
    pages = [_xml(client, f"/sitemap-commitments.xml?p={page}").findall(f"{SM}url") for page in (1, 2, 3)]
    assert [len(page) for page in pages] == [4, 4, 1]
    locations = [url.find(f"{SM}loc").text for page in pages for url in page]
    assert len(set(locations)) == 9
    index = [entry.find(f"{SM}loc").text for entry in _xml(client, "/sitemap.xml").findall(f"{SM}sitemap")]
    assert [loc for loc in index if "commitments" in loc][1:] == [
        "http://127.0.0.1:8000/sitemap-commitments.xml?p=2", "http://127.0.0.1:8000/sitemap-commitments.xml?p=3"]


@override_settings(SITE_URL=PUBLIC)
def test_public_news_and_public_actor_profiles_are_listed_and_nothing_else(client):
    public = NewsItemFactory()
    NewsItemFactory(status="draft")
    NewsItemFactory(publish_at=timezone.now() + datetime.timedelta(days=3))
    assert set(_urls(client, "news")) == {f"{PUBLIC}/{code}/news/{public.slug}/" for code in LANGUAGES}
    organisation = CommitmentFactory().actor
    CommitmentFactory(actor=ActorFactory(kind=Actor.Kind.INDIVIDUAL, name="Private Person"))
    chosen = CommitmentFactory(actor=ActorFactory(kind=Actor.Kind.INDIVIDUAL, name="Amina", public_profile=True))
    CommitmentFactory(status=Commitment.Status.DRAFT, published_at=None)
    assert set(_urls(client, "actors")) == {f"{PUBLIC}/{code}/actors/{actor.pk}/" for code in LANGUAGES
                                            for actor in (organisation, chosen.actor)}
