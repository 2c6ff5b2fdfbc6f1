"""Accounts: the secretariat role, partner accounts and API tokens."""

import secrets

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from actionagenda import ratelimits

from .models import ApiToken, User
from .roles import SECRETARIAT_GROUP

# What the secretariat may do in the admin besides moderating: manage every platform record.
# Never auth (groups carry rights) nor mfa (second factors): superusers manage those. The admin keeps the
# accounts of staff, with their addresses and tokens, to superusers (accounts.admin.AccountRecordsAdmin).
SECRETARIAT_APPS = ("accounts", "commitments", "progress", "vocabularies", "outreach", "interop", "consultations",
                    "events", "assistant",
                    # E-mail addresses (allauth) and the background task results (failed e-mails).
                    "account", "django_tasks_database")


def secretariat_group() -> Group:
    """The Secretariat group with moderation rights and the admin permissions of the platform's apps."""
    group, _ = Group.objects.get_or_create(name=SECRETARIAT_GROUP)
    permissions = Permission.objects.filter(content_type__app_label__in=SECRETARIAT_APPS)
    group.permissions.set(permissions)
    return group


def refresh_secretariat_rights(sender, using="default", **kwargs) -> None:
    """post_migrate, after each app's permissions are made: an existing Secretariat group gets those of a
    platform app (a group not made yet gets them all when it is made)."""
    if sender.label not in SECRETARIAT_APPS:
        return
    group = Group.objects.using(using).filter(name=SECRETARIAT_GROUP).first()
    if group is not None:
        group.permissions.add(*Permission.objects.using(using).filter(content_type__app_label=sender.label))


def remember_language(sender, request, user, **kwargs) -> None:
    """Keep the language of the page the user signed in on, for the e-mails the platform sends them."""
    language = getattr(request, "LANGUAGE_CODE", "")
    if language in dict(settings.LANGUAGES) and user.language != language:
        user.language = language
        user.save(update_fields=["language"])


@transaction.atomic
def make_secretariat(email: str, password: str | None = None, name: str = "") -> tuple[User, str | None]:
    """Create (or promote) a secretariat account with a verified address; returns it and any new password."""
    email = email.strip().lower()
    user = User.objects.filter(email=email).first()
    if user is None:
        password = password or secrets.token_urlsafe(12)
        user = User.objects.create_user(email=email, password=password, name=name or "Secretariat")
    elif password:
        user.set_password(password)
    user.is_staff = True
    user.save()
    user.groups.add(secretariat_group())
    EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user, password


@transaction.atomic
def issue_api_token(email: str, create: bool = False, name: str = "",
                    scope: str = ApiToken.Scope.WRITE) -> str:
    """A new bearer token for the account `email` (a partner account is created with `create`)."""
    email = email.strip().lower()
    user = User.objects.filter(email=email).first()
    if user is None:
        if not create:
            raise User.DoesNotExist(f"No account with the e-mail address {email}.")
        # The account's name is public (with replies): never the address itself.
        user = User.objects.create_user(email=email, password=None, name=name)
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    _, raw = ApiToken.issue(user, name=name or "partner", scope=scope)
    return raw


def create_api_token(user, form) -> str:
    """The token a valid ApiTokenForm describes, for `user`, within their token-making rate limit
    (ratelimits.RateLimited); returns the secret, which is shown once and never stored."""
    ratelimits.consume("api_token_create", user.pk)
    _, raw = ApiToken.issue(user, name=form.cleaned_data["name"], scope=form.cleaned_data["scope"])
    return raw
