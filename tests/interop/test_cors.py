"""The API's reads are open to every origin (the embeddable components read it from partners' pages); its writes
and the site's own pages send no CORS header, so a browser keeps other origins from using them."""

import pytest

from factories import CommitmentFactory

pytestmark = pytest.mark.django_db

PARTNER = "https://biosafety.partner.example"


@pytest.mark.parametrize("path", ["/api/v1/commitments", "/api/v1/statistics", "/api/v1/vocabularies/ip_element"])
def test_it_lets_any_origin_read_the_api(client, path):
    response = client.get(path, HTTP_ORIGIN=PARTNER)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response


def test_it_lets_any_origin_read_one_commitment_and_its_errors(client):
    commitment = CommitmentFactory()
    assert client.get(f"/api/v1/commitments/{commitment.pk}", HTTP_ORIGIN=PARTNER)["Access-Control-Allow-Origin"] == "*"
    missing = client.get("/api/v1/commitments/999999", HTTP_ORIGIN=PARTNER)
    assert missing.status_code == 404 and missing["Access-Control-Allow-Origin"] == "*"


def test_it_answers_the_preflight_of_a_read(client):
    response = client.options("/api/v1/commitments", HTTP_ORIGIN=PARTNER,
                              HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
                              HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match")
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD"
    assert "If-None-Match" in response["Access-Control-Allow-Headers"]
    assert "Authorization" not in response["Access-Control-Allow-Headers"]


# The write API's operations (POST, PATCH, DELETE on commitments, POST of reports) and any later one.
WRITE_PATHS = ["/api/v1/commitments", "/api/v1/commitments/1", "/api/v1/commitments/1/reports"]


@pytest.mark.parametrize("path", WRITE_PATHS)
@pytest.mark.parametrize("method", ["POST", "PATCH", "DELETE", "PUT", "post", "patch"])
def test_it_refuses_the_preflight_of_a_write(client, method, path):
    CommitmentFactory(id=1)
    response = client.options(path, HTTP_ORIGIN=PARTNER, HTTP_ACCESS_CONTROL_REQUEST_METHOD=method,
                              HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization, content-type")
    assert not any(header.startswith("Access-Control-") for header in response.headers)


@pytest.mark.parametrize("path", WRITE_PATHS)
@pytest.mark.parametrize("method", ["post", "patch", "delete", "put"])
def test_a_write_gets_no_cors_header(client, method, path):
    CommitmentFactory(id=1)
    response = getattr(client, method)(path, {"title": "x"}, content_type="application/json", HTTP_ORIGIN=PARTNER)
    assert not any(header.startswith("Access-Control-") for header in response.headers)


def test_the_preflight_of_a_read_never_allows_a_token_to_be_sent(client):
    response = client.options("/api/v1/commitments/1", HTTP_ORIGIN=PARTNER, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
                              HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization")
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD"
    assert "authorization" not in response["Access-Control-Allow-Headers"].lower()


@pytest.mark.parametrize("path", ["/en/", "/en/commitments/", "/en/embed/"])
def test_the_sites_pages_get_no_cors_header(client, path):
    response = client.get(path, HTTP_ORIGIN=PARTNER)
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response
