"""Explore facets and list API filters from the scorecards: KPI state, traffic light, inactive."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from actionagenda.commitments import facets
from actionagenda.progress import services
from actionagenda.progress.models import Reading
from tests.factories import CommitmentFactory, KPIFactory

pytestmark = pytest.mark.django_db
LIST = "/api/v1/commitments"


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def decreasing(commitment, reading=None):
    kpi = KPIFactory(commitment=commitment, baseline_value=Decimal(100), baseline_date=datetime.date(2024, 1, 1),
                     target_value=Decimal(40), target_date=datetime.date(2030, 1, 1))
    if reading is not None:
        Reading.objects.create(kpi=kpi, date=timezone.localdate(), value=Decimal(reading), source="api")
    return kpi


@pytest.fixture
def commitments():
    fresh = CommitmentFactory(title="Fresh and regressing", published_at=days_ago(5), kpi=False)
    decreasing(fresh, reading=130)
    lapsed = CommitmentFactory(title="Lapsed without data", published_at=days_ago(3 * 365),
                               start_date=datetime.date(2020, 1, 1), kpi=False)
    decreasing(lapsed)
    mixed = CommitmentFactory(title="Mixed results", published_at=days_ago(5), kpi=False)
    decreasing(mixed, reading=120)
    decreasing(mixed, reading=30)
    draft = CommitmentFactory(title="Draft regressing", status="draft", published_at=None, kpi=False)
    decreasing(draft, reading=130)
    services.refresh([fresh.pk, lapsed.pk, mixed.pk, draft.pk])
    return {"fresh": fresh, "lapsed": lapsed, "mixed": mixed, "draft": draft}


def count(page, label, number):
    return f'{label} <span class="count">({number})</span>' in page


def test_the_explore_page_counts_commitments_by_kpi_state_light_and_activity(client, commitments):
    page = client.get(reverse("commitments:explore")).content.decode()
    assert "<legend>KPI state</legend>" in page
    assert count(page, "Regressing", 2) and count(page, "Achieved", 1) and count(page, "No data", 1)
    assert count(page, "Reported for the last period due", 2) and count(page, "Two or more reports overdue", 1)
    assert count(page, "Inactive: no report for two years", 1) and count(page, "Active", 2)
    assert "On track" not in page  # no commitment has a KPI on track: the value is not offered


def test_ticking_a_kpi_state_narrows_the_results_and_the_other_counts(client, commitments):
    page = client.get(reverse("commitments:explore"), {"kpi_state": "regressing"}).content.decode()
    assert "2 commitments" in page
    assert "Fresh and regressing" in page and "Mixed results" in page and "Lapsed without data" not in page
    assert count(page, "Reported for the last period due", 2) and "Two or more reports overdue" not in page
    assert count(page, "No data", 1)  # its own facet's counts ignore its own filter


def test_the_facet_labels_are_translated(client, commitments):
    with translation.override("fr"):
        url = reverse("commitments:explore")
    page = client.get(url).content.decode()
    assert "<legend>KPI state</legend>" not in page
    assert "<legend>État des indicateurs</legend>" in page and count(page, "En recul", 2)
    assert count(page, "Inactif\u00a0: aucun rapport depuis deux ans", 1)


def test_a_refresh_that_changes_a_state_rebuilds_the_facets_and_one_that_changes_nothing_keeps_them(commitments):
    before = facets.current()
    assert services.refresh([commitments["fresh"].pk]) is False
    assert facets.current() is before
    Reading.objects.create(kpi=commitments["fresh"].kpis.get(), date=timezone.localdate(), value=Decimal(30),
                           source="api")
    assert services.refresh([commitments["fresh"].pk]) is True
    assert facets.current().counts("kpi_state", facets.current().published) == {
        "achieved": 2, "regressing": 1, "no_data": 1}


def test_the_list_api_filters_by_kpi_state_traffic_light_and_inactive(client, commitments):
    def titles(**params):
        return sorted(item["title"] for item in client.get(LIST, params).json()["items"])

    assert titles(kpi_state="regressing") == ["Fresh and regressing", "Mixed results"]
    assert titles(kpi_state=["achieved", "no_data"]) == ["Lapsed without data", "Mixed results"]
    assert titles(traffic_light="red") == ["Lapsed without data"]
    assert titles(inactive="true") == ["Lapsed without data"]
    assert titles(inactive="false", kpi_state="regressing") == ["Fresh and regressing", "Mixed results"]
    assert titles(traffic_light="amber") == []


def test_the_list_api_refuses_an_unknown_state_naming_the_parameter(client, commitments):
    response = client.get(LIST, {"kpi_state": "great", "inactive": "maybe"})
    assert response.status_code == 422
    assert sorted(error["field"] for error in response.json()["errors"]) == ["inactive", "kpi_state"]


def test_the_openapi_document_describes_the_new_filters(client):
    parameters = {p["name"]: p for p in client.get("/api/v1/openapi.json").json()["paths"][LIST]["get"]["parameters"]}
    assert {"kpi_state", "traffic_light", "inactive"} <= set(parameters)
    assert "regressing" in parameters["kpi_state"]["description"]
    assert "amber" in parameters["traffic_light"]["description"]
