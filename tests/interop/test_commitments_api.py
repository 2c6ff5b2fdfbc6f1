import pytest
from django.test import override_settings

from actionagenda.commitments import facets
from actionagenda.vocabularies import catalogue
from factories import CommitmentFactory

pytestmark = pytest.mark.django_db

LIST = "/api/v1/commitments"


@pytest.fixture
def commitments():
    return {
        "kenya": CommitmentFactory(title="Radio in Nairobi", links={"countries": ["KE"],
                                                                   "gbf_targets": ["GBF-17", "GBF-21"]}),
        "senegal": CommitmentFactory(title="Radio à Dakar", language="fr", phase="planning",
                                     links={"countries": ["SN"], "ip_elements": ["IP-RA"]}),
        "peru": CommitmentFactory(title="Laboratorios en Lima", language="es", links={"countries": ["PE"]}),
        "draft": CommitmentFactory(title="Radio draft", status="draft", published_at=None),
    }


@override_settings(SITE_URL="https://commitments.example.org")
def test_an_item_has_every_public_field(client, commitments):
    kenya = commitments["kenya"]
    body = client.get(f"{LIST}/{kenya.pk}").json()
    assert body["title"] == "Radio in Nairobi" and body["language"] == "en"
    assert body["actor"] == {"name": kenya.actor.name, "type": "organization", "organization_type": "ngo",
                             "country": "KE"}
    assert body["countries"] == ["KE"] and body["regions"] == ["002"]
    assert sorted(body["gbf_targets"]) == ["GBF-17", "GBF-21"]
    assert body["ip_elements"] == ["IP-PAEP"] and body["action_areas"] == ["BIOSAFETY"]
    assert body["audiences"] == ["general_public"]
    assert body["start_date"] == "2025-01-01" and body["end_date"] == "2028-12-31"
    assert body["phase"] == "implementation" and body["scale"] == "national" and body["status"] == "published"
    kpi = kenya.kpis.get()
    assert [{name: item[name] for name in ("id", "name", "unit", "baseline", "target", "current")}
            for item in body["kpis"]] == [{"id": kpi.pk, "name": "People reached", "unit": "people",
                                           "baseline": {"value": "0.0000", "date": "2025-01-01"},
                                           "target": {"value": "5000.0000", "date": "2028-12-31"},
                                           "current": None}]
    assert body["url"] == f"https://commitments.example.org/en/commitments/{kenya.pk}/"
    assert {"partners", "resources", "expected_impact", "website", "published_at", "description"} <= set(body)


def test_the_api_never_exposes_contact_details_even_when_shown_on_the_page(client):
    shown = CommitmentFactory(contact_name="Awa Ndiaye", contact_email="awa@example.org", contact_public=True)
    private = CommitmentFactory(contact_name="Ibou Fall", contact_email="ibou@example.org")
    for url in (f"{LIST}/{shown.pk}", f"{LIST}/{private.pk}", LIST):
        text = client.get(url).content.decode()
        assert "awa@example.org" not in text and "ibou@example.org" not in text
        assert "Awa Ndiaye" not in text and "Ibou Fall" not in text and "contact" not in text
    assert 'href="mailto:awa@example.org"' in client.get(shown.get_absolute_url()).content.decode()


def test_the_list_is_a_page_with_count_and_items(client, commitments):
    body = client.get(LIST).json()
    assert body["count"] == 3
    assert {item["title"] for item in body["items"]} == {"Radio in Nairobi", "Radio à Dakar", "Laboratorios en Lima"}


