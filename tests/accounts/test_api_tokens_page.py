"""The account's API tokens page: list, make (named, scoped, shown once, stored hashed), revoke; one's own only."""

import re

import pytest
from django.test import Client

from actionagenda.accounts.models import ApiToken
from actionagenda.accounts.services import make_secretariat
from factories import UserFactory

pytestmark = pytest.mark.django_db

PAGE = "/en/accounts/tokens/"


@pytest.fixture
def author(client, author):
    client.force_login(author)
    return author


def secret_on(page: str) -> str:
    return re.search(r'id="new-token-secret"[^>]*value="(aa_[^"]+)"', page)[1]


def test_it_makes_a_named_read_only_token_by_default_shown_once_and_stored_hashed(client, author):
    page = client.get(PAGE).content.decode()
    assert "You have no tokens yet." in page
    assert re.search(r'<input[^>]*value="read"[^>]*checked', page)
    response = client.post(PAGE, {"name": "Our national biosafety website", "scope": "read"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    secret = secret_on(response.content.decode())
    token = ApiToken.objects.get()
    assert (token.user, token.name, token.scope) == (author, "Our national biosafety website", "read")
    assert token.digest == ApiToken.hash(secret) and secret not in (token.digest, token.prefix)
    assert ApiToken.authenticate(secret) == author
    again = client.get(PAGE).content.decode()
    assert secret not in again  # shown once
    assert "Our national biosafety website" in again and f"{token.prefix}…" in again


def test_a_write_token_made_here_writes_through_the_api(client, author):
    secret = secret_on(client.post(PAGE, {"name": "Partner CMS", "scope": "write"}).content.decode())
    response = Client().delete("/api/v1/commitments/999999", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert response.status_code == 404  # authenticated, with write access: the commitment is not found


def test_the_list_says_when_each_token_was_last_used(client, author):
    _token, secret = ApiToken.issue(author, name="Partner CMS")
    assert "never used" in client.get(PAGE).content.decode()
    Client().get("/api/v1/commitments", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert "last used on" in client.get(PAGE).content.decode()


def test_a_token_needs_a_name_and_a_known_scope(client, author):
    response = client.post(PAGE, {"name": "", "scope": "admin"})
    assert response.status_code == 400
    assert not ApiToken.objects.exists()
    assert 'id="new-token-secret"' not in response.content.decode()


def test_revoking_asks_first_then_stops_the_token(client, author):
    token, secret = ApiToken.issue(author, name="Old CMS")
    page = client.get(f"/en/accounts/tokens/{token.pk}/revoke/").content.decode()
    assert "Revoke the token “Old CMS”?" in page
    assert not ApiToken.objects.get().revoked
    response = client.post(f"/en/accounts/tokens/{token.pk}/revoke/")
    assert response.status_code == 302 and response["Location"] == PAGE
    token.refresh_from_db()
    assert token.revoked and token.revoked_at is not None
    assert ApiToken.authenticate(secret) is None
    assert "Revoked on" in client.get(PAGE).content.decode()


def test_another_persons_token_is_not_found_and_stays_active(client, author):
    theirs, _secret = ApiToken.issue(UserFactory(), name="Their CMS")
    assert client.get(f"/en/accounts/tokens/{theirs.pk}/revoke/").status_code == 404
    assert client.post(f"/en/accounts/tokens/{theirs.pk}/revoke/").status_code == 404
    assert not ApiToken.objects.get(pk=theirs.pk).revoked
    assert "Their CMS" not in client.get(PAGE).content.decode()


def test_the_page_needs_a_signed_in_person(client):
    response = client.get(PAGE)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.post(PAGE, {"name": "x", "scope": "write"}).status_code == 302
    assert not ApiToken.objects.exists()


def test_forms_are_protected_against_cross_site_requests(author):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(author)
    assert browser.post(PAGE, {"name": "Forged", "scope": "write"}).status_code == 403
    token, _secret = ApiToken.issue(author, name="Kept")
    assert browser.post(f"/en/accounts/tokens/{token.pk}/revoke/").status_code == 403
    assert not ApiToken.objects.filter(name="Forged").exists()
    assert not ApiToken.objects.get(name="Kept").revoked


def test_an_account_holds_a_bounded_number_of_active_tokens(client, author):
    for number in range(ApiToken.MAX_ACTIVE):
        ApiToken.issue(author, name=f"token {number}")
    response = client.post(PAGE, {"name": "One too many", "scope": "read"})
    assert response.status_code == 400
    assert "the most an account may hold" in response.content.decode()
    ApiToken.objects.first().revoke()
    assert client.post(PAGE, {"name": "Now there is room", "scope": "read"}).status_code == 200


def test_making_tokens_is_rate_limited(client, settings, author):
    settings.ACTIONAGENDA_RATE_LIMITS = {**settings.ACTIONAGENDA_RATE_LIMITS, "api_token_create": "1/3600"}
    assert client.post(PAGE, {"name": "First", "scope": "read"}).status_code == 200
    response = client.post(PAGE, {"name": "Second", "scope": "read"})
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert list(ApiToken.objects.values_list("name", flat=True)) == ["First"]


def test_a_secretariat_member_needs_a_second_factor_to_make_one(client, settings):
    settings.ACTIONAGENDA_SECRETARIAT_MFA = True
    client.force_login(make_secretariat("sec@example.org")[0])
    response = client.post(PAGE, {"name": "Admin script", "scope": "write"})
    assert response.status_code == 302 and response["Location"] == "/en/accounts/2fa/totp/activate/"
    assert not ApiToken.objects.exists()


def test_the_account_menu_links_the_page(client, author):
    page = client.get("/en/accounts/profile/").content.decode()
    assert f'href="{PAGE}"' in page
