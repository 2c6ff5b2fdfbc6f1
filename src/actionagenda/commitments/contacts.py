"""Confirming a commitment's contact address: the secretariat's notices reach it only after its owner followed
the signed link e-mailed to it. An address the authors changed needs a new confirmation."""

import datetime

from django.core import signing
from django.db import transaction
from django.urls import reverse

from .models import Commitment, ContactConfirmation

CONFIRMATION_MAX_AGE = datetime.timedelta(days=14)
_SALT = "commitments.contact.confirm"


def confirmation_link(commitment: Commitment) -> str:
    """The signed path, e-mailed to the contact address only, that confirms it for this commitment."""
    signed = signing.dumps({"commitment": commitment.pk, "email": commitment.contact_email.lower()}, salt=_SALT)
    return reverse("commitments:confirm_contact", kwargs={"signed": signed})


def request_confirmation(commitment: Commitment) -> bool:
    """E-mail the confirmation link to a new contact address (once the save has committed); returns whether one
    is sent. Addresses of the actor's members need none: they are members' verified sign-in addresses."""
    from .tasks import send_contact_confirmation  # here, not at the top: tasks imports this module

    address = commitment.contact_email.lower()
    members = {email.lower() for email in commitment.actor.members.values_list("email", flat=True)}
    if not address or commitment.confirmed_contact_email or address in members:
        return False
    transaction.on_commit(lambda: send_contact_confirmation.enqueue(commitment.pk, address))
    return True


def commitment_for_link(signed: str) -> Commitment | None:
    """The commitment whose present contact address the link confirms, or None when it is forged, expired or
    for an address the commitment no longer has."""
    try:
        named = signing.loads(signed, salt=_SALT, max_age=CONFIRMATION_MAX_AGE)
    except signing.BadSignature:
        return None
    return Commitment.objects.filter(pk=named["commitment"], contact_email__iexact=named["email"]).first()


def confirm(commitment: Commitment) -> None:
    """Record that the owner of the contact address agreed to receive the commitment's notices (idempotent)."""
    ContactConfirmation.objects.get_or_create(commitment=commitment, email=commitment.contact_email.lower())


def erase_contact(email: str) -> int:
    """Remove `email` (and the contact name beside it) from every commitment and from their history, and forget
    its confirmations: a person's erasure request. Returns how many commitments named it."""
    named = Commitment.objects.filter(contact_email__iexact=email)
    # Queryset updates on purpose: saving would write one more history row holding the address.
    Commitment.history.filter(contact_email__iexact=email).update(contact_name="", contact_email="")
    ContactConfirmation.objects.filter(email=email.lower()).delete()
    return named.update(contact_name="", contact_email="")
