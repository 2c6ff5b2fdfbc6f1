"""allauth's pages in the site's words and style, and the site's own e-mails for verification and password resets
(issue 16.12)."""

import re

import pytest
from django.core import mail

from factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a sturdy biosafety passphrase"
STOCK_CASING = ("Sign In", "Sign Up", "Signup", "Remember Me", "Change Password", "Email Addresses",
                "Two-Factor Authentication", "Password Reset", "Authenticator App")


def test_the_sign_in_page_uses_sentence_case_and_puts_the_checkbox_beside_its_label(client):
    html = client.get("/en/accounts/login/").content.decode()
    assert re.search(r"<h1>\s*Sign in\s*</h1>", html) and re.search(r'class="primary" type="submit">\s*Sign in', html)
    assert re.search(r'<div class="checkbox-row"><input type="checkbox" name="remember"[^>]*> '
                     r'<label for="id_remember">Remember me</label>', html)
    assert re.search(r'<label for="id_login">E-mail address <span class="required">\(required\)</span></label>',
                     html) and "placeholder" not in html
    assert not [words for words in STOCK_CASING if words in html]


@pytest.mark.parametrize("path", ["/en/accounts/signup/", "/en/accounts/password/reset/"])
def test_the_entrance_pages_use_sentence_case(client, path):
    html = client.get(path).content.decode()
    assert 'class="account-form"' in html and 'class="site-header"' in html
    assert not [words for words in STOCK_CASING if words in html]


@pytest.mark.parametrize("path", ["/en/accounts/email/", "/en/accounts/password/change/", "/en/accounts/2fa/",
                                  "/en/accounts/profile/"])
def test_the_account_pages_use_sentence_case(client, path):
    client.force_login(UserFactory())
    html = client.get(path).content.decode()
    assert 'class="account-nav"' in html
    assert not [words for words in STOCK_CASING if words in html]


def test_the_e_mail_page_lists_addresses_with_radio_buttons_beside_them(client):
    client.force_login(UserFactory(email="amina@example.org"))
    html = client.get("/en/accounts/email/").content.decode()
    assert re.search(r'<div class="field checkbox-row">\s*<input type="radio"[^>]*value="amina@example.org"', html)


def test_the_verification_e_mail_is_the_sites_own_in_the_readers_language(client, settings):
    settings.SITE_URL = "https://commitments.example.org"
    client.post("/fr/accounts/signup/", {"email": "amina@example.org", "password1": PASSWORD,
                                         "password2": PASSWORD})
    [message] = mail.outbox
    assert message.subject == "Confirmez votre adresse e-mail pour terminer votre inscription"
    assert "Merci de vous être inscrit" in message.body and "/fr/accounts/confirm-email/" in message.body
    assert "https://commitments.example.org/fr/accounts/confirm-email/" in message.body
    assert "Hello from" not in message.body and "example.com" not in message.body


def test_the_password_reset_e_mail_has_a_proper_subject(client):
    UserFactory(email="amina@example.org")
    client.post("/en/accounts/password/reset/", {"email": "amina@example.org"})
    [message] = mail.outbox
    assert message.subject == "Reset your password on Biosafety commitments"
    assert "[" not in message.subject and "/en/accounts/password/reset/key/" in message.body
    assert message.body.startswith("Hello,")
