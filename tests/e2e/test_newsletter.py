"""The newsletter in Chromium: a visitor signs up on the landing page, confirms with the e-mailed link, changes
their choices and unsubscribes with the e-mail's link; the sign-up, preferences, unsubscribe and archive pages
have no axe violation."""

import re

import pytest
from django.core import mail
from django.utils import translation

from actionagenda.outreach import newsletter
from actionagenda.outreach.models import Subscriber
from factories import NewsItemFactory, NewsletterFactory, SubscriberFactory, UserFactory

from .conftest import axe_violations, axe_violations_at

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _english_urls():
    with translation.override("en"):
        yield


def path_in(message, kind: str) -> str:
    return re.search(rf"/[a-z]{{2}}/newsletter/{kind}/\S+/", message.body).group(0)


def test_a_visitor_signs_up_on_the_landing_page_confirms_and_unsubscribes(page):
    page.goto("/en/")
    section = page.get_by_role("region", name="The newsletter")
    section.get_by_role("textbox", name="E-mail").fill("amina@example.org")
    section.get_by_label(re.compile("I want to receive the Action Agenda newsletter")).check()
    section.get_by_role("button", name="Subscribe").click()
    page.get_by_role("heading", name="Check your inbox").wait_for()
    assert Subscriber.objects.get().status == "pending"
    [confirmation] = [m for m in mail.outbox if m.to == ["amina@example.org"]]
    page.goto(path_in(confirmation, "confirm"))
    page.get_by_role("button", name="Confirm my subscription").click()
    page.get_by_text("You are subscribed: the newsletter will come to amina@example.org.").wait_for()
    assert Subscriber.objects.get().status == "confirmed"
    page.get_by_role("group", name="Topics").get_by_label("Events and webinars").check()
    page.get_by_role("button", name="Save my choices").click()
    page.get_by_text("Your choices are saved.").wait_for()
    assert Subscriber.objects.get().topics == "|events|"

    with translation.override("en"):
        newsletter.start_sending(NewsletterFactory(segment_topics="|events|"), UserFactory())
    [issue] = [m for m in mail.outbox if "Biosafety news" in m.subject]
    page.goto(path_in(issue, "unsubscribe"))
    assert Subscriber.objects.get().status == "confirmed"  # opening the link unsubscribes no one
    page.get_by_role("button", name="Unsubscribe").click()
    page.get_by_role("heading", name="You are unsubscribed").wait_for()
    assert Subscriber.objects.get().status == "unsubscribed"


def test_the_newsletter_pages_have_no_axe_violations(page):
    subscriber = SubscriberFactory(topics="|news|", countries="|KE|")
    NewsItemFactory(title_en="Analysts certified")
    issue = NewsletterFactory(subject_en="Seeds and trust")
    issue.blocks.create(kind="news", position=2)
    issue.blocks.create(kind="statistics", position=3)
    newsletter.start_sending(issue, UserFactory())
    paths = ["/en/newsletter/subscribe/", "/fr/newsletter/subscribe/",
             f"/en/newsletter/preferences/{subscriber.token}/", f"/es/newsletter/preferences/{subscriber.token}/",
             f"/en/newsletter/unsubscribe/{subscriber.token}/", "/en/newsletter/", "/fr/newsletter/",
             f"/en/newsletter/{issue.pk}/", f"/fr/newsletter/{issue.pk}/"]
    assert axe_violations_at(page, paths) == {}
    page.goto("/en/newsletter/subscribe/")
    page.get_by_role("button", name="Subscribe").click()  # nothing filled in: the errors are shown, axe-clean
    page.locator(".errorlist").first.wait_for()
    assert axe_violations(page) == []
