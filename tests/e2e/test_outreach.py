"""The outreach pages in Chromium: the landing page's sections, news, a story with its image and quotes, an
actor's profile and the FAQ, with no axe violation, in English and French."""

import pytest
from django.core.files.base import ContentFile
from django.utils import translation
from playwright.sync_api import expect

from actionagenda.assistant import services as assistant
from actionagenda.assistant.models import GuidanceDocument
from actionagenda.outreach.demo import illustration
from actionagenda.outreach.models import FAQCategory, FeaturedCommitment, Tag
from factories import ActorFactory, CommitmentFactory, NewsItemFactory, QuoteFactory

from .conftest import axe_violations_at

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def content():
    with translation.override("en"):
        actor = ActorFactory(name="Seed Savers Network", description="Farmers who save and test seeds.")
        commitment = CommitmentFactory(actor=actor, title="Seed fairs on LMO detection in Kisumu")
        CommitmentFactory.create_batch(3)
        FeaturedCommitment.objects.create(commitment=commitment)
        tag = Tag.objects.create(slug="detection", name_en="LMO detection", name_fr="Détection des OVM")
        story = NewsItemFactory(kind="story", profiled_actor=actor, title_en="Seeds and trust in Kisumu",
                                title_fr="Semences et confiance à Kisumu", summary_fr="Comment un réseau forme.",
                                body_fr="Le réseau **forme** des agriculteurs.", tags=[tag],
                                image_alt_en="Green leaf shapes over a pale field.",
                                image_alt_fr="Des formes de feuilles vertes sur un fond clair.")
        story.image.save("leaves.png", ContentFile(illustration()))
        story.commitments.set([commitment])
        QuoteFactory(story=story, actor=actor, speaker="Amina Sow", text_en="Clear answers count.",
                     text_fr="Les réponses claires comptent.", on_landing=True)
        NewsItemFactory(title_en="Analysts certified", tags=[tag])
        category = FAQCategory.objects.create(slug="making", name_en="Making a commitment",
                                              name_fr="Prendre un engagement")
        assistant.write_faq(GuidanceDocument(key="FAQ_WHO", faq_category=category, faq_highlight=True),
                            {"en": "Who can commit?", "fr": "Qui peut s’engager\u202f?"},
                            {"en": "Any non-state actor.", "fr": "Tout acteur non étatique."})
        return {"story": story.get_absolute_url(), "actor": actor.get_absolute_url()}


def test_the_outreach_pages_have_no_axe_violations_in_english_and_french(page, content):
    paths = ["/en/", "/fr/", "/en/news/", "/fr/news/?tag=detection", content["story"],
             content["story"].replace("/en/", "/fr/"), content["actor"], "/en/faq/", "/fr/faq/?q=acteur"]
    assert axe_violations_at(page, paths) == {}


def test_the_landing_page_leads_to_the_faq_answer_and_the_story(page, content):
    page.goto("/en/")
    expect(page.get_by_text("Clear answers count.")).to_be_visible()
    page.get_by_role("link", name="Who can commit?").click()
    heading = page.locator("#faq-who")
    expect(heading).to_be_in_viewport()
    page.goto("/en/")
    page.get_by_role("link", name="Seeds and trust in Kisumu").click()
    image = page.get_by_role("img", name="Green leaf shapes over a pale field.")
    expect(image).to_be_visible()
    assert page.evaluate("document.querySelector('.news-image img').naturalWidth") == 1200
    page.get_by_role("link", name="Seed Savers Network's commitments, stories and quotes").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Seed Savers Network")
    expect(page.get_by_role("link", name="Seed fairs on LMO detection in Kisumu")).to_be_visible()
