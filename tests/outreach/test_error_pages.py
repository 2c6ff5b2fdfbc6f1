import pytest

from factories import UserFactory


@pytest.mark.django_db
def test_an_unknown_address_gets_the_site_framed_404_in_the_visitors_language(client):
    response = client.get("/fr/commitments/999999/")
    assert response.status_code == 404
    page = response.content.decode()
    assert '<html lang="fr">' in page and "Explorer les engagements" in page


@pytest.mark.django_db
def test_a_forbidden_page_says_so_in_the_site_frame(client):
    client.force_login(UserFactory())
    response = client.get("/en/consultations/import/")
    assert response.status_code == 403
    page = response.content.decode()
    assert "You do not have permission to see or change this." in page and "Public API" in page


@pytest.mark.django_db
def test_a_visitor_opening_a_secretariat_page_is_asked_to_sign_in(client):
    response = client.get("/en/consultations/import/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
