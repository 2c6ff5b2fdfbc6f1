import pytest

from factories import CommitmentFactory


@pytest.mark.django_db
def test_it_shows_published_commitments_and_hides_drafts(client):
    CommitmentFactory(title="Radio on LMOs in Nairobi")
    CommitmentFactory(title="A private draft", status="draft", published_at=None)
    page = client.get("/en/").content.decode()
    assert "Radio on LMOs in Nairobi" in page
    assert "A private draft" not in page


@pytest.mark.django_db
def test_it_is_served_in_french_and_spanish(client):
    assert client.get("/fr/").headers["Content-Language"] == "fr"
    assert client.get("/es/").headers["Content-Language"] == "es"
