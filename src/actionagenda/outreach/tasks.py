"""Background tasks of the newsletter (run in-process or by `actionagenda worker`)."""

from django_tasks import task

from actionagenda.mail import send_templated

from . import newsletter
from .models import Newsletter, Subscriber


@task()
def send_newsletter_confirmation(subscriber_id: int, preferences: dict) -> int:
    """E-mail the link that subscribes an address with `preferences` (or changes a subscriber's), in the
    language chosen."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None:  # purged meanwhile
        return 0
    language = newsletter.Preferences.from_dict(preferences).language
    return send_templated("outreach/newsletter/email/confirm", {
        "subscriber": subscriber, "confirmation_link": newsletter.confirmation_link(subscriber, preferences),
        "confirmation_days": newsletter.CONFIRMATION_DAYS}, [subscriber.email], language)


@task()
def send_newsletter(newsletter_id: int) -> bool:
    """Send an issue's queued deliveries in batches; after a while a new task takes over until all are sent (or the
    mail server fails: the periodic resume_newsletters tries again)."""
    carry_on = newsletter.send_for_a_while(newsletter_id)
    if carry_on:
        send_newsletter.enqueue(newsletter_id)
    return carry_on


@task()
def send_newsletter_test(newsletter_id: int, address: str) -> int:
    """Send the issue as it stands to a secretariat member's own address, in each of its languages."""
    issue = Newsletter.objects.filter(pk=newsletter_id).first()
    return newsletter.send_test(issue, address) if issue else 0


@task()
def resume_newsletters() -> int:
    """Continue every issue still sending (a worker killed mid-way left it); run periodically."""
    return newsletter.resume_sending()


@task()
def purge_unconfirmed_subscribers() -> int:
    """Delete sign-ups whose confirmation link expired unused; run periodically."""
    return newsletter.purge_unconfirmed()
