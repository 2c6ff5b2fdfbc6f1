"""Who may do what: the platform's roles and the predicates that views, admin, API and templates all call.

Roles: the anonymous visitor; a member of an actor (authors its commitments); a group moderator (only the
discussion groups they are named for); the secretariat (moderation, content, the admin, and the accounts of
everybody who is not staff); the superuser (everything, staff accounts included).
"""

from django.contrib.auth import get_user_model
from django.db.models import Q

SECRETARIAT_GROUP = "Secretariat"


def is_secretariat(user) -> bool:
    return bool(user.is_authenticated and user.is_secretariat)


# Superusers, the secretariat and anyone who may enter the admin: the accounts only superusers manage.
STAFF_ACCOUNTS = Q(is_staff=True) | Q(is_superuser=True) | Q(groups__name=SECRETARIAT_GROUP)


def is_staff_account(user) -> bool:
    return get_user_model().objects.filter(STAFF_ACCOUNTS, pk=user.pk).exists()


def can_manage_account(actor, target) -> bool:
    """May `actor` change `target`'s account, its addresses, second factors and tokens (given admin rights)?"""
    if not (actor.is_authenticated and actor.is_active):
        return False
    return actor.is_superuser or (is_secretariat(actor) and not is_staff_account(target))


def manageable_accounts(actor):
    """The accounts `actor` may manage, for the choices of a form."""
    users = get_user_model().objects.all()
    if actor.is_authenticated and actor.is_active and actor.is_superuser:
        return users
    if not is_secretariat(actor):
        return users.none()
    return users.exclude(STAFF_ACCOUNTS)
