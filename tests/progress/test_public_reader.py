"""The one reader of a commitment's progress (progress.public), behind the detail page, the API record, the card and
the embedded frame: a read never writes, fills in memory what was never stored, and takes as many queries for one
KPI as for ten with many readings."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actionagenda.commitments.models import Commitment
from actionagenda.progress import public, services
from actionagenda.progress.models import InterimTarget, KPIProgress, PhaseChange, ProgressReport, Reading, Scorecard
from factories import CommitmentFactory, KPIFactory

from .chart_data import commitment_with_progress

pytestmark = pytest.mark.django_db

CONSUMERS = {
    "detail page": "/en/commitments/{pk}/",
    "API record": "/api/v1/commitments/{pk}",
    "card (SVG)": "/en/commitments/{pk}/card.svg",
    "card (PNG)": "/en/commitments/{pk}/card.png",
    "embedded frame": "/embed/frame/commitments/{pk}/",
}
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")
# The shared cache is a table when no Redis is configured (the PNG card is kept there): not the progress figures.
CACHE_TABLE = "actionagenda_cache"


def commitment_with(kpis: int, readings: int) -> Commitment:
    commitment = CommitmentFactory(published_at=datetime.datetime(2025, 2, 1, tzinfo=datetime.UTC), kpi=False)
    for number in range(kpis):
        kpi = KPIFactory(commitment=commitment, name=f"Indicator {number}", position=number)
        InterimTarget.objects.create(kpi=kpi, value=Decimal(2000), date=datetime.date(2026, 12, 31))
        Reading.objects.bulk_create(Reading(kpi=kpi, date=datetime.date(2025, 1, 1) + datetime.timedelta(days=7 * week),
                                            value=Decimal(40 * week), note=f"Week {week}") for week in range(readings))
    ProgressReport.objects.create(commitment=commitment, period_start=datetime.date(2025, 1, 1),
                                  period_end=datetime.date(2025, 3, 31), status="submitted",
                                  submitted_at=datetime.datetime(2025, 4, 10, tzinfo=datetime.UTC))
    PhaseChange.objects.create(commitment=commitment, phase="implementation", started_on=datetime.date(2025, 2, 1))
    return commitment


def statements(client, consumer: str, commitment: Commitment) -> list[str]:
    """The SQL that one GET of `consumer` for `commitment` ran."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(CONSUMERS[consumer].format(pk=commitment.pk))
    assert response.status_code == 200
    return [query["sql"] for query in queries.captured_queries]


def writes(sql: list[str]) -> list[str]:
    return [text for text in sql if text.lstrip().upper().startswith(WRITES) and CACHE_TABLE not in text]


@pytest.mark.parametrize("consumer", CONSUMERS)
def test_reading_a_commitment_never_refreshed_writes_no_row(client, consumer):
    commitment = commitment_with(kpis=3, readings=4)
    assert writes(statements(client, consumer, commitment)) == []
    assert not Scorecard.objects.exists() and not KPIProgress.objects.exists()


@pytest.mark.parametrize("consumer", CONSUMERS)
def test_reading_a_stale_scorecard_writes_no_row_and_leaves_it_to_the_daily_job(client, consumer):
    commitment = commitment_with(kpis=2, readings=3)
    services.refresh([commitment.pk], datetime.date(2025, 6, 1))
    Reading.objects.create(kpi=commitment.kpis.first(), date=datetime.date(2025, 6, 2), value=Decimal(900))
    assert writes(statements(client, consumer, commitment)) == []
    assert set(Scorecard.objects.values_list("computed_on", flat=True)) == {datetime.date(2025, 6, 1)}
    assert set(KPIProgress.objects.values_list("computed_on", flat=True)) == {datetime.date(2025, 6, 1)}


@pytest.mark.parametrize("refreshed", [True, False], ids=["stored figures", "never refreshed"])
@pytest.mark.parametrize("consumer", CONSUMERS)
def test_one_kpi_and_ten_kpis_with_many_readings_take_the_same_number_of_queries(client, consumer, refreshed):
    small, large = commitment_with(kpis=1, readings=1), commitment_with(kpis=10, readings=40)
    if refreshed:
        services.refresh([small.pk, large.pk])
    def reads(commitment):  # the rate limit's counter (in the cache table) differs between a first and a later hit
        return [sql for sql in statements(client, consumer, commitment) if CACHE_TABLE not in sql
                and "SAVEPOINT" not in sql.upper()]

    assert len(reads(large)) == len(reads(small))


def test_figures_computed_in_memory_are_the_ones_a_refresh_stores():
    commitment = commitment_with_progress()
    ProgressReport.objects.create(commitment=commitment, period_start=datetime.date(2025, 4, 1),
                                  period_end=datetime.date(2025, 6, 30), status="submitted",
                                  submitted_at=datetime.datetime(2025, 7, 20, tzinfo=datetime.UTC))
    unstored = public.api_record(public.read(commitment))
    services.refresh([commitment.pk])
    stored = public.api_record(public.read(Commitment.objects.select_related("scorecard").get(pk=commitment.pk)))
    assert Scorecard.objects.filter(commitment=commitment).exists()
    assert unstored == stored
    assert stored["scorecard"]["overall"] == "0.3150" and stored["scorecard"]["traffic_light"] == "red"
    assert [kpi["progress"]["state"] for kpi in stored["kpis"].values()] == [
        "at_risk", "regressing", "achieved", "no_data"]


def test_the_reader_takes_four_queries_when_the_scorecard_comes_with_the_commitment(django_assert_num_queries):
    commitment = commitment_with(kpis=4, readings=12)
    services.refresh([commitment.pk])
    found = Commitment.objects.select_related("scorecard").get(pk=commitment.pk)
    with django_assert_num_queries(4):  # KPIs with their progress, interim targets, readings, phase moves
        facts = public.read(found)
        assert facts.scorecard.traffic_light == "red"
    with django_assert_num_queries(1):  # the submitted reports, asked for
        assert len(facts.reports) == 1
