"""The archive: sent issues only, each as it was sent, in the page's language."""

import pytest

from actionagenda.outreach import newsletter
from actionagenda.outreach.models import FeaturedCommitment
from factories import CommitmentFactory, NewsItemFactory, NewsletterFactory, SubscriberFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    SubscriberFactory()
    NewsItemFactory(title_en="Detection course opens")
    issue = NewsletterFactory(subject_en="Seeds", subject_fr="Semences")
    issue.blocks.create(kind="news", position=2)
    with django_capture_on_commit_callbacks(execute=True):
        newsletter.start_sending(issue, UserFactory())
    return issue


def test_the_archive_lists_sent_issues_and_never_a_draft(client, sent):
    NewsletterFactory(subject_en="Draft in the works")
    page = client.get("/en/newsletter/").content.decode()
    assert f'href="/en/newsletter/{sent.pk}/">Seeds</a>' in page and "Draft in the works" not in page
    assert "Semences" in client.get("/fr/newsletter/").content.decode()


def test_an_issue_page_shows_what_was_sent_in_the_page_s_language(client, sent):
    NewsItemFactory(title_en="A later item")
    english = client.get(f"/en/newsletter/{sent.pk}/").content.decode()
    french = client.get(f"/fr/newsletter/{sent.pk}/").content.decode()
    assert "Detection course opens" in english and "A later item" not in english
    assert "Semences" in french and "Merci de vos engagements." in french


def test_a_draft_s_page_is_not_found(client):
    draft = NewsletterFactory()
    assert client.get(f"/en/newsletter/{draft.pk}/").status_code == 404


def test_an_item_in_another_language_is_marked_with_it(client, django_capture_on_commit_callbacks):
    FeaturedCommitment.objects.create(commitment=CommitmentFactory(title="Semences et biosécurité", language="fr"))
    issue = NewsletterFactory()
    issue.blocks.create(kind="commitments", position=2)
    with django_capture_on_commit_callbacks(execute=True):
        newsletter.start_sending(issue, UserFactory())
    page = client.get(f"/en/newsletter/{issue.pk}/").content.decode()
    assert '<li lang="fr"><a href="/en/commitments/' in page and "Semences et biosécurité" in page
