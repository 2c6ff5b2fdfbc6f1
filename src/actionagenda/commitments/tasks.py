"""Background tasks of the commitments app (run in-process or by `actionagenda worker`)."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from .models import ModerationDecision


@task()
def notify_author(decision_id: int) -> int:
    """E-mail the author of a commitment about a moderation decision, in the commitment's language."""
    decision = ModerationDecision.objects.select_related("commitment__created_by").get(pk=decision_id)
    commitment = decision.commitment
    recipients = {address for address in (getattr(commitment.created_by, "email", ""), commitment.contact_email)
                  if address}
    if not recipients:
        return 0
    language = commitment.language if commitment.language in dict(settings.LANGUAGES) else "en"
    with translation.override(language):
        context = {"decision": decision, "commitment": commitment, "site_url": settings.SITE_URL}
        subject = render_to_string("commitments/email/decision_subject.txt", context).strip()
        body = render_to_string("commitments/email/decision.txt", context)
    return send_mail(subject, body, None, sorted(recipients))
