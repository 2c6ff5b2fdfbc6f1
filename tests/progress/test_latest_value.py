"""A KPI's latest value is its latest public reading (the commitment form's undated field is retired)."""

import datetime
from decimal import Decimal

import pytest

from actionagenda.progress import services
from actionagenda.progress.models import ProgressReport, Reading
from factories import CommitmentFactory, KPIFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def kpi():
    commitment = CommitmentFactory(kpi=False)
    return KPIFactory(commitment=commitment, name="Listeners reached", baseline_value=Decimal("0"),
                      target_value=Decimal("5000"))


def test_the_api_and_the_page_show_the_latest_public_reading(client, kpi):
    Reading.objects.create(kpi=kpi, date=datetime.date(2025, 3, 31), value=900, source=Reading.Source.CSV)
    Reading.objects.create(kpi=kpi, date=datetime.date(2025, 6, 30), value=1200, source=Reading.Source.CSV)
    draft = ProgressReport.objects.create(commitment=kpi.commitment, period_start=datetime.date(2025, 7, 1),
                                          period_end=datetime.date(2025, 9, 30))
    Reading.objects.create(kpi=kpi, date=datetime.date(2025, 9, 30), value=4000, report=draft)
    services.refresh([kpi.commitment_id])
    item = client.get(f"/api/v1/commitments/{kpi.commitment_id}").json()
    assert item["kpis"][0]["current"] == "1200.0000"
    page = client.get(kpi.commitment.get_absolute_url()).content.decode()
    assert "1200" in page and "4000" not in page


def test_without_readings_the_latest_value_is_null(client, kpi):
    services.refresh([kpi.commitment_id])
    assert client.get(f"/api/v1/commitments/{kpi.commitment_id}").json()["kpis"][0]["current"] is None
