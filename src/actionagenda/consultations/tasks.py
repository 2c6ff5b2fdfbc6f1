"""Background tasks of the consultations app (run in-process or by `actionagenda worker`)."""

import datetime

from django_tasks import task

from actionagenda.mail import send_templated

from . import services
from .models import Reply


@task()
def send_consultation_digests(day: str | None = None) -> int:
    """Send the daily digest for `day` (ISO date; default yesterday, UTC); safe to run more than once."""
    return services.send_digests(datetime.date.fromisoformat(day) if day else None)


@task()
def notify_reply_approved(reply_id: int) -> int:
    """Tell the author, in their language, that a moderator approved their held reply."""
    reply = Reply.objects.select_related("author", "question").get(pk=reply_id)
    if reply.author is None:  # the account was erased meanwhile
        return 0
    return send_templated("consultations/email/approved", {"reply": reply}, [reply.author.email],
                          reply.author.language)
