import pytest
from stats.fixtures import make

from actionagenda.commitments import facets

pytestmark = pytest.mark.django_db

URL = "/api/v1/statistics"


@pytest.fixture
def data():
    return make()


def test_without_filters_it_answers_as_before_and_more(client, data):
    body = client.get(URL).json()
    assert body["total"] == 4
    assert body["by"]["country"] == {"KE": 2, "UG": 1, "FR": 1, "PE": 1}
    assert set(facets.FACETS) <= set(body["by"]) and body["by"]["organization_type"] == {"ngo": 2, "academic": 1}
    assert (body["actors"], body["countries"], body["kpis"], body["kpis_not_added"]) == (3, 4, 5, 1)
    assert body["cumulative"][:3] == [{"month": "2025-01", "published": 1, "total": 1},
                                      {"month": "2025-02", "published": 0, "total": 1},
                                      {"month": "2025-03", "published": 2, "total": 3}]
    assert body["kpi_states"]["achieved"] == 2 and body["kpi_states"]["no_data"] == 2
    assert body["kpi_totals"][1] == {"unit": "People", "kpis": 2, "commitments": 2, "baseline": "10",
                                     "with_baseline": 2, "target": "150", "with_target": 2, "latest": "120",
                                     "with_latest": 1}


def test_it_takes_the_filters_of_the_commitments_list(client, data):
    body = client.get(URL, {"country": "KE", "language": "fr"}).json()
    assert body["total"] == 1 and body["by"]["country"] == {"KE": 1, "UG": 1}
    assert client.get(f"{URL}?gbf_target=GBF-17&gbf_target=GBF-21").json()["total"] == 4
    assert client.get(URL, {"search": "nothing-matches-this"}).json()["total"] == 0


def test_an_unchanged_answer_is_not_sent_again(client, data):
    first = client.get(URL, {"country": "KE"})
    assert client.get(URL, {"country": "KE"}, headers={"If-None-Match": first["ETag"]}).status_code == 304
    assert client.get(URL, {"country": "UG"}, headers={"If-None-Match": first["ETag"]}).status_code == 200


def test_an_unknown_filter_value_is_a_problem(client, data):
    response = client.get(URL, {"region": "999"})
    assert response.status_code == 422 and response["Content-Type"] == "application/problem+json"
    assert [error["field"] for error in response.json()["errors"]] == ["region"]


def test_the_openapi_document_lists_its_filters(client):
    operation = client.get("/api/v1/openapi.json").json()["paths"][URL]["get"]
    assert {parameter["name"] for parameter in operation["parameters"] if parameter["in"] == "query"} == {
        "search", "bch_record", *facets.FACETS}  # bch_record: a filter by one cited record, not a facet
