"""Background tasks of the consultations app (run in-process or by `actionagenda worker`)."""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from . import services


@task()
def send_consultation_digests(day: str | None = None) -> int:
    """Send the daily digest for `day` (ISO date; default yesterday, UTC); safe to run more than once."""
    return services.send_digests(datetime.date.fromisoformat(day) if day else None)


@task()
def notify_reply_approved(reply_id: int) -> int:
    """Tell the author, in their language, that a moderator approved their held reply."""
    from .models import Reply

    reply = Reply.objects.select_related("author", "question").get(pk=reply_id)
    with translation.override(reply.author.language):
        context = {"reply": reply, "site_url": settings.SITE_URL}
        subject = render_to_string("consultations/email/approved_subject.txt", context).strip()
        body = render_to_string("consultations/email/approved.txt", context)
    return send_mail(subject, body, None, [reply.author.email])
