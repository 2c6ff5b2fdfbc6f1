"""Bounces: delivery status notifications (RFC 3464) read by `newsletter-bounces`; a hard bounce suspends at
once, soft bounces after three; forged tags and other messages are ignored."""

import pytest
from django.core.management import call_command

from actionagenda.outreach import newsletter
from actionagenda.outreach.models import Delivery, Subscriber
from factories import NewsletterFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


def delivery(subscriber=None):
    return Delivery.objects.create(newsletter=NewsletterFactory(), subscriber=subscriber or SubscriberFactory(),
                                   status="sent")


def dsn(tag: str, status: str, *, verp: bool = True, action: str = "failed") -> bytes:
    """A delivery status notification as Postfix writes one: the tag in the VERP address it is sent to, or only in
    the returned message's headers."""
    to = f"bounces+{tag}@lists.example" if verp else "bounces@lists.example"
    return f"""From: MAILER-DAEMON@mx.example
To: {to}
Subject: Undelivered Mail Returned to Sender
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B"

--B
Content-Type: text/plain

The mail system could not deliver your message.

--B
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example

Final-Recipient: rfc822; reader@example.org
Action: {action}
Status: {status}
Diagnostic-Code: smtp; 550 {status} User unknown

--B
Content-Type: text/rfc822-headers

From: actionagenda <no-reply@localhost>
To: reader@example.org
Subject: Biosafety news
{newsletter.DELIVERY_HEADER}: {tag}

--B--
""".replace("\n", "\r\n").encode()


def test_a_hard_bounce_suspends_the_subscriber_and_is_recorded_on_the_delivery(tmp_path):
    sent = delivery()
    report = tmp_path / "bounce.eml"
    report.write_bytes(dsn(newsletter.bounce_tag(sent.pk), "5.1.1"))
    call_command("newsletter_bounces", str(report))
    sent.refresh_from_db()
    assert (sent.status, sent.bounce_status) == ("bounced", "5.1.1") and sent.bounced_at
    assert Subscriber.objects.get().status == "suspended"


def test_the_returned_message_s_header_names_the_delivery_without_verp():
    sent = delivery()
    assert newsletter.read_bounces(dsn(newsletter.bounce_tag(sent.pk), "5.2.1", verp=False)) == 1
    assert Subscriber.objects.get().status == "suspended"


def test_soft_bounces_suspend_after_the_third_and_each_delivery_counts_once():
    subscriber = SubscriberFactory()
    first = delivery(subscriber)
    assert newsletter.read_bounces(dsn(newsletter.bounce_tag(first.pk), "4.2.2", action="delayed")) == 1
    assert newsletter.read_bounces(dsn(newsletter.bounce_tag(first.pk), "4.2.2")) == 0  # the same report again
    subscriber.refresh_from_db()
    assert (subscriber.soft_bounces, subscriber.status) == (1, "confirmed")
    for _ in range(2):
        newsletter.read_bounces(dsn(newsletter.bounce_tag(delivery(subscriber).pk), "4.4.7"))
    subscriber.refresh_from_db()
    assert (subscriber.soft_bounces, subscriber.status) == (3, "suspended")


def test_a_forged_tag_or_a_message_that_is_no_report_records_nothing():
    sent = delivery()
    assert newsletter.read_bounces(dsn(f"{sent.pk}-{'0' * 20}", "5.1.1")) == 0
    assert newsletter.read_bounces(b"From: someone@example.org\r\nSubject: hello\r\n\r\nJust a reply.\r\n") == 0
    assert Subscriber.objects.get().status == "confirmed"
