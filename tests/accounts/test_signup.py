"""Accounts through django-allauth: sign up with a verified e-mail address, sign in, reset a password."""

import re

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    SECRET_SESSION_KEY,
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.core import mail

from actionagenda.accounts.models import User
from actionagenda.accounts.services import make_secretariat
from factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a sturdy biosafety passphrase"
SIGNUP, LOGIN, RESET = "/en/accounts/signup/", "/en/accounts/login/", "/en/accounts/password/reset/"


def sign_up(client, email="new@example.org"):
    return client.post(SIGNUP, {"email": email, "password1": PASSWORD, "password2": PASSWORD})


def link_in(message) -> str:
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def logged_in_user(client):
    return client.get("/en/commitments/mine/").wsgi_request.user


def test_the_signup_page_is_in_the_site_frame(client):
    html = client.get(SIGNUP).content.decode()
    assert 'class="site-header"' in html and "Skip to content" in html
    assert 'name="email"' in html and 'name="password1"' in html


def test_signing_up_sends_a_link_that_verifies_and_signs_in(client):
    response = sign_up(client)
    assert response.status_code == 302 and "/confirm-email/" in response["Location"]
    assert not logged_in_user(client).is_authenticated
    [message] = mail.outbox
    assert message.to == ["new@example.org"]
    confirm = link_in(message)
    assert confirm.startswith("/en/accounts/confirm-email/")
    assert "Confirm" in client.get(confirm).content.decode()  # GET only shows the button (no prefetch side effects)
    assert not User.objects.get(email="new@example.org").emailaddress_set.get().verified

    client.post(confirm)

    assert User.objects.get(email="new@example.org").emailaddress_set.get().verified
    assert logged_in_user(client).email == "new@example.org"


def test_an_unverified_address_cannot_sign_in_until_verified(client):
    sign_up(client, "slow@example.org")
    confirm = link_in(mail.outbox[0])
    browser = client.__class__()
    response = browser.post(LOGIN, {"login": "slow@example.org", "password": PASSWORD})
    assert "/confirm-email/" in response["Location"]
    assert not logged_in_user(browser).is_authenticated

    browser.post(confirm)
    browser.post("/en/accounts/logout/")
    response = browser.post(LOGIN, {"login": "slow@example.org", "password": PASSWORD})
    assert response.status_code == 302 and logged_in_user(browser).email == "slow@example.org"


def test_a_wrong_password_is_refused_with_a_message(client):
    UserFactory(email="known@example.org")
    response = client.post(LOGIN, {"login": "known@example.org", "password": "not it"})
    assert response.status_code == 200
    assert "The email address and/or password you specified are not correct." in response.content.decode()
    assert 'value="known@example.org"' in response.content.decode()  # what was typed is kept


def test_a_password_reset_email_lets_the_user_choose_a_new_password(client):
    UserFactory(email="forgetful@example.org")
    client.post(RESET, {"email": "forgetful@example.org"})
    [message] = mail.outbox
    assert message.to == ["forgetful@example.org"]
    key_url = link_in(message)
    form_url = client.get(key_url)["Location"]  # allauth moves the key out of the address before showing the form
    new = "a brand new passphrase 42"
    response = client.post(form_url, {"password1": new, "password2": new})
    assert response.status_code == 302
    assert client.login(email="forgetful@example.org", password=new)
    assert not client.login(email="forgetful@example.org", password="correct horse battery staple")


def test_hammering_signup_from_one_address_is_slowed_down(client):
    statuses = [sign_up(client, f"bot{n}@example.org").status_code for n in range(25)]
    assert 429 in statuses
    assert statuses.index(429) >= 5  # real people signing up from one office are not blocked at once
    assert "Too many requests" in sign_up(client, "late@example.org").content.decode()


def test_the_account_pages_link_to_two_factor_authentication(client):
    user = UserFactory()
    client.force_login(user)
    html = client.get("/en/accounts/email/").content.decode()
    assert 'href="/en/accounts/2fa/"' in html
    html = client.get("/en/accounts/2fa/").content.decode()
    assert "Authenticator app" in html and 'class="site-header"' in html


def test_a_secretariat_account_can_turn_on_an_authenticator_app(client):
    user, _ = make_secretariat("sec@example.org", password=PASSWORD)
    client.post(LOGIN, {"login": "sec@example.org", "password": PASSWORD})
    response = client.get("/en/accounts/2fa/totp/activate/")
    assert "/accounts/reauthenticate/" in response["Location"]  # the password again before changing factors
    client.post(response["Location"], {"password": PASSWORD})
    response = client.get("/en/accounts/2fa/totp/activate/")
    assert response.status_code == 200 and 'autocomplete="one-time-code"' in response.content.decode()
    secret = client.session[SECRET_SESSION_KEY]
    code = format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))
    client.post("/en/accounts/2fa/totp/activate/", {"code": code})
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
