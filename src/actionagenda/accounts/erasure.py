"""Erasing a person's data on request, one path per app (after pretix's shredder): the account itself, its
consultation replies (kept as a "deleted participant" so threads still read), its event registrations, its
newsletter subscription with its deliveries, and its address as a commitment contact, history included. Retention
periods are applied by the periodic jobs."""

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _

from actionagenda.commitments import contacts
from actionagenda.commitments.models import Commitment
from actionagenda.events import services as events
from actionagenda.outreach import newsletter

from .models import Actor, User


@transaction.atomic
def erase_person(email: str) -> dict[str, int]:
    """Erase what the platform holds about the owner of `email`: their account if there is one (see
    `erase_account`), else their registrations and their contact entries. Returns counts per kind."""
    email = email.strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    if user is not None:
        return erase_account(user)
    return {**_erase_addresses({email}), "actors": 0, "accounts": 0}


@transaction.atomic
def erase_account(user: User) -> dict[str, int]:
    """Erase an account (the erasure command, and a deletion in the admin): with every verified address of it, its
    registrations and contact entries go, the actors that stood for it alone are renamed, and its replies stay
    as a "Deleted participant". Returns counts per kind."""
    erased = _erase_addresses({user.email.lower()} | user.verified_emails())
    erased["actors"] = _anonymise_individual_actors(user)
    _scrub_admin_log(User, [user.pk])
    user.delete()  # replies stay without an author; e-mail addresses, tokens, follows and flags go with it
    erased["accounts"] = 1
    return erased


def _erase_addresses(emails: set[str]) -> dict[str, int]:
    return {"registrations": events.anonymise_registrations_of(emails),
            "contacts": sum(contacts.erase_contact(address) for address in emails),
            "newsletter": sum(newsletter.erase_address(address) for address in emails)}


def _anonymise_individual_actors(user: User) -> int:
    """The actors that stood for `user` alone are named after them: rename them, in their history too."""
    others = Actor.members.through.objects.filter(actor_id=OuterRef("pk")).exclude(user_id=user.pk)
    alone = Actor.objects.filter(kind=Actor.Kind.INDIVIDUAL, members=user).exclude(Exists(others))
    pks = list(alone.values_list("pk", flat=True))
    name = _("Deleted participant")
    Actor.history.filter(id__in=pks).update(name=name, website="", description="")
    _scrub_admin_log(Actor, pks)
    renamed = Actor.objects.filter(pk__in=pks).update(name=name, website="", description="")
    Commitment.objects.filter(actor_id__in=pks).touch()  # harvesters learn of the new name too
    return renamed


def _scrub_admin_log(model, pks) -> None:
    """The admin's log names each record it changed or deleted (the deletion of the account itself included):
    the entries stay, under the erased name."""
    LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(model),
                            object_id__in=[str(pk) for pk in pks]).update(object_repr=_("Deleted participant"))
