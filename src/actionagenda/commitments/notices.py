"""E-mails around a submission: the author's receipt, the secretariat's notice that a commitment waits in the
moderation queue, and the daily digest of the queue for the secretariat members who chose it instead.

Each goes to its recipient in their own language through `mail.send_templated`, from a task enqueued after the
commit (workflow.apply) or from the periodic job (actionagenda.periodic)."""

import datetime
import logging

from django.db import IntegrityError, transaction
from django.utils import timezone

from actionagenda.accounts import roles
from actionagenda.accounts.models import User
from actionagenda.mail import send_templated

from .models import Commitment, ModerationDecision, QueueDigestDelivery

logger = logging.getLogger(__name__)
Notices = User.ModerationNotices


def send_receipt(decision: ModerationDecision) -> int:
    """Tell the person who submitted that the secretariat has the commitment and what happens next."""
    author = decision.by
    if author is None or not author.is_active or not author.email:
        return 0
    return send_templated("commitments/email/receipt", {"commitment": decision.commitment, "user": author},
                          [author.email], author.language)


def notify_secretariat(decision: ModerationDecision) -> int:
    """Tell each secretariat member who wants an e-mail per submission that a commitment waits for review; one
    message each, in their language."""
    members = roles.secretariat_members().filter(moderation_notices=Notices.EACH).exclude(email="").order_by("pk")
    context = {"commitment": decision.commitment, "waiting": Commitment.objects.filter(
        status=Commitment.Status.SUBMITTED).count()}
    return sum(send_templated("commitments/email/queue_notice", context, [member.email], member.language)
               for member in members)


def _day_bounds(day: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    start = datetime.datetime.combine(day, datetime.time.min, tzinfo=datetime.UTC)
    return start, start + datetime.timedelta(days=1)


def send_queue_digests(day: datetime.date | None = None) -> int:
    """Send each secretariat member who chose the daily digest one e-mail for `day` (default: yesterday, UTC)
    while commitments wait in the queue: how many wait, and those submitted that day. Never twice for a member
    and a day; returns the number sent."""
    day = day or (timezone.now().astimezone(datetime.UTC).date() - datetime.timedelta(days=1))
    waiting = Commitment.objects.filter(status=Commitment.Status.SUBMITTED)
    count = waiting.count()
    if not count:
        return 0
    start, end = _day_bounds(day)
    arrived = list(waiting.filter(submitted_at__gte=start, submitted_at__lt=end).select_related("actor")
                   .order_by("submitted_at", "pk"))
    members = (roles.secretariat_members().filter(moderation_notices=Notices.DAILY).exclude(email="")
               .exclude(pk__in=QueueDigestDelivery.objects.filter(day=day).values("user")).order_by("pk"))
    sent = 0
    for member in members:
        try:
            # Committed before sending: a concurrent run fails on the unique key and sends nothing, and no
            # transaction stays open while SMTP talks.
            with transaction.atomic():
                delivery = QueueDigestDelivery.objects.create(user=member, day=day, waiting=count)
        except IntegrityError:
            continue
        try:
            send_templated("commitments/email/queue_digest", {"day": day, "waiting": count, "arrived": arrived},
                           [member.email], member.language)
        except Exception:
            delivery.delete()  # the next run retries this member
            logger.exception("Moderation digest for user %s on %s failed", member.pk, day)
            continue
        sent += 1
    return sent
