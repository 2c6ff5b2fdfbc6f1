"""Staff accounts (superusers and the secretariat) are managed by superusers only, on every admin page that
touches accounts, e-mail addresses, second factors, API tokens or groups; the secretariat still manages the
accounts of everybody else. Each test acts through the admin as a real secretariat member."""

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.apps import apps
from django.contrib.auth.models import Group, Permission

from actionagenda.accounts.models import ApiToken, User
from actionagenda.accounts.services import SECRETARIAT_APPS, make_secretariat, secretariat_group
from factories import UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "an entirely new passphrase 77"
ADMIN = "/en/admin"


@pytest.fixture
def secretariat(client, secretariat):
    """The shared secretariat member, signed in."""
    client.force_login(secretariat)
    return secretariat


@pytest.fixture(params=["superuser", "other secretariat member", "staff member", "themselves"])
def staff(request, secretariat):
    """Each kind of account that only a superuser may manage."""
    if request.param == "superuser":
        user = User.objects.create_superuser("root@example.org", "the superuser's password 1")
    elif request.param == "other secretariat member":
        user = make_secretariat("colleague@example.org", password="the colleague's password 1")[0]
    elif request.param == "staff member":
        user = UserFactory(email="staff@example.org", is_staff=True)
    else:
        return secretariat
    EmailAddress.objects.get_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})
    return user


@pytest.fixture
def person():
    """An account that is not staff: the secretariat manages it."""
    return UserFactory(email="person@example.org")


def user_form(user, **changes):
    data = {"email": user.email, "name": user.name, "is_active": "on",
            "last_login_0": "", "last_login_1": "", "date_joined_0": "2026-01-05", "date_joined_1": "10:00:00"}
    data.update(changes)
    return data


# --- E-mail addresses (allauth's admin): the path to a superuser's password reset ---

def test_no_address_can_be_added_to_a_staff_account(client, staff):
    response = client.post(f"{ADMIN}/account/emailaddress/add/",
                           {"user": staff.pk, "email": "attacker@example.net", "verified": "on", "primary": ""})
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    assert not EmailAddress.objects.filter(email="attacker@example.net").exists()


def test_an_address_is_added_to_an_account_that_is_not_staff(client, secretariat, person):
    response = client.post(f"{ADMIN}/account/emailaddress/add/",
                           {"user": person.pk, "email": "second@example.org", "verified": "on", "primary": ""})
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="second@example.org").user == person


def test_a_staff_accounts_address_cannot_be_changed(client, staff):
    address = EmailAddress.objects.get(user=staff)
    response = client.post(f"{ADMIN}/account/emailaddress/{address.pk}/change/",
                           {"user": staff.pk, "email": "attacker@example.net", "verified": "on", "primary": "on"})
    assert response.status_code == 403
    address.refresh_from_db()
    assert address.email == staff.email


def test_an_address_cannot_be_moved_to_a_staff_account(client, staff, person):
    address = EmailAddress.objects.get(user=person)
    response = client.post(f"{ADMIN}/account/emailaddress/{address.pk}/change/",
                           {"user": staff.pk, "email": address.email, "verified": "on", "primary": ""})
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    address.refresh_from_db()
    assert address.user == person


def test_a_staff_accounts_address_cannot_be_marked_verified(client, staff, person):
    unverified = EmailAddress.objects.create(user=staff, email="unconfirmed@example.net", verified=False)
    theirs = EmailAddress.objects.create(user=person, email="theirs@example.org", verified=False)
    response = client.post(f"{ADMIN}/account/emailaddress/", {
        "action": "make_verified", "_selected_action": [unverified.pk, theirs.pk], "index": 0})
    assert response.status_code == 403
    assert not EmailAddress.objects.filter(verified=True, email__in=["unconfirmed@example.net",
                                                                    "theirs@example.org"]).exists()


def test_an_address_of_an_account_that_is_not_staff_is_marked_verified(client, secretariat, person):
    theirs = EmailAddress.objects.create(user=person, email="theirs@example.org", verified=False)
    response = client.post(f"{ADMIN}/account/emailaddress/", {
        "action": "make_verified", "_selected_action": [theirs.pk], "index": 0})
    assert response.status_code == 302
    theirs.refresh_from_db()
    assert theirs.verified


