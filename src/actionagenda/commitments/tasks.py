"""Background tasks of the commitments app (run in-process or by `actionagenda worker`)."""

import datetime

from django_tasks import task

from actionagenda.mail import send_templated

from . import contacts, notices
from .models import Amendment, Commitment, ModerationDecision


@task()
def notify_author(decision_id: int) -> int:
    """E-mail a moderation decision to the members of the commitment's actor, each in their language, and to the
    contact address once its owner has confirmed it (in the commitment's language); one message each, so no
    recipient sees another's address. Returns the number sent."""
    decision = ModerationDecision.objects.select_related("commitment__actor").get(pk=decision_id)
    commitment = decision.commitment
    context = {"decision": decision, "commitment": commitment}
    members = commitment.actor.members.filter(is_active=True).exclude(email="").order_by("pk")
    recipients = {member.email.lower(): (member.email, member.language) for member in members}
    if contact := commitment.confirmed_contact_email:
        recipients.setdefault(contact.lower(), (contact, commitment.language))
    return sum(send_templated("commitments/email/decision", context, [address], language)
               for address, language in recipients.values())


@task()
def notify_amendment(amendment_id: int) -> int:
    """E-mail the secretariat's decision on an amendment (approved, or returned with its comment) to the members
    of the commitment's actor, each in their language; returns the number sent."""
    amendment = Amendment.objects.select_related("commitment__actor").get(pk=amendment_id)
    context = {"amendment": amendment, "commitment": amendment.commitment}
    members = amendment.commitment.actor.members.filter(is_active=True).exclude(email="").order_by("pk")
    return sum(send_templated("commitments/email/amendment", context, [member.email], member.language)
               for member in members)


@task()
def send_contact_confirmation(commitment_id: int, address: str) -> int:
    """E-mail the link that confirms `address` as the contact of a commitment, unless it changed meanwhile."""
    commitment = Commitment.objects.select_related("actor").filter(pk=commitment_id,
                                                                   contact_email__iexact=address).first()
    if commitment is None or commitment.confirmed_contact_email:
        return 0
    return send_templated("commitments/email/contact_confirmation",
                          {"commitment": commitment, "confirmation_link": contacts.confirmation_link(commitment)},
                          [commitment.contact_email], commitment.language)


@task()
def send_submission_receipt(decision_id: int) -> int:
    """The author's receipt for a submission (commitments.notices)."""
    return notices.send_receipt(ModerationDecision.objects.select_related("commitment", "by").get(pk=decision_id))


@task()
def notify_secretariat_of_submission(decision_id: int) -> int:
    """The secretariat's notice that a submitted commitment waits in the queue (commitments.notices)."""
    return notices.notify_secretariat(ModerationDecision.objects.select_related("commitment__actor")
                                      .get(pk=decision_id))


@task()
def send_moderation_digests(day: str | None = None) -> int:
    """The daily digest of the moderation queue for `day` (ISO date; default yesterday, UTC); safe to run more
    than once."""
    return notices.send_queue_digests(datetime.date.fromisoformat(day) if day else None)
