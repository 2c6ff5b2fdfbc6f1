"""`POST /api/v1/commitments/{id}/reports`: the author's token files a report; every refusal is a problem."""

import datetime
from decimal import Decimal

import pytest

from actionagenda.accounts.models import ApiToken
from actionagenda.progress.models import KPIProgress, ProgressReport, Reading
from factories import ActorFactory, CommitmentFactory, KPIFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def commitment(author):
    return CommitmentFactory(actor=ActorFactory(members=[author]), kpi=False,
                             published_at=datetime.datetime(2025, 2, 1, tzinfo=datetime.UTC))


@pytest.fixture
def kpi(commitment):
    return KPIFactory(commitment=commitment, baseline_value=Decimal(100), baseline_date=datetime.date(2024, 1, 1),
                      target_value=Decimal(40), target_date=datetime.date(2028, 1, 1))


@pytest.fixture
def token(author):
    return ApiToken.issue(author, name="partner platform")[1]


def post(client, commitment, body, token=None):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    return client.post(f"/api/v1/commitments/{commitment.pk}/reports", body, content_type="application/json",
                       **headers)


def body(kpi, **fields):
    return {"period_start": "2026-01-01", "period_end": "2026-03-31", "kind": "report",
            "narrative": "Two workshops with customs officers.",
            "readings": [{"kpi": kpi.pk, "date": "2026-03-31", "value": "70", "note": "Port of Mombasa"}],
            **fields}


def test_the_authors_token_files_a_public_report_whose_reading_moves_the_kpi(
        client, settings, commitment, kpi, token, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, commitment, body(kpi), token)
    assert response.status_code == 201, response.content
    report = ProgressReport.objects.get()
    assert response.json() == {"id": report.pk, "status": "submitted",
                               "url": settings.SITE_URL + report.get_absolute_url()}
    assert report.is_public
    reading = Reading.objects.get()
    assert (reading.value, reading.source, reading.note) == (Decimal(70), "api", "Port of Mombasa")
    assert KPIProgress.objects.get(kpi=kpi).fraction == Decimal("0.5")
    record = client.get(f"/api/v1/commitments/{commitment.pk}").json()
    assert record["reports"][0]["id"] == report.pk
    assert record["kpis"][0]["progress"]["fraction"] == "0.5000"


def test_without_a_valid_token_nothing_is_filed_and_the_answer_is_a_401_problem(client, commitment, kpi):
    for token in (None, "aa_not-a-token"):
        response = post(client, commitment, body(kpi), token)
        assert response.status_code == 401
        assert response["Content-Type"] == "application/problem+json"
    assert not ProgressReport.objects.exists()


def test_a_revoked_token_is_refused(client, commitment, kpi, token):
    ApiToken.objects.update(revoked=True)
    assert post(client, commitment, body(kpi), token).status_code == 401


def test_another_actors_token_is_told_the_commitment_does_not_exist(client, commitment, kpi):
    stranger = ApiToken.issue(UserFactory())[1]
    response = post(client, commitment, body(kpi), stranger)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert not ProgressReport.objects.exists()


def test_each_bad_field_is_named_with_a_json_pointer(client, commitment, kpi, token):
    elsewhere = KPIFactory(commitment=CommitmentFactory(kpi=False))
    response = post(client, commitment, body(kpi, readings=[
        {"kpi": elsewhere.pk, "value": "3"},
        {"kpi": kpi.pk, "date": "2025-12-31", "value": "70"},
    ]), token)
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    pointers = {entry["pointer"] for entry in response.json()["errors"]}
    assert {"#/readings/0/kpi", "#/readings/1/date"} <= pointers
    assert not ProgressReport.objects.exists()


def test_a_value_that_is_not_a_number_is_named(client, commitment, kpi, token):
    response = post(client, commitment, body(kpi, readings=[{"kpi": kpi.pk, "value": "seventy"}]), token)
    assert response.status_code == 422
    assert [entry["pointer"] for entry in response.json()["errors"]] == ["#/readings/0/value"]


def test_a_period_ending_before_it_starts_is_named(client, commitment, kpi, token):
    response = post(client, commitment, body(kpi, period_start="2026-03-31", period_end="2026-01-01",
                                             readings=[]), token)
    assert response.status_code == 422
    assert "#/period_end" in {entry["pointer"] for entry in response.json()["errors"]}


def test_a_body_that_is_not_the_schema_is_a_422_problem_naming_the_field(client, commitment, kpi, token):
    response = post(client, commitment, {"period_start": "soon", "period_end": "2026-03-31"}, token)
    assert response.status_code == 422
    assert "#/period_start" in {entry["pointer"] for entry in response.json()["errors"]}


def test_an_unpublished_commitment_takes_no_report(client, commitment, kpi, token):
    commitment.status = "draft"
    commitment.save()
    assert post(client, commitment, body(kpi), token).status_code == 422
    assert not ProgressReport.objects.exists()


def test_reports_over_the_limit_are_refused_with_retry_after(client, settings, commitment, kpi, token):
    settings.ACTIONAGENDA_RATE_LIMITS = {**settings.ACTIONAGENDA_RATE_LIMITS, "progress_report_submit": "1/3600"}
    assert post(client, commitment, body(kpi), token).status_code == 201
    refused = post(client, commitment, body(kpi, period_start="2026-04-01", period_end="2026-06-30",
                                            readings=[]), token)
    assert refused.status_code == 429
    assert refused["Retry-After"]
    assert ProgressReport.objects.count() == 1


def test_the_openapi_document_describes_the_endpoint_and_its_bearer_auth(client):
    document = client.get("/api/v1/openapi.json").json()
    operation = document["paths"]["/api/v1/commitments/{commitment_id}/reports"]["post"]
    assert operation["security"] == [{"BearerToken": []}]
    assert {"201", "401", "404", "422", "429"} <= set(operation["responses"])
    assert document["components"]["securitySchemes"]["BearerToken"]["scheme"] == "bearer"
