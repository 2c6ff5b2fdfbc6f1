"""Erasing a person's data on request, one path per app (after pretix's shredder): the account itself, its
consultation replies (kept as a "deleted participant" so threads still read), its event registrations, and its
address as a commitment contact, history included. Retention periods are applied by the periodic jobs."""

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _

from actionagenda.commitments import contacts
from actionagenda.events import services as events

from .models import Actor, User


@transaction.atomic
def erase_person(email: str) -> dict[str, int]:
    """Erase what the platform holds about the owner of `email`: their account if there is one (with every
    verified address of it), their registrations and their contact entries. Returns counts per kind."""
    email = email.strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    emails = {email} | (user.verified_emails() if user else set())
    erased = {"registrations": events.anonymise_registrations_of(emails),
              "contacts": sum(contacts.erase_contact(address) for address in emails),
              "actors": 0, "accounts": 0}
    if user is not None:
        erased["actors"] = _anonymise_individual_actors(user)
        user.delete()  # replies stay without an author; e-mail addresses, tokens, follows and flags go with it
        erased["accounts"] = 1
    return erased


def _anonymise_individual_actors(user: User) -> int:
    """The actors that stood for `user` alone are named after them: rename them, in their history too."""
    others = Actor.members.through.objects.filter(actor_id=OuterRef("pk")).exclude(user_id=user.pk)
    alone = Actor.objects.filter(kind=Actor.Kind.INDIVIDUAL, members=user).exclude(Exists(others))
    pks = list(alone.values_list("pk", flat=True))
    name = _("Deleted participant")
    Actor.history.filter(id__in=pks).update(name=name, website="", description="")
    return Actor.objects.filter(pk__in=pks).update(name=name, website="", description="")
