"""The newsletter's processes: sign-up with double opt-in, preferences, unsubscribing, the segment an issue goes
to, its content frozen when sending starts, sending in batches (at most once per subscriber), and bounces.

Anyone can type anyone's address, so a sign-up only sends a link to the address: the preferences chosen travel
in that signed link and are applied when it is followed, for a new address as for a subscribed one (a second
sign-up changes nothing until the owner confirms). The sign-up answers the same whatever the address holds.

Sending starts by writing one Delivery per recipient of the segment (`recipients`, the function the secretariat's
preview calls). Each delivery is claimed by a conditional UPDATE before its message goes out, so a second run, a
run beside it or one after a killed worker never sends it again: a claim that was never followed by the result
(the worker died between the two) stays as an unknown outcome, never resent.
"""

import datetime
import email
import email.policy
import logging
import re
import smtplib
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from actionagenda import links as site_links
from actionagenda import ratelimits
from actionagenda.mail import send_templated

from . import newsletter_content
from .models import CodeList, Delivery, Newsletter, Subscriber, new_subscriber_token

Status = Subscriber.Status
logger = logging.getLogger(__name__)

CONFIRMATION_DAYS = 7
CONFIRMATION_MAX_AGE = datetime.timedelta(days=CONFIRMATION_DAYS)
SOFT_BOUNCES_TO_SUSPEND = 3
BATCH_SIZE = 100
TASK_SECONDS = 50  # a sending task hands over to a new one after this long, so no task runs for hours
_CONFIRMATION_SALT = "outreach.newsletter.confirm"
_BOUNCE_SALT = "outreach.newsletter.bounce"
DELIVERY_HEADER = "X-Actionagenda-Delivery"

CONSENT_TEXT = gettext_lazy(
    "I want to receive the Action Agenda newsletter at this address. The secretariat keeps my address and my "
    "choices only to send it, and records each delivery. I can change my choices or unsubscribe with the links "
    "in every e-mail.")


@dataclass(frozen=True)
class Preferences:
    """What a subscriber chooses: empty lists mean every topic, actor type or country."""

    language: str = "en"
    topics: list[str] = field(default_factory=list)
    actor_types: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"l": self.language, "t": self.topics, "a": self.actor_types, "c": self.countries}

    @classmethod
    def from_dict(cls, data: dict) -> "Preferences":
        return cls(data.get("l", "en"), list(data.get("t", [])), list(data.get("a", [])), list(data.get("c", [])))

    @classmethod
    def of(cls, subscriber: Subscriber) -> "Preferences":
        return cls(subscriber.language, CodeList.unpack(subscriber.topics), CodeList.unpack(subscriber.actor_types),
                   CodeList.unpack(subscriber.countries))


def normalised(address: str) -> str:
    return address.strip().lower()


def subscribe(address: str, preferences: Preferences) -> None:
    """Send the confirmation link to `address`, carrying `preferences`; nothing else changes until it is followed.
    More sign-ups of one address than the address's rate limit allows send nothing (answered the same)."""
    address = normalised(address)
    try:
        ratelimits.consume("newsletter_address", address)
    except ratelimits.RateLimited:
        return
    with transaction.atomic():
        subscriber, _created = Subscriber.objects.get_or_create(
            email=address, defaults={"token": new_subscriber_token(), "language": preferences.language})
    # Imported here: tasks imports this module.
    from .tasks import send_newsletter_confirmation

    transaction.on_commit(lambda: send_newsletter_confirmation.enqueue(subscriber.pk, preferences.as_dict()))


def confirmation_link(subscriber: Subscriber, preferences: dict) -> str:
    """The signed path, e-mailed to the address only, that subscribes it with `preferences`."""
    signed = signing.dumps({"s": subscriber.pk, "p": preferences}, salt=_CONFIRMATION_SALT, compress=True)
    return reverse("outreach:newsletter_confirm", kwargs={"signed": signed})


def confirmation_for(signed: str) -> tuple[Subscriber, Preferences] | None:
    """The subscriber and preferences a confirmation link names, or None when it is forged or expired."""
    try:
        data = signing.loads(signed, salt=_CONFIRMATION_SALT, max_age=CONFIRMATION_MAX_AGE)
    except signing.BadSignature:
        return None
    subscriber = Subscriber.objects.filter(pk=data.get("s")).first()
    return (subscriber, Preferences.from_dict(data.get("p", {}))) if subscriber else None


def _apply(subscriber: Subscriber, preferences: Preferences) -> None:
    subscriber.language = preferences.language
    subscriber.topics = CodeList.pack(preferences.topics)
    subscriber.actor_types = CodeList.pack(preferences.actor_types)
    subscriber.countries = CodeList.pack(preferences.countries)


