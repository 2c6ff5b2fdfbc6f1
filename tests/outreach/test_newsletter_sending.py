"""Sending an issue: the segment, what is sent equals the preview, never twice (a second run, a killed worker),
per-language rendering, the one-click unsubscribe headers, SMTP refusals recorded."""

import smtplib

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from actionagenda.outreach import newsletter
from actionagenda.outreach.models import Delivery, Newsletter, Subscriber
from factories import NewsItemFactory, NewsletterFactory, SubscriberFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretariat():
    return UserFactory(email="comms@cbd.example")


def send(issue, user, capture):
    with capture(execute=True):
        return newsletter.start_sending(issue, user)


def test_unconfirmed_unsubscribed_and_suspended_addresses_never_receive_an_issue(
        secretariat, django_capture_on_commit_callbacks):
    SubscriberFactory(email="reader@example.org")
    for status in ("pending", "unsubscribed", "suspended"):
        SubscriberFactory(email=f"{status}@example.org", status=status)
    issue = NewsletterFactory()
    assert list(newsletter.recipients(issue).values_list("email", flat=True)) == ["reader@example.org"]
    assert send(issue, secretariat, django_capture_on_commit_callbacks) == 1
    assert [message.to for message in mail.outbox] == [["reader@example.org"]]


def test_the_segment_preview_is_what_is_sent(secretariat, django_capture_on_commit_callbacks):
    SubscriberFactory(email="all@example.org")  # no choice: every topic, actor type and country
    SubscriberFactory(email="kenya-events@example.org", topics="|events|", countries="|KE|")
    SubscriberFactory(email="brazil@example.org", countries="|BR|")
    SubscriberFactory(email="news-only@example.org", topics="|news|")
    SubscriberFactory(email="business@example.org", actor_types="|business|", topics="|events|")
    SubscriberFactory(email="spanish@example.org", language="es")
    issue = NewsletterFactory(segment_topics="|consultations|events|", segment_countries="|KE|UG|",
                              segment_actor_types="|organization|", segment_languages="|en|")
    previewed = list(newsletter.recipients(issue).values_list("email", flat=True))
    assert previewed == ["all@example.org", "kenya-events@example.org"]
    send(issue, secretariat, django_capture_on_commit_callbacks)
    assert sorted(message.to[0] for message in mail.outbox) == previewed
    assert sorted(Delivery.objects.filter(status="sent").values_list("subscriber__email", flat=True)) == previewed


def test_each_subscriber_gets_the_issue_in_their_language(secretariat, django_capture_on_commit_callbacks):
    SubscriberFactory(email="en@example.org", language="en")
    SubscriberFactory(email="fr@example.org", language="fr")
    SubscriberFactory(email="es@example.org", language="es")  # the issue has no Spanish: English, Spanish links
    send(NewsletterFactory(subject_en="Seeds", subject_fr="Semences"), secretariat,
         django_capture_on_commit_callbacks)
    by_address = {message.to[0]: message for message in mail.outbox}
    french, spanish = by_address["fr@example.org"], by_address["es@example.org"]
    assert french.subject == "Semences" and "Merci de vos engagements." in french.body
    assert "Se désabonner : http" in french.body and "Darse de baja: http" in spanish.body
    html, kind = french.alternatives[0]
    assert kind == "text/html" and '<html lang="fr">' in html and "<strong>biosécurité</strong>" in html
    assert spanish.subject == "Seeds" and "/es/newsletter/unsubscribe/" in spanish.body
    assert by_address["en@example.org"].subject == "Seeds"


def test_every_issue_carries_the_one_click_unsubscribe_headers_and_its_links(
        secretariat, django_capture_on_commit_callbacks):
    subscriber = SubscriberFactory()
    send(NewsletterFactory(), secretariat, django_capture_on_commit_callbacks)
    [message] = mail.outbox
    headers = message.message()
    unsubscribe = f"/en/newsletter/unsubscribe/{subscriber.token}/"
    assert headers["List-Unsubscribe"].startswith("<http") and headers["List-Unsubscribe"].endswith(unsubscribe + ">")
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert f"/en/newsletter/preferences/{subscriber.token}/" in message.body and unsubscribe in message.body


def test_bounces_go_to_a_per_delivery_address_when_one_is_configured(
        secretariat, settings, django_capture_on_commit_callbacks):
    settings.NEWSLETTER_BOUNCE_ADDRESS = "bounces@lists.example"
    SubscriberFactory()
    send(NewsletterFactory(), secretariat, django_capture_on_commit_callbacks)
    [message] = mail.outbox
    tag = newsletter.bounce_tag(Delivery.objects.get().pk)
    assert message.from_email == f"bounces+{tag}@lists.example"
    assert message.message()["From"] == settings.DEFAULT_FROM_EMAIL


