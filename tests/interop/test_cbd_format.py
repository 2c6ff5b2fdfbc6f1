"""The CBD's identifiers are accepted wherever codes are, and `?format=cbd` writes the Action Agenda's schema."""

import pytest
from django.test import override_settings

from factories import CommitmentFactory

pytestmark = pytest.mark.django_db

LIST = "/api/v1/commitments"


@pytest.fixture
def kenya():
    return CommitmentFactory(title="Radio in Nairobi", language="en", website="https://radio.example.org",
                             partners="- [Kenya Biosafety Authority](https://www.biosafetykenya.go.ke)\nISAAA",
                             links={"countries": ["KE", "UG"], "gbf_targets": ["GBF-17", "GBF-1"],
                                    "action_areas": ["BIOSAFETY", "FOOD-AND-HEALTH"]})


@pytest.fixture
def peru():
    return CommitmentFactory(title="Laboratorios en Lima", language="es",
                             links={"countries": ["PE"], "gbf_targets": ["GBF-21"], "action_areas": ["STEWARDSHIP"]})


def titles(client, **params):
    response = client.get(LIST, params)
    assert response.status_code == 200, response.json()
    return sorted(item["title"] for item in response.json()["items"])


@pytest.mark.parametrize(("params", "expected"), [
    ({"gbf_target": "GBF-TARGET-17"}, ["Radio in Nairobi"]),
    ({"gbf_target": "GBF-TARGET-01"}, ["Radio in Nairobi"]),
    ({"action_area": "CBD-SUBJECT-CPB"}, ["Radio in Nairobi"]),
    ({"action_area": "CBD-SUBJECT-BTB"}, ["Radio in Nairobi"]),
    ({"country": "pe"}, ["Laboratorios en Lima"]),
    ({"gbf_target": "GBF-21"}, ["Laboratorios en Lima"]),
])
def test_list_filters_take_the_cbd_identifiers_beside_ours(client, kenya, peru, params, expected):
    assert titles(client, **params) == expected


def test_the_explore_page_and_the_feeds_take_them_too(client, kenya, peru):
    page = client.get("/en/commitments/", {"gbf_target": "GBF-TARGET-17"}).content.decode()
    assert "Radio in Nairobi" in page and "Laboratorios en Lima" not in page
    feed = client.get("/en/feeds/commitments.rss", {"action_area": "CBD-SUBJECT-CPB"}).content.decode()
    assert "Radio in Nairobi" in feed and "Laboratorios en Lima" not in feed


def test_an_unknown_cbd_identifier_is_a_problem_naming_the_parameter(client, kenya):
    response = client.get(LIST, {"gbf_target": "GBF-TARGET-99"})
    assert response.status_code == 422
    assert response.json()["errors"] == [{"pointer": "#/gbf_target", "field": "gbf_target",
                                          "detail": "Unknown gbf_target: GBF-TARGET-99."}]


def test_vocabularies_give_the_cbd_identifiers_of_each_code(client):
    targets = {entry["code"]: entry["cbd"] for entry in client.get("/api/v1/vocabularies/gbf_target").json()["entries"]}
    assert targets["GBF-17"] == ["GBF-TARGET-17"] and targets["GBF-1"] == ["GBF-TARGET-01"]
    areas = {entry["code"]: entry["cbd"] for entry in client.get("/api/v1/vocabularies/action_area").json()["entries"]}
    assert areas["BIOSAFETY"] == ["BIOSAFETY", "CBD-SUBJECT-CPB", "CBD-SUBJECT-BTB"]
    countries = client.get("/api/v1/vocabularies/country").json()["entries"]
    assert next(entry["cbd"] for entry in countries if entry["code"] == "KE") == ["ke"]