def confirm(subscriber: Subscriber, preferences: Preferences) -> Subscriber:
    """Subscribe the address whose link was followed, with the preferences the link carries (the owner's
    consent, recorded in their language); an address suspended for bounces or unsubscribed is subscribed again."""
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        _apply(subscriber, preferences)
        now = timezone.now()
        with translation.override(preferences.language):
            subscriber.consent_text = str(CONSENT_TEXT)
        subscriber.consented_at, subscriber.soft_bounces, subscriber.unsubscribed_at = now, 0, None
        if subscriber.status != Status.CONFIRMED:
            subscriber.status, subscriber.confirmed_at = Status.CONFIRMED, now
        subscriber.save()
    return subscriber


def subscriber_for_token(token: str) -> Subscriber | None:
    """The subscribed (or suspended) subscriber whose e-mails carry `token`; None once unsubscribed."""
    if not token:
        return None
    return Subscriber.objects.filter(token=token, status__in=[Status.CONFIRMED, Status.SUSPENDED]).first()


def update_preferences(subscriber: Subscriber, preferences: Preferences) -> Subscriber:
    """Save the choices made on the preferences page (reached from an e-mail's link)."""
    _apply(subscriber, preferences)
    subscriber.save(update_fields=["language", "topics", "actor_types", "countries"])
    return subscriber


def unsubscribe(token: str) -> bool:
    """Unsubscribe the holder of `token`, erasing all but what keeps the address from being sent to again (the
    address, the status and the dates); idempotent. False for an unknown token."""
    subscriber = Subscriber.objects.filter(token=token).first()
    if subscriber is None:
        return False
    Subscriber.objects.filter(pk=subscriber.pk).exclude(status=Status.UNSUBSCRIBED).update(
        status=Status.UNSUBSCRIBED, unsubscribed_at=timezone.now(), topics="", actor_types="", countries="",
        consent_text="", language=settings.LANGUAGE_CODE)
    return True


def purge_unconfirmed(now: datetime.datetime | None = None) -> int:
    """Delete the sign-ups never confirmed whose link has expired; returns how many."""
    cutoff = (now or timezone.now()) - CONFIRMATION_MAX_AGE
    deleted, _by_model = Subscriber.objects.filter(status=Status.PENDING, created__lt=cutoff).delete()
    return deleted


def erase_address(address: str) -> int:
    """Erase a subscriber and their deliveries (a person's erasure request); returns how many subscribers."""
    deleted, _by_model = Subscriber.objects.filter(email=normalised(address)).delete()
    return min(deleted, 1)


def _one_of(name: str, codes: list[str]) -> Q:
    """Subscribers whose `name` list holds one of `codes`, or is empty (interested in all)."""
    matched = Q(**{name: ""})
    for code in codes:
        matched |= Q(**{f"{name}__contains": f"|{code}|"})
    return matched


def recipients(newsletter: Newsletter):
    """The subscribers an issue goes to: subscribed (never pending, unsubscribed or suspended) and in its
    segment. The secretariat's preview and the sending both call this."""
    chosen = Subscriber.objects.filter(status=Status.CONFIRMED)
    if languages := CodeList.unpack(newsletter.segment_languages):
        chosen = chosen.filter(language__in=languages)
    for name, segment in (("topics", newsletter.segment_topics), ("actor_types", newsletter.segment_actor_types),
                          ("countries", newsletter.segment_countries)):
        if codes := CodeList.unpack(segment):
            chosen = chosen.filter(_one_of(name, codes))
    return chosen.order_by("email")


def start_sending(newsletter: Newsletter, user) -> int:
    """Freeze the issue's content in every language, write a delivery for each recipient and queue the sending;
    returns the number of recipients. Raises ValidationError for an issue already sent or sending."""
    with transaction.atomic():
        newsletter = Newsletter.objects.select_for_update().get(pk=newsletter.pk)
        if newsletter.status != Newsletter.Status.DRAFT:
            raise ValidationError(_("This issue has already been sent."))
        now = timezone.now()
        newsletter.sent_content = newsletter_content.freeze(newsletter, now)
        newsletter.status, newsletter.sending_started_at, newsletter.sent_by = Newsletter.Status.SENDING, now, user
        newsletter.save()
        ids = list(recipients(newsletter).values_list("pk", flat=True))
        Delivery.objects.bulk_create([Delivery(newsletter=newsletter, subscriber_id=pk) for pk in ids],
                                     batch_size=500, ignore_conflicts=True)
        _queue(newsletter.pk)
    return len(ids)


def _queue(newsletter_id: int) -> None:
    from .tasks import send_newsletter

    transaction.on_commit(lambda: send_newsletter.enqueue(newsletter_id))


