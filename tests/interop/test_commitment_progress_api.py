"""The progress part of `GET /api/v1/commitments/{id}`: KPIs with readings and progress, phases, scorecard."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from actionagenda.progress import services
from actionagenda.progress.models import InterimTarget, KPIProgress, PhaseChange, ProgressReport, Reading, Scorecard
from factories import CommitmentFactory, KPIFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def commitment():
    commitment = CommitmentFactory(published_at=datetime.datetime(2025, 2, 1, tzinfo=datetime.UTC))
    commitment.kpis.all().delete()
    return commitment


def decreasing(commitment, **extra):
    return KPIFactory(commitment=commitment, name="Unlabelled GM imports", unit="consignments",
                      baseline_value=Decimal(100), baseline_date=datetime.date(2024, 1, 1), target_value=Decimal(40),
                      target_date=datetime.date(2028, 1, 1), **extra)


def detail(client, commitment):
    response = client.get(f"/api/v1/commitments/{commitment.pk}")
    assert response.status_code == 200
    return response.json()


def test_a_regression_is_a_negative_fraction_shown_as_0_percent_and_named(client, commitment):
    kpi = decreasing(commitment)
    Reading.objects.create(kpi=kpi, date=datetime.date(2025, 6, 30), value=Decimal(130), note="New port opened")
    body = detail(client, commitment)
    [item] = body["kpis"]
    assert item["id"] == kpi.pk
    assert item["direction"] == "decrease"
    assert item["readings"] == [{"date": "2025-06-30", "value": "130.0000", "note": "New port opened"}]
    assert item["progress"] == {"fraction": "-0.5000", "display_percent": 0, "state": "regressing"}


def test_an_exceeded_target_keeps_its_raw_fraction_and_interim_targets_are_listed(client, commitment):
    kpi = decreasing(commitment)
    InterimTarget.objects.create(kpi=kpi, value=Decimal(70), date=datetime.date(2026, 1, 1), phase="development")
    Reading.objects.create(kpi=kpi, date=datetime.date(2025, 6, 30), value=Decimal(30))
    [item] = detail(client, commitment)["kpis"]
    assert item["interim_targets"] == [{"value": "70.0000", "date": "2026-01-01", "phase": "development"}]
    assert item["progress"] == {"fraction": "1.1667", "display_percent": 100, "state": "achieved"}


def test_a_kpi_without_readings_says_no_data_not_zero(client, commitment):
    decreasing(commitment)
    [item] = detail(client, commitment)["kpis"]
    assert item["readings"] == []
    assert item["progress"] == {"fraction": None, "display_percent": None, "state": "no_data"}


def test_a_correction_replaces_its_reading_and_unsubmitted_readings_stay_out(client, commitment):
    kpi = decreasing(commitment)
    first = Reading.objects.create(kpi=kpi, date=datetime.date(2025, 6, 30), value=Decimal(90))
    Reading.objects.create(kpi=kpi, date=datetime.date(2025, 6, 30), value=Decimal(85), corrects=first)
    draft = ProgressReport.objects.create(commitment=commitment, period_start=datetime.date(2025, 7, 1),
                                          period_end=datetime.date(2025, 9, 30))
    Reading.objects.create(kpi=kpi, report=draft, date=datetime.date(2025, 9, 30), value=Decimal(50))
    [item] = detail(client, commitment)["kpis"]
    assert [reading["value"] for reading in item["readings"]] == ["85.0000"]


def test_phases_and_the_scorecard_are_in_the_record(client, commitment):
    kpi = decreasing(commitment, weight=Decimal(2))
    Reading.objects.create(kpi=kpi, date=datetime.date(2025, 6, 30), value=Decimal(70))
    PhaseChange.objects.create(commitment=commitment, phase="planning", started_on=datetime.date(2025, 2, 1))
    PhaseChange.objects.create(commitment=commitment, phase="implementation", started_on=datetime.date(2025, 9, 1))
    services.refresh([commitment.pk], datetime.date(2025, 10, 1))
    body = detail(client, commitment)
    assert body["phases"] == [{"phase": "planning", "started_on": "2025-02-01", "reason": ""},
                              {"phase": "implementation", "started_on": "2025-09-01", "reason": ""}]
    # Published in February 2025: the first and second quarters are due by 1 October, neither reported.
    assert body["scorecard"] == {"overall": "0.5000", "traffic_light": "red", "inactive": False,
                                 "next_report_due": "2025-04-30"}
    assert body["reports"] == []


def test_a_commitment_never_refreshed_has_its_scorecard_computed_without_storing_it(client, commitment):
    kpi = decreasing(commitment)
    Reading.objects.create(kpi=kpi, date=datetime.date(2025, 6, 30), value=Decimal(70))
    body = detail(client, commitment)
    assert not Scorecard.objects.exists() and not KPIProgress.objects.exists()
    # Published in February 2025 and never reported: every quarter since is missing.
    assert (body["scorecard"]["overall"], body["scorecard"]["traffic_light"]) == ("0.5000", "red")
    assert body["kpis"][0]["current"] == "70.0000" and body["kpis"][0]["progress"]["fraction"] == "0.5000"
    assert body["kpis"][0]["current_date"] == "2025-06-30"
    services.refresh([commitment.pk])
    assert detail(client, commitment) == body


def test_the_detail_needs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    commitments = []
    for kpis in (1, 6):
        commitment = CommitmentFactory()
        for _ in range(kpis):
            kpi = decreasing(commitment)
            Reading.objects.create(kpi=kpi, date=timezone.localdate(), value=Decimal(80))
        services.refresh([commitment.pk])
        commitments.append(commitment)
    for commitment in commitments:
        with django_assert_max_num_queries(23):  # lookup, 8 record, 5 progress, up to 9 for the rate limit (db cache)
            detail(client, commitment)
