"""The news list and a news item or story as a visitor and the secretariat read them."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from actionagenda.outreach.models import Tag
from factories import ActorFactory, CommitmentFactory, NewsItemFactory, QuoteFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tag():
    return Tag.objects.create(slug="capacity-building", name_en="Capacity building",
                              name_fr="Renforcement des capacités")


def test_the_list_shows_public_items_newest_first_and_never_drafts_or_scheduled_ones(client):
    NewsItemFactory(title_en="Older news", publish_at=timezone.now() - datetime.timedelta(days=3))
    NewsItemFactory(title_en="Newer news")
    NewsItemFactory(title_en="A draft", status="draft")
    NewsItemFactory(title_en="Next week's news", publish_at=timezone.now() + datetime.timedelta(days=7))
    page = client.get("/en/news/").content.decode()
    assert page.index("Newer news") < page.index("Older news")
    assert "A draft" not in page and "Next week" not in page


def test_the_list_filters_by_tag_and_kind(client, tag):
    NewsItemFactory(title_en="Trained analysts", tags=[tag])
    NewsItemFactory(title_en="Platform opens")
    NewsItemFactory(title_en="A story of seeds", kind="story", profiled_actor=ActorFactory())
    by_tag = client.get("/en/news/?tag=capacity-building").content.decode()
    assert "Trained analysts" in by_tag and "Platform opens" not in by_tag
    assert "1 item" in by_tag
    stories = client.get("/en/news/?kind=story").content.decode()
    assert "A story of seeds" in stories and "Platform opens" not in stories
    assert "Renforcement des capacités" in client.get("/fr/news/").content.decode()


def test_an_unknown_tag_or_kind_is_not_found(client):
    assert client.get("/en/news/?tag=nothing-like-it").status_code == 404
    assert client.get("/en/news/?kind=rumour").status_code == 404


def test_the_list_comes_in_pages_and_costs_the_same_queries_for_one_page_or_another(
        client, django_assert_max_num_queries):
    for number in range(14):
        NewsItemFactory(title_en=f"Item number {number:02d}",
                        publish_at=timezone.now() - datetime.timedelta(days=number))
    first = client.get("/en/news/").content.decode()
    assert "Item number 00" in first and "Item number 12" not in first and "Page 1 of 2" in first
    with django_assert_max_num_queries(5):  # the count, the page, the tags (and the session's none)
        second = client.get("/en/news/?page=2").content.decode()
    assert "Item number 12" in second and "Item number 13" in second and "Item number 00" not in second


def test_an_item_is_shown_in_the_pages_language_or_in_english_marked_as_such(client):
    item = NewsItemFactory(title_en="Laboratories certified", title_fr="Laboratoires certifiés",
                           summary_fr="Des analystes formés.", body_fr="Douze analystes **certifiés**.")
    untranslated = NewsItemFactory(title_en="Only in English")
    french = client.get(f"/fr/news/{item.slug}/").content.decode()
    assert "<h1>Laboratoires certifiés</h1>" in french and "<strong>certifiés</strong>" in french
    spanish = client.get(f"/es/news/{untranslated.slug}/").content.decode()
    assert 'lang="en"' in spanish and "Only in English" in spanish


def test_the_text_is_markdown_with_any_html_of_the_author_made_harmless(client):
    item = NewsItemFactory(body_en="**Bold** <script>alert(1)</script> [link](javascript:alert(2))")
    page = client.get(item.get_absolute_url()).content.decode()
    assert "<strong>Bold</strong>" in page
    assert "<script>alert(1)" not in page and 'href="javascript:' not in page


@pytest.mark.parametrize("state", [{"status": "draft"},
                                   {"publish_at": timezone.now() + datetime.timedelta(days=2)}],
                         ids=["draft", "scheduled"])
def test_a_draft_or_scheduled_item_is_unknown_to_visitors_and_members_but_previewed_by_the_secretariat(
        client, secretariat, state):
    item = NewsItemFactory(title_en="Not yet out", **state)
    assert client.get(item.get_absolute_url()).status_code == 404
    client.force_login(UserFactory())
    assert client.get(item.get_absolute_url()).status_code == 404
    client.force_login(secretariat)
    page = client.get(item.get_absolute_url()).content.decode()
    assert "Not yet out" in page and "Preview:" in page


def test_a_scheduled_item_appears_once_its_date_has_come(client):
    item = NewsItemFactory(publish_at=timezone.now() + datetime.timedelta(seconds=2))
    assert client.get(item.get_absolute_url()).status_code == 404
    type(item).objects.filter(pk=item.pk).update(publish_at=timezone.now() - datetime.timedelta(seconds=1))
    assert client.get(item.get_absolute_url()).status_code == 200


def test_a_story_shows_its_quotes_its_actor_and_only_its_published_commitments(client):
    actor = ActorFactory(name="Seed Savers Network")
    shown = CommitmentFactory(actor=actor, title="Seed fairs on LMO detection")
    hidden = CommitmentFactory(actor=actor, title="A private draft", status="draft", published_at=None)
    story = NewsItemFactory(kind="story", profiled_actor=actor, title_en="Seeds and trust")
    story.commitments.set([shown, hidden])
    QuoteFactory(story=story, speaker="Amina Sow", text_en="Clear answers count.")
    QuoteFactory(story=story, speaker="Hidden Speaker", published=False)
    page = client.get(story.get_absolute_url()).content.decode()
    assert "Clear answers count." in page and "Amina Sow" in page and "Hidden Speaker" not in page
    assert f'href="/en/actors/{actor.pk}/"' in page
    assert "Seed fairs on LMO detection" in page and "A private draft" not in page


def test_an_individual_named_in_a_story_is_linked_only_if_they_chose_a_public_profile(client):
    private = ActorFactory(kind="individual", name="Private Person")
    public = ActorFactory(kind="individual", name="Public Person", public_profile=True)
    item = NewsItemFactory()
    item.actors.set([private, public])
    page = client.get(item.get_absolute_url()).content.decode()
    assert f"/en/actors/{public.pk}/" in page and f"/en/actors/{private.pk}/" not in page


def test_a_story_costs_the_same_queries_with_2_or_8_commitments_and_quotes(client):
    actor = ActorFactory()
    story = NewsItemFactory(kind="story", profiled_actor=actor)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(story.get_absolute_url()).status_code == 200
        return len(captured)

    story.commitments.set(CommitmentFactory.create_batch(2, actor=actor))
    QuoteFactory.create_batch(2, story=story, actor=actor)
    few = queries()
    story.commitments.add(*CommitmentFactory.create_batch(6, actor=actor))
    QuoteFactory.create_batch(6, story=story, actor=actor)
    assert queries() == few
