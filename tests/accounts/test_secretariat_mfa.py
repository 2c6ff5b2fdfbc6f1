import pytest
from allauth.mfa.models import Authenticator

from actionagenda.accounts.services import make_secretariat
from factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _required(settings):
    settings.ACTIONAGENDA_SECRETARIAT_MFA = True


def test_a_secretariat_member_without_a_second_factor_is_sent_to_set_one_up(client):
    client.force_login(make_secretariat("sec@example.org")[0])
    for path in ("/en/commitments/moderation/", "/en/admin/", "/en/"):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"] == "/en/accounts/2fa/totp/activate/"
    # The set-up page itself is open to them (allauth first asks for the password again).
    response = client.get("/en/accounts/2fa/totp/activate/")
    assert response.status_code == 200 or "/accounts/reauthenticate/" in response["Location"]


def test_with_an_authenticator_app_the_secretariat_moderates(client):
    user = make_secretariat("sec@example.org")[0]
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"})
    client.force_login(user)
    response = client.get("/en/commitments/moderation/")
    assert response.status_code == 200 and "Moderation" in response.content.decode()


def test_other_users_are_not_asked_for_a_second_factor(client):
    client.force_login(UserFactory())
    assert client.get("/en/commitments/mine/").status_code == 200