def bounce_tag(delivery_id: int) -> str:
    """The delivery's name in its bounce address and header: its id and a MAC (hex: local parts may lose case)."""
    return f"{delivery_id}-{salted_hmac(_BOUNCE_SALT, str(delivery_id)).hexdigest()[:20]}"


def delivery_for_tag(tag: str) -> Delivery | None:
    found = re.fullmatch(r"(\d+)-([0-9a-f]{20})", tag.strip().lower())
    if not found or not constant_time_compare(bounce_tag(int(found[1])), found[0]):
        return None
    return Delivery.objects.select_related("subscriber").filter(pk=int(found[1])).first()


def _envelope_sender(tag: str) -> str:
    """`bounces+<tag>@domain` from NEWSLETTER_BOUNCE_ADDRESS (VERP), or "" when none is configured."""
    local, _at, domain = settings.NEWSLETTER_BOUNCE_ADDRESS.rpartition("@")
    return f"{local}+{tag}@{domain}" if local else ""


def _links(subscriber: Subscriber, newsletter: Newsletter) -> dict[str, str]:
    with translation.override(subscriber.language):
        return {"preferences": reverse("outreach:newsletter_preferences", kwargs={"token": subscriber.token}),
                "unsubscribe": reverse("outreach:newsletter_unsubscribe", kwargs={"token": subscriber.token}),
                "web": newsletter.get_absolute_url()}


def _send(delivery: Delivery, connection) -> None:
    subscriber, newsletter = delivery.subscriber, delivery.newsletter
    links = _links(subscriber, newsletter)
    issue = newsletter_content.in_language(newsletter.sent_content, subscriber.language)
    tag = bounce_tag(delivery.pk)
    unsubscribe_url = site_links.absolute(links["unsubscribe"])
    headers = {"List-Unsubscribe": f"<{unsubscribe_url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
               "List-Id": f"Action Agenda newsletter <newsletter.{site_links.host()}>",
               DELIVERY_HEADER: tag}
    send_templated("outreach/newsletter/email/issue", {"issue": issue, "links": links}, [subscriber.email],
                   issue["language"], html=True, headers=headers, envelope_sender=_envelope_sender(tag),
                   connection=connection)


class MailServerUnavailable(Exception):
    """The mail server could not be reached or dropped the connection: sending waits for the next run."""


# Refusals of one message (its recipient, sender or content): recorded on the delivery, the batch goes on. Anything
# else from the connection (a drop, a refused connection) stops the batch, the rest staying queued.
_REFUSALS = (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused, smtplib.SMTPDataError)


def send_batch(newsletter_id: int, size: int = BATCH_SIZE) -> int:
    """Send up to `size` queued deliveries of an issue, each claimed first; returns how many were attempted (0:
    none left, and the issue is marked sent). Raises MailServerUnavailable when the connection fails: the
    delivery under way is recorded as failed (it may or may not have gone), the others stay queued."""
    queued = Delivery.objects.filter(newsletter_id=newsletter_id, status=Delivery.Status.QUEUED)
    pks = list(queued.order_by("pk").values_list("pk", flat=True)[:size])
    if not pks:
        Newsletter.objects.filter(pk=newsletter_id, status=Newsletter.Status.SENDING).update(
            status=Newsletter.Status.SENT, sent_at=timezone.now())
        return 0
    attempted = 0
    try:
        with get_connection() as connection:
            for pk in pks:
                attempted += _claim_and_send(pk, connection)
    except (smtplib.SMTPException, OSError) as error:
        raise MailServerUnavailable(str(error)) from error
    return attempted


def _claim_and_send(pk: int, connection) -> int:
    """Claim one delivery and send it; 0 when another run had claimed it."""
    if not Delivery.objects.filter(pk=pk, status=Delivery.Status.QUEUED).update(
            status=Delivery.Status.CLAIMED, claimed_at=timezone.now()):
        return 0
    delivery = Delivery.objects.select_related("subscriber", "newsletter").get(pk=pk)
    if delivery.subscriber.status != Status.CONFIRMED:  # unsubscribed or suspended since sending started
        _record(pk, Delivery.Status.FAILED, error=_("Not sent: no longer subscribed."))
        return 1
    try:
        _send(delivery, connection)
    except _REFUSALS as refusal:
        _record(pk, Delivery.Status.FAILED, error=str(refusal)[:500])
    except (smtplib.SMTPException, OSError) as error:
        _record(pk, Delivery.Status.FAILED, error=str(error)[:500] or error.__class__.__name__)
        raise
    else:
        _record(pk, Delivery.Status.SENT)
    return 1


def _record(pk: int, status: str, error: str = "") -> None:
    Delivery.objects.filter(pk=pk, status=Delivery.Status.CLAIMED).update(
        status=status, error=error, sent_at=timezone.now() if status == Delivery.Status.SENT else None)


