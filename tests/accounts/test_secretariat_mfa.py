import pytest
from allauth.mfa.models import Authenticator

from actionagenda.accounts.models import User
from actionagenda.accounts.services import make_secretariat
from factories import UserFactory

pytestmark = pytest.mark.django_db

ADD_USER = "/en/admin/accounts/user/add/"
NEW_USER = {"email": "new@example.org", "password1": "a new passphrase 1234", "password2": "a new passphrase 1234",
            "usable_password": "true"}


@pytest.fixture(autouse=True)
def _required(settings):
    settings.ACTIONAGENDA_SECRETARIAT_MFA = True


def test_a_secretariat_member_without_a_second_factor_is_sent_to_set_one_up(client):
    client.force_login(make_secretariat("sec@example.org")[0])
    for path in ("/en/commitments/moderation/", "/en/admin/", "/en/", ADD_USER):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"] == "/en/accounts/2fa/totp/activate/"
    # Sending a form is refused the same way, and does nothing.
    response = client.post(ADD_USER, NEW_USER)
    assert response.status_code == 302 and response["Location"] == "/en/accounts/2fa/totp/activate/"
    assert not User.objects.filter(email="new@example.org").exists()
    # The set-up page itself is open to them (allauth first asks for the password again).
    response = client.get("/en/accounts/2fa/totp/activate/")
    assert response.status_code == 200 or "/accounts/reauthenticate/" in response["Location"]


def test_with_an_authenticator_app_the_secretariat_moderates_and_administers(client):
    user = make_secretariat("sec@example.org")[0]
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"})
    client.force_login(user)
    response = client.get("/en/commitments/moderation/")
    assert response.status_code == 200 and "Moderation" in response.content.decode()
    response = client.post(ADD_USER, NEW_USER)
    assert response.status_code == 302 and User.objects.filter(email="new@example.org").exists()


def test_other_users_are_not_asked_for_a_second_factor(client):
    client.force_login(UserFactory())
    assert client.get("/en/commitments/mine/").status_code == 200
    response = client.post("/en/consultations/profile/", {"actor_type": "organization", "country": "KE"})
    assert response.status_code == 302 and response["Location"] == "/en/consultations/profile/"