def test_a_staff_accounts_address_cannot_be_deleted(client, staff):
    address = EmailAddress.objects.get(user=staff)
    response = client.post(f"{ADMIN}/account/emailaddress/{address.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert EmailAddress.objects.filter(pk=address.pk).exists()


# --- Users ---

def test_a_staff_accounts_password_cannot_be_set(client, staff):
    response = client.post(f"{ADMIN}/accounts/user/{staff.pk}/password/",
                           {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true"})
    assert response.status_code == 403
    staff.refresh_from_db()
    assert not staff.check_password(NEW_PASSWORD)


def test_the_password_of_an_account_that_is_not_staff_is_set(client, secretariat, person):
    response = client.post(f"{ADMIN}/accounts/user/{person.pk}/password/",
                           {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)


def test_a_staff_account_cannot_be_changed(client, staff):
    response = client.post(f"{ADMIN}/accounts/user/{staff.pk}/change/",
                           user_form(staff, email="attacker@example.net", is_superuser="on", is_staff="on",
                                     groups=[secretariat_group().pk]))
    assert response.status_code == 403
    staff.refresh_from_db()
    assert staff.email != "attacker@example.net"


def test_a_staff_accounts_page_is_shown_read_only(client, staff):
    response = client.get(f"{ADMIN}/accounts/user/{staff.pk}/change/")
    html = response.content.decode()
    assert response.status_code == 200 and staff.email in html
    assert 'name="email"' not in html and "/password/" not in html


def test_an_account_that_is_not_staff_is_changed_but_gets_no_rights(client, secretariat, person):
    response = client.post(f"{ADMIN}/accounts/user/{person.pk}/change/",
                           user_form(person, name="Renamed Person", is_staff="on", is_superuser="on",
                                     groups=[secretariat_group().pk],
                                     user_permissions=[Permission.objects.get(codename="change_user").pk]))
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.name == "Renamed Person"
    assert not (person.is_staff or person.is_superuser or person.groups.exists() or person.user_permissions.exists())


def test_an_account_added_by_the_secretariat_is_not_staff(client, secretariat):
    response = client.post(f"{ADMIN}/accounts/user/add/", {
        "email": "new@example.org", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true",
        "is_staff": "on", "is_superuser": "on", "groups": [secretariat_group().pk]})
    assert response.status_code == 302
    new = User.objects.get(email="new@example.org")
    assert not (new.is_staff or new.is_superuser or new.groups.exists())


def test_a_staff_account_cannot_be_deleted(client, staff):
    response = client.post(f"{ADMIN}/accounts/user/{staff.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert User.objects.filter(pk=staff.pk).exists()


def test_a_staff_account_cannot_be_deleted_with_the_list_action(client, staff, person):
    response = client.post(f"{ADMIN}/accounts/user/", {
        "action": "delete_selected", "_selected_action": [staff.pk, person.pk], "post": "yes", "index": 0})
    assert response.status_code == 403
    assert User.objects.filter(pk__in=[staff.pk, person.pk]).count() == 2


def test_an_account_that_is_not_staff_is_deleted(client, secretariat, person):
    response = client.post(f"{ADMIN}/accounts/user/{person.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=person.pk).exists()


# --- API tokens ---

def test_a_token_cannot_be_handed_to_a_staff_account(client, staff, person):
    token, _raw = ApiToken.issue(person, name="partner")
    response = client.post(f"{ADMIN}/accounts/apitoken/{token.pk}/change/",
                           {"user": staff.pk, "name": "partner", "revoked": ""})
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.user == person


def test_a_staff_accounts_token_cannot_be_changed_or_deleted(client, staff):
    token, _raw = ApiToken.issue(staff, name="operator")
    response = client.post(f"{ADMIN}/accounts/apitoken/{token.pk}/change/", {"name": "stolen", "revoked": ""})
    assert response.status_code == 403
    assert client.post(f"{ADMIN}/accounts/apitoken/{token.pk}/delete/", {"post": "yes"}).status_code == 403
    token.refresh_from_db()
    assert token.name == "operator"


def test_the_token_of_an_account_that_is_not_staff_is_revoked(client, secretariat, person):
    token, _raw = ApiToken.issue(person, name="partner")
    response = client.post(f"{ADMIN}/accounts/apitoken/{token.pk}/change/", {"name": "partner", "revoked": "on"})
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked and token.revoked_at is not None


def test_the_admin_cannot_widen_a_tokens_access(client, secretariat, person):
    token, _raw = ApiToken.issue(person, name="dashboard", scope=ApiToken.Scope.READ)
    response = client.post(f"{ADMIN}/accounts/apitoken/{token.pk}/change/", {"name": "dashboard", "scope": "write"})
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.scope == "read"


# --- Second factors and groups: superusers only ---

def test_second_factors_are_out_of_reach(client, staff, person):
    for owner in (staff, person):
        authenticator = Authenticator.objects.create(user=owner, type=Authenticator.Type.TOTP, data={"secret": "X"})
        assert client.get(f"{ADMIN}/mfa/authenticator/{authenticator.pk}/change/").status_code == 403
        response = client.post(f"{ADMIN}/mfa/authenticator/{authenticator.pk}/delete/", {"post": "yes"})
        assert response.status_code == 403
        assert Authenticator.objects.filter(pk=authenticator.pk).exists()


def test_groups_and_their_permissions_are_out_of_reach(client, secretariat):
    group = secretariat_group()
    everything = list(Permission.objects.values_list("pk", flat=True))
    response = client.post(f"{ADMIN}/auth/group/{group.pk}/change/", {"name": group.name, "permissions": everything})
    assert response.status_code == 403
    response = client.post(f"{ADMIN}/auth/group/add/", {"name": "Root", "permissions": everything})
    assert response.status_code == 403
    assert not Group.objects.filter(name="Root").exists()
    assert group.permissions.count() < len(everything)


def test_the_secretariat_group_gets_no_rights_over_accounts_groups_or_second_factors():
    granted = set(secretariat_group().permissions.values_list("content_type__app_label", "codename"))
    assert not {perm for perm in granted if perm[0] in {"auth", "mfa", "admin", "sessions", "contenttypes"}}
    installed = {config.label for config in apps.get_app_configs()}
    assert set(SECRETARIAT_APPS) <= installed
