import pytest
from django.urls import reverse

from actionagenda.accounts.services import make_secretariat

ASK = "/en/ask/"


def test_it_shows_the_documents_with_highlighted_passages(client, small_library):
    response = client.get(ASK, {"q": "risks of gene drive mosquitoes"})
    html = response.content.decode()
    assert "Risk assessment of gene-drive mosquitoes" in html
    assert "<mark>gene</mark>" in html
    assert "https://example.org/gene_drive_note" in html
    assert "IP-RA" in html


def test_it_says_plainly_when_no_source_is_good_enough(client, small_library):
    html = client.get(ASK, {"q": "best recipe for chocolate cake"}).content.decode()
    assert "No good source found" in html
    assert "Risk assessment of gene-drive mosquitoes" not in html


def test_it_answers_htmx_requests_with_the_results_only(client, small_library):
    response = client.get(ASK, {"q": "gene drive mosquitoes"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "Risk assessment of gene-drive mosquitoes" in html
    assert "<html" not in html


def test_it_keeps_the_question_and_explains_a_too_short_one(client, db):
    html = client.get(ASK, {"q": "ab"}).content.decode()
    assert 'value="ab"' in html
    assert "at least 3 characters" in html


def test_it_limits_how_often_one_client_can_ask(client, small_library, settings):
    settings.ACTIONAGENDA_RATE_LIMITS = {**settings.ACTIONAGENDA_RATE_LIMITS, "assistant": "2/60"}
    for _ in range(2):
        assert client.get(ASK, {"q": "gene drive mosquitoes"}).status_code == 200
    response = client.get(ASK, {"q": "gene drive mosquitoes"})
    assert response.status_code == 429
    assert "Please wait a minute" in response.content.decode()


@pytest.mark.django_db
def test_the_secretariat_sees_the_library_status(client):
    user, password = make_secretariat("secretariat@example.org", password="a long enough password 42")
    client.force_login(user)
    html = client.get(ASK).content.decode()
    assert "Guidance library (secretariat)" in html
    assert reverse("admin:assistant_guidancedocument_changelist") in html


def test_it_hides_the_library_status_from_the_public(client, small_library):
    assert "Guidance library (secretariat)" not in client.get(ASK).content.decode()
