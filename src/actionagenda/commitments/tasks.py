"""Background tasks of the commitments app (run in-process or by `actionagenda worker`)."""

from django_tasks import task

from actionagenda.mail import send_templated

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
    return send_templated("commitments/email/decision", {"decision": decision, "commitment": commitment},
                          sorted(recipients), commitment.language)
