"""Reads of the API are rate-limited per client address, or per token for a client that sends a valid one; a
refusal is a 429 problem with Retry-After that a partner's script can read."""

import pytest

from actionagenda.accounts.models import ApiToken
from factories import CommitmentFactory, UserFactory

pytestmark = pytest.mark.django_db

LIST = "/api/v1/commitments"
PARTNER = "https://biosafety.partner.example"


@pytest.fixture
def limits(settings):
    settings.ACTIONAGENDA_RATE_LIMITS = {**settings.ACTIONAGENDA_RATE_LIMITS, "api_read": "2/60",
                                         "api_read_token": "3/60"}


@pytest.fixture
def token(db):
    return ApiToken.issue(UserFactory(), name="harvester")[1]


def bearer(token):
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


@pytest.mark.parametrize("path", [LIST, f"{LIST}/1", "/api/v1/statistics", "/api/v1/vocabularies/scale",
                                  "/api/v1/openapi.json"])
def test_reads_past_the_address_budget_get_a_429_problem_with_retry_after(client, limits, path):
    CommitmentFactory(id=1)
    for _ in range(2):
        assert client.get(path).status_code == 200
    refused = client.get(path, HTTP_ORIGIN=PARTNER)
    assert refused.status_code == 429 and refused["Retry-After"] == "59"  # the test clock is 1 s into the window
    assert refused["Content-Type"] == "application/problem+json"
    assert refused.json()["title"] == "Too many requests" and "59 s" in refused.json()["detail"]
    assert refused["Access-Control-Allow-Origin"] == "*" and "Retry-After" in refused["Access-Control-Expose-Headers"]


def test_each_address_has_its_own_budget(client, limits):
    for _ in range(2):
        client.get(LIST, REMOTE_ADDR="192.0.2.1")
    assert client.get(LIST, REMOTE_ADDR="192.0.2.1").status_code == 429
    assert client.get(LIST, REMOTE_ADDR="192.0.2.2").status_code == 200


def test_a_token_reads_on_its_own_budget_wherever_it_comes_from(client, limits, token):
    for _ in range(2):
        client.get(LIST)
    assert client.get(LIST).status_code == 429
    assert [client.get(LIST, REMOTE_ADDR=f"192.0.2.{n}", **bearer(token)).status_code for n in range(4)] == [
        200, 200, 200, 429]


@pytest.mark.parametrize("header", ["Bearer aa_made-up", "Bearer ", "Basic dXNlcjpwYXNz"])
def test_a_made_up_or_revoked_token_counts_against_the_address(client, limits, token, header):
    ApiToken.objects.update(revoked=True)
    for value in (header, f"Bearer {token}"):
        assert client.get(LIST, HTTP_AUTHORIZATION=value).status_code == 200
    assert client.get(LIST, HTTP_AUTHORIZATION=header).status_code == 429


def test_writes_and_preflights_are_not_counted_as_reads(client, limits, token):
    for _ in range(3):
        client.options(LIST, HTTP_ORIGIN=PARTNER, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")
        client.post(f"{LIST}/1/reports", {}, content_type="application/json")
    assert client.get(LIST).status_code == 200


def test_the_default_budgets_let_a_harvester_through_10_to_the_5_commitments(settings):
    """1,000 pages of 100 within ten minutes, and more with a token."""
    count, seconds = (int(part) for part in settings.ACTIONAGENDA_RATE_LIMITS["api_read"].split("/"))
    assert count * 600 / seconds >= 1000
    token_count, token_seconds = (int(part) for part in settings.ACTIONAGENDA_RATE_LIMITS["api_read_token"].split("/"))
    assert token_count / token_seconds > count / seconds
