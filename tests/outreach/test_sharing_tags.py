"""Open Graph and Twitter card tags on every public page kind: a shared link shows the page's own title and
description, at the public address."""

import datetime
from html.parser import HTMLParser

import pytest
from django.test import override_settings

from actionagenda.consultations.models import Consultation
from actionagenda.progress.models import ProgressReport
from factories import CommitmentFactory, EventFactory, NewsItemFactory

pytestmark = pytest.mark.django_db

PUBLIC = "https://commitments.example.org"


class _Meta(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: dict[str, list[str]] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        key = attrs.get("property") or attrs.get("name")
        if tag == "meta" and key and (key.startswith("og:") or key.startswith("twitter:")):
            self.tags.setdefault(key, []).append(attrs.get("content"))


def _tags(client, path):
    response = client.get(path)
    assert response.status_code == 200
    parser = _Meta()
    parser.feed(response.content.decode())
    # Each tag once: a page that overrides the default must not leave a second, contradicting one.
    assert all(len(values) == 1 for values in parser.tags.values()), parser.tags
    return {key: values[0] for key, values in parser.tags.items()}


def _records():
    commitment = CommitmentFactory(title="Biosafety radio in Dakar", description="Weekly **programmes** on LMOs.")
    event = EventFactory(title="Webinar on risk assessment", description="An hour on *risk* assessment.")
    today = datetime.date(2026, 12, 1)
    consultation = Consultation.objects.create(title="Consultation on capacity building", slug="capacity",
                                               description="Four weeks of discussion.", opens_on=today,
                                               closes_on=today)
    report = ProgressReport.objects.create(commitment=commitment, status="submitted", narrative="Ten shows aired.",
                                           period_start=datetime.date(2026, 1, 1),
                                           period_end=datetime.date(2026, 3, 31))
    return commitment, event, consultation, report


@override_settings(SITE_URL=PUBLIC)
def test_every_public_page_kind_carries_the_sharing_tags(client):
    commitment, event, consultation, report = _records()
    news = NewsItemFactory(title_en="Analysts certified in Nairobi", summary_en="Twelve analysts passed.")
    pages = {
        "/en/": ("Biosafety commitments", None),
        "/en/commitments/": ("Explore commitments", None),
        "/en/statistics/?country=KE": ("Biosafety commitments in figures", "Published biosafety commitments by "
                                       "country, UN region, actor type, GBF target, Implementation Plan element and "
                                       "over time, with KPI totals; every figure filterable and downloadable."),
        commitment.get_absolute_url(): ("Biosafety radio in Dakar", "Weekly programmes on LMOs."),
        "/en/events/": ("Events and webinars", None),
        event.get_absolute_url(): ("Webinar on risk assessment", "An hour on risk assessment."),
        "/en/consultations/": ("Online consultations", None),
        consultation.get_absolute_url(): ("Consultation on capacity building", "Four weeks of discussion."),
        "/en/ask/": ("Ask the guidance assistant", None),
        report.get_absolute_url(): ("Progress report: Biosafety radio in Dakar", "Ten shows aired."),
        "/en/news/": ("News and stories", "News and stories from the secretariat about biosafety commitments and "
                                          "the actors who make them."),
        news.get_absolute_url(): ("Analysts certified in Nairobi", "Twelve analysts passed."),
        commitment.actor.get_absolute_url(): (commitment.actor.name, f"{commitment.actor.name} (Organisation): "
                                              "biosafety commitments, stories and quotes."),
        "/en/faq/": ("Frequently asked questions", "Answers about making, publishing and tracking biosafety "
                                                   "commitments on the platform."),
    }
    for path, (title, description) in pages.items():
        tags = _tags(client, path)
        assert tags["og:title"] == title, path
        assert tags["og:site_name"] == "Biosafety commitments"
        assert tags["og:url"] == f"{PUBLIC}{path}"
        assert tags["og:description"] == (description or "Measurable biosafety commitments by non-state actors "
                                          "for the Action Agenda for Nature and People and GBF Target 17.")
        # The large card where the commitment's infographic gives an image (progress), the plain one elsewhere.
        assert tags["twitter:card"] == ("summary_large_image" if "og:image" in tags else "summary")


@override_settings(SITE_URL=PUBLIC)
def test_the_tags_speak_the_pages_language_and_the_commitment_is_an_article(client):
    commitment = CommitmentFactory(title="Radio sur la biosécurité", language="fr")
    french = _tags(client, f"/fr/commitments/{commitment.pk}/")
    assert french["og:type"] == "article" and french["og:locale"] == "fr"
    assert french["og:url"] == f"{PUBLIC}/fr/commitments/{commitment.pk}/"
    assert _tags(client, "/fr/")["og:site_name"] == "Engagements en matière de biosécurité"
    assert _tags(client, "/fr/")["og:type"] == "website"