def test_an_issue_is_sent_once(secretariat, django_capture_on_commit_callbacks):
    SubscriberFactory()
    issue = NewsletterFactory()
    send(issue, secretariat, django_capture_on_commit_callbacks)
    with pytest.raises(ValidationError):
        send(issue, secretariat, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    issue.refresh_from_db()
    assert issue.status == "sent" and issue.sent_at and issue.sent_by == secretariat


def test_running_the_send_task_twice_sends_nobody_twice(secretariat, django_capture_on_commit_callbacks):
    SubscriberFactory.create_batch(5)
    issue = NewsletterFactory()
    send(issue, secretariat, django_capture_on_commit_callbacks)
    Newsletter.objects.filter(pk=issue.pk).update(status="sending")  # as if a second task were still queued
    newsletter.send_for_a_while(issue.pk)
    newsletter.send_batch(issue.pk)
    assert len(mail.outbox) == 5 and len({message.to[0] for message in mail.outbox}) == 5


def test_a_worker_killed_midway_leaves_an_unknown_delivery_and_the_next_run_sends_the_rest_once(
        secretariat, monkeypatch, django_capture_on_commit_callbacks):
    SubscriberFactory.create_batch(6)
    issue = NewsletterFactory()
    real_send, calls = newsletter._send, []

    def killed_on_the_third(delivery, connection):
        calls.append(delivery.pk)
        if len(calls) == 3:
            raise KeyboardInterrupt  # the process dies while the message is going out
        real_send(delivery, connection)

    monkeypatch.setattr(newsletter, "_send", killed_on_the_third)
    with pytest.raises(KeyboardInterrupt):
        send(issue, secretariat, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2
    monkeypatch.setattr(newsletter, "_send", real_send)
    with django_capture_on_commit_callbacks(execute=True):
        assert newsletter.resume_sending() == 1
    assert len(mail.outbox) == 5 and len({message.to[0] for message in mail.outbox}) == 5
    issue.refresh_from_db()
    assert issue.status == "sent"
    assert newsletter.progress(issue) == {"queued": 0, "claimed": 1, "sent": 5, "failed": 0, "bounced": 0}


def test_a_refusal_by_the_mail_server_is_recorded_on_the_delivery(
        secretariat, monkeypatch, django_capture_on_commit_callbacks):
    SubscriberFactory(email="gone@example.org")
    SubscriberFactory(email="fine@example.org")
    real_send = newsletter._send

    def refuse_gone(delivery, connection):
        if delivery.subscriber.email == "gone@example.org":
            raise smtplib.SMTPRecipientsRefused({"gone@example.org": (550, b"5.1.1 No such user")})
        real_send(delivery, connection)

    monkeypatch.setattr(newsletter, "_send", refuse_gone)
    issue = NewsletterFactory()
    send(issue, secretariat, django_capture_on_commit_callbacks)
    failed = Delivery.objects.get(subscriber__email="gone@example.org")
    assert failed.status == "failed" and "No such user" in failed.error
    assert newsletter.progress(issue)["sent"] == 1


def test_a_dropped_connection_pauses_the_sending_and_the_next_run_sends_the_rest(
        secretariat, monkeypatch, django_capture_on_commit_callbacks):
    SubscriberFactory.create_batch(4)
    real_send, calls = newsletter._send, []

    def dropped_on_the_second(delivery, connection):
        calls.append(delivery.pk)
        if len(calls) == 2:
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        real_send(delivery, connection)

    monkeypatch.setattr(newsletter, "_send", dropped_on_the_second)
    issue = NewsletterFactory()
    send(issue, secretariat, django_capture_on_commit_callbacks)
    issue.refresh_from_db()
    assert len(mail.outbox) == 1 and issue.status == "sending"
    assert newsletter.progress(issue) == {"queued": 2, "claimed": 0, "sent": 1, "failed": 1, "bounced": 0}
    with django_capture_on_commit_callbacks(execute=True):
        newsletter.resume_sending()
    issue.refresh_from_db()
    assert len(mail.outbox) == 3 and issue.status == "sent"


def test_someone_who_unsubscribes_while_an_issue_is_sending_is_skipped(
        secretariat, monkeypatch, django_capture_on_commit_callbacks):
    leaving = SubscriberFactory()
    monkeypatch.setattr("actionagenda.outreach.newsletter._queue", lambda pk: None)
    issue = NewsletterFactory()
    newsletter.start_sending(issue, secretariat)
    newsletter.unsubscribe(leaving.token)
    newsletter.send_for_a_while(issue.pk)
    assert not mail.outbox and Delivery.objects.get().status == "failed"


def test_the_content_is_frozen_when_sending_starts(secretariat, django_capture_on_commit_callbacks):
    SubscriberFactory()
    NewsItemFactory(title_en="Detection course opens")
    issue = NewsletterFactory()
    issue.blocks.create(kind="news", count=2, position=2)
    send(issue, secretariat, django_capture_on_commit_callbacks)
    NewsItemFactory(title_en="A later item")
    issue.refresh_from_db()
    titles = [item["title"] for item in issue.sent_content["en"]["blocks"][1]["items"]]
    assert titles == ["Detection course opens"]
    assert "Detection course opens" in mail.outbox[0].body


def test_a_test_send_goes_to_the_secretariat_member_alone_in_each_language(secretariat):
    SubscriberFactory()
    issue = NewsletterFactory()
    assert newsletter.send_test(issue, secretariat.email) == 2
    assert [message.to for message in mail.outbox] == [["comms@cbd.example"]] * 2
    assert [message.subject.split()[0] for message in mail.outbox] == ["[Test]", "[Test]"]
    issue.refresh_from_db()
    assert issue.status == "draft" and not Delivery.objects.exists()
    assert Subscriber.objects.get().deliveries.count() == 0


def test_a_task_out_of_time_hands_over_to_a_new_one(secretariat, monkeypatch):
    SubscriberFactory.create_batch(3)
    monkeypatch.setattr("actionagenda.outreach.newsletter._queue", lambda pk: None)
    issue = NewsletterFactory()
    newsletter.start_sending(issue, secretariat)
    assert newsletter.send_for_a_while(issue.pk, seconds=0) is True and not mail.outbox
    newsletter.send_batch(issue.pk, size=2)
    assert newsletter.send_for_a_while(issue.pk) is False and len(mail.outbox) == 3
