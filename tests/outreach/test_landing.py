import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from actionagenda.assistant import services as assistant
from actionagenda.assistant.models import GuidanceDocument
from actionagenda.commitments import workflow
from actionagenda.commitments.models import Commitment
from actionagenda.outreach.models import FeaturedCommitment
from factories import ActorFactory, CommitmentFactory, NewsItemFactory, QuoteFactory


@pytest.mark.django_db
def test_it_shows_published_commitments_and_hides_drafts(client):
    CommitmentFactory(title="Radio on LMOs in Nairobi")
    CommitmentFactory(title="A private draft", status="draft", published_at=None)
    page = client.get("/en/").content.decode()
    assert "Radio on LMOs in Nairobi" in page
    assert "A private draft" not in page


@pytest.mark.django_db
def test_it_is_served_in_french_and_spanish(client):
    assert client.get("/fr/").headers["Content-Language"] == "fr"
    assert client.get("/es/").headers["Content-Language"] == "es"


@pytest.mark.django_db
def test_no_template_syntax_leaks_into_the_page(client):
    # Django's {# #} comments end at the line: a comment folded over two lines is printed to every visitor.
    page = client.get("/en/").content.decode()
    assert "{#" not in page and "{%" not in page and "{{" not in page


def figures(client) -> dict[str, str]:
    """The headline figures as a visitor reads them: label -> number."""
    page = client.get("/en/").content.decode()
    found = re.findall(r"<li><strong>([\d,]+)</strong> ([^<]+)</li>", page)
    return {label.strip(): number for number, label in found}


@pytest.mark.django_db
def test_the_figures_count_published_commitments_actors_countries_and_target_17(client):
    actor = ActorFactory()
    CommitmentFactory(actor=actor, links={"countries": ["KE", "SN"]})
    CommitmentFactory(actor=actor, links={"countries": ["KE"], "gbf_targets": ["GBF-20"]})
    CommitmentFactory(links={"countries": ["PE"], "gbf_targets": ["GBF-17", "GBF-21"]})
    CommitmentFactory(status="draft", published_at=None, links={"countries": ["FR"]})
    assert figures(client) == {"published commitments": "3", "committed actors": "2",
                               "countries": "3", "linked to GBF Target 17": "2"}


@pytest.mark.django_db
def test_a_commitment_published_by_the_secretariat_is_counted_and_listed_on_the_next_request(client, secretariat):
    CommitmentFactory(links={"countries": ["KE"]})
    waiting = CommitmentFactory(title="Seed fair on LMO detection", status="submitted", published_at=None,
                                links={"countries": ["GH"]})
    before = client.get("/en/").content.decode()
    assert "Seed fair on LMO detection" not in before
    assert figures(client)["published commitments"] == "1"
    workflow.apply(waiting, workflow.Action.PUBLISH, secretariat)
    assert figures(client) == {"published commitments": "2", "committed actors": "2", "countries": "2",
                               "linked to GBF Target 17": "2"}
    assert "Seed fair on LMO detection" in client.get("/en/").content.decode()


@pytest.mark.django_db
def test_a_change_saved_by_another_process_is_seen_on_the_next_request(client):
    # Another worker's publication renews the version token in its own (per-process) cache, not in ours: the
    # saved row's `updated` alone must make this process's figures and list change.
    CommitmentFactory(links={"countries": ["KE"]})
    withdrawn = CommitmentFactory(title="Withdrawn school visits", links={"countries": ["MX"]})
    assert figures(client)["countries"] == "2"
    Commitment.objects.filter(pk=withdrawn.pk).update(status="withdrawn", updated=timezone.now())
    assert figures(client) == {"published commitments": "1", "committed actors": "1", "countries": "1",
                               "linked to GBF Target 17": "1"}
    assert "Withdrawn school visits" not in client.get("/en/").content.decode()


@pytest.mark.django_db
def test_the_latest_list_shows_the_six_newest_published_commitments_newest_first(client):
    now = timezone.now()
    for day in range(8):
        CommitmentFactory(title=f"Commitment of day {day}", published_at=now - datetime.timedelta(days=day))
    page = client.get("/en/").content.decode()
    shown = re.findall(r"Commitment of day (\d)", page)
    assert shown == ["0", "1", "2", "3", "4", "5"]


@pytest.mark.django_db
def test_the_number_of_queries_does_not_grow_with_the_commitments(client, django_assert_max_num_queries):
    def warm_queries() -> int:
        client.get("/en/")  # builds the facet index once per change
        with CaptureQueriesContext(connection) as captured:
            client.get("/en/")
        return len(captured)

    CommitmentFactory.create_batch(2, links={"countries": ["KE", "SN"], "gbf_targets": ["GBF-17", "GBF-20"]})
    few = warm_queries()
    CommitmentFactory.create_batch(20, links={"countries": ["KE", "SN"], "gbf_targets": ["GBF-17", "GBF-20"]})
    assert warm_queries() == few
    # The index's version and the outreach sections' version (a read of the shared cache: a database table
    # without Redis); the cards are rendered once per version of the index.
    with django_assert_max_num_queries(2):
        client.get("/en/")