def test_filters_apply_and_may_repeat(client, commitments):
    assert [i["title"] for i in client.get(LIST, {"search": "radio", "language": "fr"}).json()["items"]] == [
        "Radio à Dakar"]
    both = client.get(f"{LIST}?country=KE&country=PE").json()
    assert both["count"] == 2
    assert client.get(LIST, {"region": "002", "phase": "planning"}).json()["count"] == 1
    assert client.get(LIST, {"gbf_target": "GBF-21"}).json()["items"][0]["title"] == "Radio in Nairobi"
    assert client.get(LIST, {"ip_element": "IP-RA", "actor_type": "organization"}).json()["count"] == 1
    assert client.get(LIST, {"action_area": "BIOSAFETY", "scale": "local"}).json()["count"] == 0


def test_the_filters_the_openapi_document_lists_are_the_ones_applied(client, commitments):
    operation = client.get("/api/v1/openapi.json").json()["paths"][LIST]["get"]
    documented = {parameter["name"]: parameter for parameter in operation["parameters"]}
    assert set(documented) == {"search", "sort", "limit", "offset", "updated_after", "after_id", "If-None-Match",
                               "If-Modified-Since", "format", "bch_record", *facets.FACETS}
    assert all(code in documented["actor_type"]["description"] for code in catalogue.ACTOR_TYPES.codes)
    for facet in [*facets.FACETS, "bch_record"]:
        refused = client.get(LIST, {facet: "no-such-code"})
        assert refused.status_code == 422, facet
        assert [error["field"] for error in refused.json()["errors"]] == [facet]


def test_limit_and_offset_page_through_newest_first(client, commitments):
    everything = [item["id"] for item in client.get(LIST).json()["items"]]
    page = client.get(LIST, {"limit": 2, "offset": 1}).json()
    assert page["count"] == 3 and [item["id"] for item in page["items"]] == everything[1:3]
    assert [i["id"] for i in client.get(LIST, {"sort": "oldest", "limit": 1}).json()["items"]] == everything[-1:]


def test_a_limit_above_100_is_a_problem(client, commitments):
    response = client.get(LIST, {"limit": 101})
    assert response.status_code == 422 and response["Content-Type"] == "application/problem+json"
    assert response.json()["errors"][0]["field"] == "limit"


def test_an_unknown_filter_value_is_a_problem_naming_the_parameter(client, commitments):
    response = client.get(LIST, {"gbf_target": "GBF-99"})
    assert response.status_code == 422 and response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["errors"] == [{"pointer": "#/gbf_target", "field": "gbf_target",
                               "detail": "Unknown gbf_target: GBF-99."}]


def test_an_unpublished_or_missing_commitment_is_a_404_problem(client, commitments):
    for pk in (commitments["draft"].pk, 999999):
        response = client.get(f"{LIST}/{pk}")
        assert response.status_code == 404 and response["Content-Type"] == "application/problem+json"
        assert response.json()["status"] == 404


def test_statistics_count_published_commitments_by_facet(client, commitments):
    body = client.get("/api/v1/statistics").json()
    assert body["total"] == 3
    assert body["by"]["country"] == {"KE": 1, "SN": 1, "PE": 1}
    assert body["by"]["region"] == {"002": 2, "019": 1}
    assert body["by"]["gbf_target"] == {"GBF-17": 3, "GBF-21": 1}


def test_the_openapi_document_lists_the_read_endpoints_and_filters(client):
    spec = client.get("/api/v1/openapi.json").json()
    assert {"/api/v1/commitments", "/api/v1/commitments/{commitment_id}", "/api/v1/statistics"} <= set(
        spec["paths"])
    names = {p["name"] for p in spec["paths"]["/api/v1/commitments"]["get"]["parameters"]}
    assert {"search", "actor_type", "country", "region", "gbf_target", "ip_element", "action_area", "phase",
            "scale", "language", "limit", "offset"} <= names


def test_the_list_needs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    for index in range(30):
        CommitmentFactory(title=f"Radio {index}", links={"countries": ["KE", "UG"]})
    client.get(LIST)
    with django_assert_max_num_queries(13):  # 8 read the records (their BCH citations too), 4 count the read
        body = client.get(LIST, {"country": "KE", "limit": 25}).json()
    assert len(body["items"]) == 25