def send_for_a_while(newsletter_id: int, seconds: float = TASK_SECONDS) -> bool:
    """Send batches for up to `seconds`; True when a new task should carry on at once (time ran out with
    deliveries left), False when the issue is done or the mail server is unavailable (the periodic
    `resume_sending` tries again)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if not send_batch(newsletter_id):
                return False
        except MailServerUnavailable as error:
            logger.warning("Newsletter %s: sending paused, the mail server is unavailable (%s)", newsletter_id, error)
            return False
    return True


def resume_sending() -> int:
    """Queue the sending of every issue still sending (its task may have died with a worker); returns how many.
    Safe beside a running task: deliveries are claimed one by one."""
    ids = list(Newsletter.objects.filter(status=Newsletter.Status.SENDING).values_list("pk", flat=True))
    for pk in ids:
        _queue(pk)
    return len(ids)


def progress(newsletter: Newsletter) -> dict[str, int]:
    """Deliveries of an issue by status (every status, 0 when none)."""
    counts = dict(newsletter.deliveries.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    return {status: counts.get(status, 0) for status in Delivery.Status.values}


def send_test(newsletter: Newsletter, address: str) -> int:
    """Send the issue as it stands, in each of its languages, to `address` (the secretariat member's own),
    with a "Test" subject; its links go to the sign-up page. Returns the number of messages sent."""
    content = newsletter_content.freeze(newsletter, timezone.now())
    signup = reverse("outreach:newsletter_signup")
    sent = 0
    for language in newsletter.languages():
        issue = content[language]
        sent += send_templated("outreach/newsletter/email/issue", {
            "issue": issue, "test": True,
            "links": {"preferences": signup, "unsubscribe": signup, "web": reverse("outreach:newsletter_archive")}},
            [address], language, html=True)
    return sent


def record_bounce(tag: str, status: str) -> bool:
    """Record a bounce of the delivery `tag` names (an RFC 3463 status such as 5.1.1): a permanent one (5.x.x)
    suspends the subscriber, a third transient one (4.x.x) too. Each delivery's bounce counts once. False when
    the tag is unknown or the delivery's bounce is already recorded."""
    delivery = delivery_for_tag(tag)
    if delivery is None or not re.fullmatch(r"[45]\.\d{1,3}\.\d{1,3}", status):
        return False
    with transaction.atomic():
        if not Delivery.objects.filter(pk=delivery.pk, bounced_at__isnull=True).update(
                status=Delivery.Status.BOUNCED, bounce_status=status, bounced_at=timezone.now()):
            return False
        subscribers = Subscriber.objects.filter(pk=delivery.subscriber_id)
        if status.startswith("5"):
            subscribers.filter(status=Status.CONFIRMED).update(status=Status.SUSPENDED)
        else:
            subscribers.update(soft_bounces=F("soft_bounces") + 1)
            subscribers.filter(status=Status.CONFIRMED, soft_bounces__gte=SOFT_BOUNCES_TO_SUSPEND).update(
                status=Status.SUSPENDED)
    return True


_TAG_IN_ADDRESS = re.compile(r"\+(\d+-[0-9a-fA-F]{20})@")


def bounces_in(message: email.message.Message) -> list[tuple[str, str]]:
    """The (delivery tag, status) pairs of an RFC 3464 delivery status notification: the tag from the address
    the report was sent to (VERP) or from the returned message's header, the status of each failed or delayed
    recipient. Empty for any other message."""
    statuses, tags = [], []
    for name in ("X-Original-To", "Delivered-To", "Envelope-To", "To"):
        tags += _TAG_IN_ADDRESS.findall(str(message.get(name, "")))
    for part in message.walk():
        kind = part.get_content_type()
        if kind == "message/delivery-status":
            for block in part.get_payload()[1:]:
                action, code = str(block.get("Action", "")).strip().lower(), str(block.get("Status", "")).strip()
                if action in ("failed", "delayed") and code:
                    statuses.append(code.split()[0])
        elif kind in ("message/rfc822", "message/rfc822-headers", "text/rfc822-headers"):
            returned = part.get_payload()[0] if kind == "message/rfc822" else email.message_from_string(
                part.get_payload(decode=True).decode("utf-8", "replace"), policy=email.policy.default)
            if returned.get(DELIVERY_HEADER):
                tags.append(str(returned[DELIVERY_HEADER]).strip())
    return [(tags[0], status) for status in statuses] if tags else []


def read_bounces(raw: bytes) -> int:
    """Record the bounces of one delivery status notification (bytes of an RFC 5322 message); returns how many
    were recorded."""
    message = email.message_from_bytes(raw, policy=email.policy.default)
    return sum(record_bounce(tag, status) for tag, status in bounces_in(message))
