"""A published commitment as the draft of a BCH capacity development initiative (CDI) record."""

import pytest
from django.test import override_settings

from actionagenda.commitments.models import BCHReference, Commitment
from factories import CommitmentFactory

pytestmark = pytest.mark.django_db


def url(commitment):
    return f"/api/v1/commitments/{commitment.pk}/bch-cdi"


@override_settings(SITE_URL="https://commitments.example.org")
def test_the_draft_fills_the_cdi_fields_the_commitment_answers(client):
    commitment = CommitmentFactory(title="Détection des OVM à Dakar", language="fr", website="https://labo.example.sn",
                                   partners="- [ISRA](https://isra.sn)", resources="Deux techniciens.",
                                   links={"countries": ["SN"], "action_areas": ["BIOSAFETY"],
                                          "gbf_targets": ["GBF-17"], "ip_elements": ["IP-DI"]})
    BCHReference.objects.create(commitment=commitment, record_type="LAB", identifier="BCH-LAB-SCBD-1234-1")
    draft = client.get(url(commitment)).json()
    page = f"https://commitments.example.org/fr/commitments/{commitment.pk}/"
    assert draft["header"] == {"schema": "capacityBuildingInitiative", "languages": ["fr"]}
    assert draft["title"] == {"fr": "Détection des OVM à Dakar"}
    assert draft["description"] == {"fr": commitment.description}
    assert draft["startDate"] == "2025-01-01" and draft["endDate"] == "2028-12-31"
    assert draft["countryRegions"] == [{"identifier": "sn"}]
    assert draft["cbdSubjects"] == [{"identifier": "CBD-SUBJECT-CPB"}, {"identifier": "CBD-SUBJECT-BTB"}]
    assert draft["projectDocument"][0]["url"].endswith(f"/commitments/{commitment.pk}/")
    assert {"url": "https://labo.example.sn", "name": commitment.actor.name} in draft["projectDocument"]
    assert draft["relevantDocuments"] == [{"url": "https://bch.cbd.int/database/BCH-LAB-SCBD-1234-1",
                                           "name": "Laboratoire de détection et d’identification des OVM\u00a0: "
                                                   "BCH-LAB-SCBD-1234-1"}]
    information = draft["relevantInformation"]["fr"]
    assert commitment.actor.name in information and "ISRA" in information and "Deux techniciens." in information
    assert "geographicScope" in draft["notes"] and "cpbThematicAreas" in draft["notes"]
    assert page.split("/fr/")[0] in draft["notes"]


def test_only_a_published_commitment_has_a_draft(client):
    draft = CommitmentFactory(status="draft", published_at=None)
    response = client.get(url(draft))
    assert response.status_code == 404 and response["Content-Type"] == "application/problem+json"


def test_the_draft_is_documented(client):
    document = client.get("/api/v1/openapi.json").json()
    operation = document["paths"]["/api/v1/commitments/{commitment_id}/bch-cdi"]["get"]
    assert "capacity development initiative" in operation["summary"]
    assert {"header", "title", "cbdSubjects", "notes"} <= set(document["components"]["schemas"]["CDIDraft"][
        "properties"])


def test_the_draft_answers_304_while_the_commitment_is_unchanged(client):
    commitment = CommitmentFactory()
    first = client.get(url(commitment))
    assert client.get(url(commitment), HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    Commitment.objects.filter(pk=commitment.pk).touch()
    assert client.get(url(commitment), HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200