@pytest.mark.django_db
def test_the_landing_page_has_its_sections(client):
    featured = CommitmentFactory(title="Featured seed fairs",
                                 published_at=timezone.now() - datetime.timedelta(days=400))
    FeaturedCommitment.objects.create(commitment=featured)
    NewsItemFactory(title_en="Laboratories certified")
    QuoteFactory(text_en="Radio reaches farmers.", on_landing=True)
    assistant.write_faq(GuidanceDocument(key="FAQ_WHO", faq_highlight=True), {"en": "Who can commit?"},
                        {"en": "Any non-state actor."})
    page = client.get("/en/").content.decode()
    for form in ("individual", "organization", "business", "local_government"):
        assert f'href="/en/commitments/new/{form}/"' in page
    assert 'action="/en/commitments/" role="search"' in page and 'name="search"' in page
    assert page.index("Featured commitments") < page.index("Featured seed fairs") < page.index("Latest commitments")
    assert 'href="/en/faq/#faq-who"' in page and "Laboratories certified" in page
    assert "Radio reaches farmers." in page and "published commitments" in page
    assert 'href="/en/feeds/news.rss"' in page


@pytest.mark.django_db
def test_a_featured_commitment_withdrawn_since_leaves_the_landing_page(client):
    featured = CommitmentFactory(title="Featured seed fairs")
    FeaturedCommitment.objects.create(commitment=featured)
    assert "Featured seed fairs" in client.get("/en/").content.decode()
    Commitment.objects.filter(pk=featured.pk).update(status="withdrawn", updated=timezone.now())
    assert "Featured seed fairs" not in client.get("/en/").content.decode()


@pytest.mark.django_db
def test_news_published_by_the_secretariat_or_come_due_shows_on_the_next_request(client, monkeypatch):
    assert "Laboratories certified" not in client.get("/en/").content.decode()
    draft = NewsItemFactory(title_en="Laboratories certified", status="draft")
    NewsItemFactory(title_en="Tomorrow's news", publish_at=timezone.now() + datetime.timedelta(days=1))
    page = client.get("/en/").content.decode()
    assert "Laboratories certified" not in page and "Tomorrow" not in page
    draft.status = "published"
    draft.save()
    assert "Laboratories certified" in client.get("/en/").content.decode()
    later = timezone.now() + datetime.timedelta(days=2)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert "Tomorrow&#x27;s news" in client.get("/en/").content.decode()


@pytest.mark.django_db
def test_the_outreach_sections_cost_no_query_per_item(client):
    def warm_queries() -> int:
        client.get("/en/")
        with CaptureQueriesContext(connection) as captured:
            client.get("/en/")
        return len(captured)

    CommitmentFactory.create_batch(2)
    NewsItemFactory.create_batch(2)
    QuoteFactory(on_landing=True)
    few = warm_queries()
    NewsItemFactory.create_batch(20)
    QuoteFactory.create_batch(10, on_landing=True)
    assert warm_queries() == few <= 2


@pytest.mark.django_db
def test_the_small_chart_counts_published_commitments_by_actor_type(client):
    CommitmentFactory.create_batch(2)
    CommitmentFactory(actor=ActorFactory(kind="business"))
    CommitmentFactory(actor=ActorFactory(kind="business"), status="draft", published_at=None)
    page = client.get("/en/").content.decode()
    description = re.search(r'<desc id="chart-actor-types-desc">([^<]+)</desc>', page).group(1)
    assert description == "Organisation: 2 (67 %); Business: 1 (33 %). 2 other values have none."
    assert 'role="img" aria-labelledby="chart-actor-types-title chart-actor-types-desc"' in page
    assert '<th scope="row"><a href="/en/commitments/?actor_type=business">Business</a></th><td>1</td>' in page


@pytest.mark.django_db
def test_the_kept_cards_follow_an_edited_title_and_a_renamed_actor(client):
    commitment = CommitmentFactory(title="Radio on LMOs")
    assert "Radio on LMOs" in client.get("/en/").content.decode()
    commitment.title = "Radio and school visits on LMOs"
    commitment.save()
    assert "Radio and school visits on LMOs" in client.get("/en/").content.decode()
    commitment.actor.name = "Renamed Biosafety Network"
    commitment.actor.save()
    assert "Renamed Biosafety Network" in client.get("/en/").content.decode()
    assert "Radio and school visits on LMOs" in client.get("/fr/").content.decode()
