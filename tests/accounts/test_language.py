import pytest

from factories import UserFactory

pytestmark = pytest.mark.django_db


def test_signing_in_on_a_spanish_page_makes_spanish_the_language_of_emails(client):
    user = UserFactory(email="juan@example.org")
    assert user.language == "en"
    client.post("/es/accounts/login/", {"login": "juan@example.org", "password": "correct horse battery staple"})
    user.refresh_from_db()
    assert user.language == "es"
