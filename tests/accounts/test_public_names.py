"""The name the public reads is the one a person gives (at sign-up, on their profile), or "Anonymous
participant": never one made from their e-mail address, and none left from before (issue 16.4)."""

import importlib

import pytest
from django.apps import apps

from actionagenda.accounts.models import Actor, User
from actionagenda.accounts.services import issue_api_token
from factories import ActorFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a sturdy biosafety passphrase"
PROFILE = "/en/accounts/profile/"


def test_sign_up_asks_for_the_name_shown_publicly(client):
    page = client.get("/en/accounts/signup/").content.decode()
    assert "Name shown publicly" in page and "your e-mail address is never shown" in page
    client.post("/en/accounts/signup/", {"name": "  Amina   Bello ", "email": "amina@example.org",
                                         "password1": PASSWORD, "password2": PASSWORD})
    assert User.objects.get(email="amina@example.org").name == "Amina Bello"


def test_sign_up_without_a_name_leaves_the_person_anonymous(client):
    client.post("/en/accounts/signup/", {"email": "amina@example.org", "password1": PASSWORD, "password2": PASSWORD})
    user = User.objects.get(email="amina@example.org")
    assert user.name == "" and user.public_name == "Anonymous participant" and user.get_short_name() == ""


def test_the_profile_page_changes_the_public_name(client):
    user = UserFactory(name="Amina")
    client.force_login(user)
    assert 'value="Amina"' in client.get(PROFILE).content.decode()
    client.post(PROFILE, {"name": "Amina Bello"})
    user.refresh_from_db()
    assert user.name == "Amina Bello"


def test_the_profile_page_is_for_signed_in_people(client):
    response = client.get(PROFILE)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_partner_account_is_not_named_after_its_address():
    issue_api_token("partner@example.org", create=True)
    assert User.objects.get(email="partner@example.org").name == ""


def test_the_migration_forgets_names_made_from_addresses():
    migration = importlib.import_module("actionagenda.accounts.migrations.0004_no_names_from_email_addresses")
    nameless = UserFactory(name="", email="amina@example.org")
    named = UserFactory(name="Kofi Mensah", email="kofi.m@example.org")
    partner = UserFactory(name="partner@example.org", email="partner@example.org")
    derived = ActorFactory(kind="individual", name="amina", members=[nameless])
    derived_named = ActorFactory(kind="individual", name="kofi.m", members=[named])
    chosen = ActorFactory(kind="individual", name="Amina B.", members=[nameless])
    organisation = ActorFactory(kind="organization", name="amina", members=[nameless])

    migration.forget_names_made_from_addresses(apps, None)

    names = dict(Actor.objects.values_list("pk", "name"))
    assert names[derived.pk] == "" and names[derived_named.pk] == "Kofi Mensah"
    assert names[chosen.pk] == "Amina B." and names[organisation.pk] == "amina"
    assert not Actor.history.filter(id=derived.pk, name="amina").exists()
    partner.refresh_from_db()
    assert partner.name == ""
