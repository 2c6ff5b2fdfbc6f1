"""Who may do what: the platform's roles and the predicates that views, admin, API and templates all call.

Roles: the anonymous visitor; a member of an actor (authors its commitments); a group moderator (only the
discussion groups they are named for); the secretariat (moderation, content, the admin, and the accounts of
everybody who is not staff); the superuser (everything, staff accounts included).
"""

from functools import wraps

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q

SECRETARIAT_GROUP = "Secretariat"


def is_superuser(user) -> bool:
    """Superusers alone manage staff accounts, groups and second factors."""
    return bool(user.is_authenticated and user.is_active and user.is_superuser)


def is_secretariat(user) -> bool:
    """Members of the Secretariat group, and superusers; remembered on the user object for the request."""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    if not hasattr(user, "_is_secretariat"):
        user._is_secretariat = user.groups.filter(name=SECRETARIAT_GROUP).exists()
    return user._is_secretariat


def secretariat_members():
    """The active members of the Secretariat group: those the moderation queue's notices are for (superusers
    moderate too, but are told only when they join the group)."""
    return get_user_model().objects.filter(groups__name=SECRETARIAT_GROUP, is_active=True).distinct()


def secretariat_required(view):
    """A view for the secretariat: others are asked to sign in, or refused."""
    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not is_secretariat(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)
    return wrapper


def is_author(user, commitment) -> bool:
    """Members of the commitment's actor write it, report on it and withdraw it."""
    return user.is_authenticated and commitment.actor.members.filter(pk=user.pk).exists()


def can_moderate(user, group) -> bool:
    """The secretariat moderates every discussion group; a moderator only the groups they are named for."""
    return is_secretariat(user) or (user.is_authenticated and group.moderators.filter(pk=user.pk).exists())


def moderated_groups(user, consultation):
    """The discussion groups of `consultation` that `user` moderates."""
    groups = consultation.groups.all()
    if is_secretariat(user):
        return groups
    if not user.is_authenticated:
        return groups.none()
    return groups.filter(moderators=user)


def moderates_in(user, consultation) -> bool:
    """Whether `user` has anything of `consultation` to moderate (the secretariat: always)."""
    return is_secretariat(user) or moderated_groups(user, consultation).exists()


# Superusers, the secretariat and anyone who may enter the admin: the accounts only superusers manage.
STAFF_ACCOUNTS = Q(is_staff=True) | Q(is_superuser=True) | Q(groups__name=SECRETARIAT_GROUP)


def is_staff_account(user) -> bool:
    return get_user_model().objects.filter(STAFF_ACCOUNTS, pk=user.pk).exists()


def can_manage_account(actor, target) -> bool:
    """May `actor` change `target`'s account, its addresses, second factors and tokens (given admin rights)?"""
    return is_superuser(actor) or (is_secretariat(actor) and not is_staff_account(target))


def manageable_accounts(actor):
    """The accounts `actor` may manage, for the choices of a form."""
    users = get_user_model().objects.all()
    if is_superuser(actor):
        return users
    if not is_secretariat(actor):
        return users.none()
    return users.exclude(STAFF_ACCOUNTS)
