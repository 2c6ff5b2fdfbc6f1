"""The secretariat composes an issue in the admin, previews it in each language and its recipients, sends a test
to itself, then sends once; nobody else may, and nobody is subscribed from the admin."""

import pytest
from django.core import mail
from django.urls import reverse

from actionagenda.outreach import newsletter
from actionagenda.outreach.models import Delivery, Newsletter
from factories import NewsletterFactory, SubscriberFactory, UserFactory

pytestmark = pytest.mark.django_db


def blocks(**fields):
    data = {"blocks-TOTAL_FORMS": "2", "blocks-INITIAL_FORMS": "0",
            "blocks-0-position": "1", "blocks-0-kind": "text", "blocks-0-text_en": "Welcome to **issue 1**.",
            "blocks-0-count": "3", "blocks-1-position": "2", "blocks-1-kind": "statistics", "blocks-1-count": "3"}
    return data | fields


def test_the_secretariat_composes_an_issue_with_blocks_and_a_segment(client, secretariat):
    client.force_login(secretariat)
    response = client.post(reverse("admin:outreach_newsletter_add"), blocks(
        subject_en="Issue 1", subject_fr="Numéro 1", segment_topics=["events"], segment_countries=["KE", "UG"]))
    assert response.status_code == 302
    issue = Newsletter.objects.get()
    assert (issue.segment_topics, issue.segment_countries, issue.segment_languages) == ("|events|", "|KE|UG|", "")
    assert [block.kind for block in issue.blocks.all()] == ["text", "statistics"]


def test_the_preview_shows_the_issue_in_each_language(client, secretariat):
    client.force_login(secretariat)
    issue = NewsletterFactory(subject_en="Seeds", subject_fr="Semences")
    french = client.get(reverse("admin:outreach_newsletter_preview", args=[issue.pk, "fr"])).content.decode()
    spanish = client.get(reverse("admin:outreach_newsletter_preview", args=[issue.pk, "es"])).content.decode()
    assert "Semences" in french and "Merci de vos engagements." in french
    assert "Seeds" in spanish and "Thank you for your commitments." in spanish


def test_the_recipients_page_lists_the_segment_and_its_count(client, secretariat):
    client.force_login(secretariat)
    SubscriberFactory(email="kenya@example.org", countries="|KE|")
    SubscriberFactory(email="brazil@example.org", countries="|BR|")
    SubscriberFactory(email="pending@example.org", status="pending")
    issue = NewsletterFactory(segment_countries="|KE|")
    page = client.get(reverse("admin:outreach_newsletter_recipients", args=[issue.pk])).content.decode()
    assert "1 recipient" in page and "kenya@example.org" in page
    assert "brazil@example.org" not in page and "pending@example.org" not in page


def test_a_test_goes_to_the_secretariat_member_s_own_address(client, secretariat):
    client.force_login(secretariat)
    SubscriberFactory(email="reader@example.org")
    issue = NewsletterFactory()
    client.post(reverse("admin:outreach_newsletter_test", args=[issue.pk]), {"to": "someone@else.example"})
    assert {tuple(message.to) for message in mail.outbox} == {(secretariat.email,)}
    assert Newsletter.objects.get().status == "draft"


def test_sending_asks_for_confirmation_then_sends_once(client, secretariat, django_capture_on_commit_callbacks):
    client.force_login(secretariat)
    SubscriberFactory.create_batch(3)
    issue = NewsletterFactory()
    url = reverse("admin:outreach_newsletter_send", args=[issue.pk])
    assert "3 subscribers" in client.get(url).content.decode() and not mail.outbox
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"confirm": "send"}).status_code == 302
        client.post(url, {"confirm": "send"})
    assert len(mail.outbox) == 3 and Delivery.objects.filter(status="sent").count() == 3
    change = client.get(reverse("admin:outreach_newsletter_change", args=[issue.pk])).content.decode()
    assert "Sent: 3" in change


def test_nobody_but_the_secretariat_previews_or_sends(client):
    client.force_login(UserFactory(is_staff=True))
    SubscriberFactory()
    issue = NewsletterFactory()
    for name in ("recipients", "send"):
        assert client.get(reverse(f"admin:outreach_newsletter_{name}", args=[issue.pk])).status_code == 403
    assert client.get(reverse("admin:outreach_newsletter_preview", args=[issue.pk, "fr"])).status_code == 403
    assert client.post(reverse("admin:outreach_newsletter_send", args=[issue.pk]),
                       {"confirm": "send"}).status_code == 403
    assert client.post(reverse("admin:outreach_newsletter_test", args=[issue.pk])).status_code == 403
    assert not mail.outbox and Newsletter.objects.get().status == "draft"


def test_no_subscriber_is_added_in_the_admin(client, secretariat):
    client.force_login(secretariat)
    assert client.get(reverse("admin:outreach_subscriber_add")).status_code == 403


def test_the_issues_list_counts_deliveries_in_a_bounded_number_of_queries(
        client, secretariat, django_assert_max_num_queries, django_capture_on_commit_callbacks):
    client.force_login(secretariat)
    SubscriberFactory.create_batch(2)
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(4):
            newsletter.start_sending(NewsletterFactory(), secretariat)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("admin:outreach_newsletter_changelist")).content.decode()
    assert page.count("2 / 2") == 4
    crumbs = client.get(reverse("admin:outreach_newsletter_recipients", args=[Newsletter.objects.first().pk]))
    assert 'href="/en/admin/outreach/">Outreach</a>' in crumbs.content.decode()
