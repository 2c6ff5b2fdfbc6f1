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


@pytest.mark.django_db
def test_no_template_syntax_leaks_into_the_page(client):
    # Django's {# #} comments end at the line: a comment folded over two lines is printed to every visitor.
    page = client.get("/en/").content.decode()
    assert "{#" not in page and "{%" not in page and "{{" not in page
