"""With the author's token, `GET /api/v1/commitments` and `/{id}` also show the author's unpublished commitments
with their status; nobody else ever sees them."""

import pytest

from actionagenda.accounts.models import ApiToken
from actionagenda.commitments.models import Commitment
from factories import ActorFactory, CommitmentFactory, UserFactory

from .write_api import call, token_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def mine(author):
    actor = ActorFactory(members=[author])
    return {status: CommitmentFactory(actor=actor, status=status, published_at=None,
                                      links={"countries": ["SN"] if status == "draft" else ["KE"]})
            for status in ("draft", "submitted", "returned")}


@pytest.fixture
def published():
    return [CommitmentFactory(links={"countries": [country]}) for country in ("KE", "SN")]


def get(client, path, token=None):
    return call(client, "get", path, token)


def test_the_authors_token_lists_their_unpublished_commitments_first_with_their_status(
        client, author, mine, published):
    token = token_for(author, ApiToken.Scope.READ)
    page = get(client, "/api/v1/commitments", token).json()
    assert page["count"] == 5
    assert [(item["id"], item["status"]) for item in page["items"][:3]] == [
        (mine[status].pk, status) for status in ("returned", "submitted", "draft")]
    assert {item["id"] for item in page["items"][3:]} == {c.pk for c in published}


def test_the_same_filters_apply_to_them_and_pages_run_across_both(client, author, mine, published):
    token = token_for(author)
    page = get(client, "/api/v1/commitments?country=SN", token).json()
    assert {item["id"] for item in page["items"]} == {mine["draft"].pk, published[1].pk}
    newest_published = get(client, "/api/v1/commitments?limit=1").json()["items"][0]["id"]
    second = get(client, "/api/v1/commitments?limit=2&offset=2", token).json()
    assert second["count"] == 5
    assert [item["id"] for item in second["items"]] == [mine["draft"].pk, newest_published]


def test_the_authors_token_reads_one_of_their_unpublished_commitments(client, author, mine):
    token = token_for(author, ApiToken.Scope.READ)
    response = get(client, f"/api/v1/commitments/{mine['submitted'].pk}", token)
    assert response.status_code == 200
    assert response.json()["status"] == "submitted"
    assert "Authorization" in response["Vary"]
    assert "private" in response["Cache-Control"]


def test_nobody_else_sees_them(client, mine, published):
    stranger = token_for(UserFactory())
    for token in (None, stranger):
        page = get(client, "/api/v1/commitments", token).json()
        assert {item["id"] for item in page["items"]} == {c.pk for c in published}
        assert page["count"] == 2
        for commitment in mine.values():
            assert get(client, f"/api/v1/commitments/{commitment.pk}", token).status_code == 404
    assert get(client, "/api/v1/commitments?search=awareness", stranger).json()["count"] == 2


def test_a_token_that_is_not_valid_shows_only_the_published_ones(client, author, mine, published):
    stored, raw = ApiToken.issue(author)
    stored.revoke()
    for token in (raw, "aa_nonsense"):
        page = get(client, "/api/v1/commitments", token).json()
        assert {item["id"] for item in page["items"]} == {c.pk for c in published}
        assert get(client, f"/api/v1/commitments/{mine['draft'].pk}", token).status_code == 404


def test_a_search_over_an_authors_commitments_finds_only_theirs(client, author, mine):
    other = CommitmentFactory(status=Commitment.Status.DRAFT, published_at=None, title="Awareness drafts elsewhere")
    page = get(client, "/api/v1/commitments?search=awareness", token_for(author)).json()
    assert {item["id"] for item in page["items"]} == {c.pk for c in mine.values()}
    assert other.pk not in {item["id"] for item in page["items"]}
