"""A secretariat account without an authenticator app does nothing until it sets one up, whatever the method:
form posts are sent to the set-up page, API writes get a problem document. Its set-up pages, signing out and
the language switch stay open."""

import pytest
from allauth.mfa.models import Authenticator

from actionagenda.accounts.models import User
from actionagenda.commitments.models import Commitment
from actionagenda.consultations.models import Consultation
from factories import PASSWORD, ActorFactory, CommitmentFactory, UserFactory

pytestmark = pytest.mark.django_db

SET_UP = "/en/accounts/2fa/totp/activate/"
PROGRAMME = "Consultation\nOnline discussion group 1: Risk\nTheme 1: Capacity\n1. Which capacity?\n"


@pytest.fixture(autouse=True)
def _required(settings):
    settings.ACTIONAGENDA_SECRETARIAT_MFA = True


@pytest.fixture
def secretariat(client, secretariat):
    """The shared secretariat member, signed in."""
    client.force_login(secretariat)
    return secretariat


@pytest.fixture
def submitted():
    author = UserFactory()
    return CommitmentFactory(actor=ActorFactory(members=[author]), created_by=author, status="submitted",
                             published_at=None)


def test_a_consultation_is_not_imported(client, secretariat):
    response = client.post("/en/consultations/import/", {"confirm": "1", "text": PROGRAMME, "year": 2021,
                                                         "title": "Imported"})
    assert response.status_code == 302 and response["Location"] == SET_UP
    assert not Consultation.objects.exists()


def test_a_commitment_is_not_moderated(client, secretariat, submitted):
    response = client.post(f"/en/commitments/{submitted.pk}/moderate/", {"action": "publish"})
    assert response.status_code == 302 and response["Location"] == SET_UP
    submitted.refresh_from_db()
    assert submitted.status == Commitment.Status.SUBMITTED


def test_no_account_is_added_in_the_admin(client, secretariat):
    response = client.post("/en/admin/accounts/user/add/", {
        "email": "new@example.org", "password1": "a new passphrase 1234", "password2": "a new passphrase 1234",
        "usable_password": "true"})
    assert response.status_code == 302 and response["Location"] == SET_UP
    assert not User.objects.filter(email="new@example.org").exists()


def test_the_admins_account_pages_are_not_open(client, secretariat):
    """`/admin/accounts/` is the admin of accounts, not the person's own account pages."""
    person = UserFactory()
    response = client.post(f"/en/admin/accounts/user/{person.pk}/password/", {
        "password1": "a new passphrase 1234", "password2": "a new passphrase 1234", "usable_password": "true"})
    assert response.status_code == 302 and response["Location"] == SET_UP
    person.refresh_from_db()
    assert not person.check_password("a new passphrase 1234")
    assert client.get("/en/admin/accounts/user/")["Location"] == SET_UP


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_other_methods_are_refused_too(client, secretariat, submitted, method):
    response = getattr(client, method)(f"/en/commitments/{submitted.pk}/moderate/")
    assert response.status_code == 302 and response["Location"] == SET_UP


def test_an_htmx_post_is_sent_to_the_set_up_page(client, secretariat, submitted):
    response = client.post(f"/en/commitments/{submitted.pk}/moderate/", {"action": "publish"},
                           headers={"HX-Request": "true"})
    assert response["HX-Redirect"] == SET_UP
    submitted.refresh_from_db()
    assert submitted.status == Commitment.Status.SUBMITTED


def test_the_api_refuses_writes_with_a_problem_document(client, secretariat):
    response = client.post("/api/v1/commitments", {}, content_type="application/json")
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert "second factor" in response.json()["detail"]
    assert client.get("/api/v1/commitments").status_code == 200  # public data


def test_signing_out_the_language_switch_and_the_set_up_page_stay_open(client, secretariat):
    response = client.post("/i18n/setlang/", {"language": "fr", "next": "/fr/"})
    assert response.status_code == 302 and response["Location"] == "/fr/"
    response = client.get(SET_UP)
    assert response.status_code == 200 or "/accounts/reauthenticate/" in response["Location"]
    response = client.post("/en/accounts/reauthenticate/", {"password": PASSWORD})
    assert response.status_code == 302 and response["Location"] != SET_UP
    client.post("/en/accounts/logout/")
    assert "_auth_user_id" not in client.session


def test_the_admins_sign_out_stays_open(client, secretariat):
    client.post("/en/admin/logout/")
    assert "_auth_user_id" not in client.session


def test_with_an_authenticator_app_the_secretariat_acts(client, secretariat, submitted):
    Authenticator.objects.create(user=secretariat, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"})
    response = client.post(f"/en/commitments/{submitted.pk}/moderate/", {"action": "publish"})
    assert response.status_code == 302 and response["Location"] == "/en/commitments/moderation/"
    submitted.refresh_from_db()
    assert submitted.status == Commitment.Status.PUBLISHED