@override_settings(SITE_URL="https://commitments.example.org")
def test_the_detail_in_the_cbd_format_has_the_action_schemas_parts(client, kenya):
    record = client.get(f"{LIST}/{kenya.pk}", {"format": "cbd"}).json()
    assert set(record) == {"identifier", "url", "actor", "action", "actionDetails", "partners"}
    assert record["identifier"] == str(kenya.pk)
    assert record["url"] == f"https://commitments.example.org/en/commitments/{kenya.pk}/"
    assert record["actor"] == {"name": kenya.actor.name, "type": "organization", "organizationType": "ngo",
                               "country": {"identifier": "ke"}}
    assert record["action"] == {"name": {"en": "Radio in Nairobi"}, "description": {"en": kenya.description},
                                "startDate": "2025-01-01", "endDate": "2028-12-31",
                                "website": "https://radio.example.org"}
    details = record["actionDetails"]
    assert {term["identifier"] for term in details["actionCategories"]} == {"BIOSAFETY", "FOOD-AND-HEALTH"}
    assert {term["identifier"] for term in details["subjects"]} == {"CBD-SUBJECT-CPB", "CBD-SUBJECT-BTB",
                                                                     "CBD-SUBJECT-HH"}
    assert {term["identifier"] for term in details["operationalAreas"]} == {"ke", "ug"}
    assert {term["identifier"] for term in details["gbfTargets"]} == {"GBF-TARGET-17", "GBF-TARGET-01"}
    assert details["sdgs"] == []
    assert record["partners"] == [{"name": "Kenya Biosafety Authority", "url": "https://www.biosafetykenya.go.ke"},
                                  {"name": "ISAAA", "url": ""}]


def test_the_list_in_the_cbd_format_keeps_its_filters_count_and_pages(client, kenya, peru):
    page = client.get(LIST, {"format": "cbd", "action_area": "BIOSAFETY", "limit": 1}).json()
    assert page["count"] == 1
    assert [item["action"]["name"] for item in page["items"]] == [{"en": "Radio in Nairobi"}]
    spanish = client.get(LIST, {"format": "cbd", "country": "PE"}).json()["items"][0]
    assert spanish["action"]["name"] == {"es": "Laboratorios en Lima"}


def test_an_unknown_format_is_a_problem(client, kenya):
    response = client.get(LIST, {"format": "xml"})
    assert response.status_code == 422 and response["Content-Type"] == "application/problem+json"
    assert response.json()["errors"][0]["field"] == "format"


def test_the_cbd_format_is_documented_in_the_openapi_document(client):
    document = client.get("/api/v1/openapi.json").json()
    for path in (LIST, LIST + "/{commitment_id}"):
        operation = document["paths"][path]["get"]
        (parameter,) = [parameter for parameter in operation["parameters"] if parameter["name"] == "format"]
        assert parameter["schema"]["enum"] == ["native", "cbd"] and "CBD Action Agenda" in parameter["description"]
        answers = operation["responses"]["200"]["content"]["application/json"]["schema"]["anyOf"]
        assert {"$ref": "#/components/schemas/CBDActionPage" if path == LIST
                else "#/components/schemas/CBDActionRecord"} in answers
    schemas = document["components"]["schemas"]
    assert {"actor", "action", "actionDetails", "partners"} <= set(schemas["CBDActionRecord"]["properties"])
    assert {"actionCategories", "operationalAreas", "gbfTargets", "sdgs"} <= set(
        schemas["CBDActionDetails"]["properties"])
    assert "GBF-TARGET-01" in document["paths"][LIST]["get"]["parameters"][4]["description"]


def test_harvesting_in_the_cbd_format_gives_cbd_actions_and_native_tombstones(client, kenya, peru, author):
    from actionagenda.commitments import workflow

    kenya.actor.members.add(author)
    workflow.apply(kenya, workflow.Action.WITHDRAW, author)
    body = client.get(LIST, {"format": "cbd", "updated_after": "1970-01-01T00:00:00Z"}).json()
    assert body["count"] == 2 and body["next"] is None
    (action,) = [item for item in body["items"] if "action" in item]
    (tombstone,) = [item for item in body["items"] if "status" in item]
    assert action["action"]["name"] == {"es": "Laboratorios en Lima"}
    assert (tombstone["id"], tombstone["status"]) == (kenya.pk, "withdrawn")


def test_each_format_has_its_own_etag_and_answers_304_to_it(client, kenya):
    for path in (LIST, f"{LIST}/{kenya.pk}"):
        native = client.get(path)
        cbd = client.get(path, {"format": "cbd"})
        assert native["ETag"] != cbd["ETag"]
        assert client.get(path, {"format": "cbd"}, HTTP_IF_NONE_MATCH=cbd["ETag"]).status_code == 304
        assert client.get(path, HTTP_IF_NONE_MATCH=cbd["ETag"]).status_code == 200
