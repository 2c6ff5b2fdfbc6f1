"""The daily work: the worker's periodic job recomputes scorecards as the calendar moves; the demo has them."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from actionagenda import periodic
from actionagenda.commitments.models import Commitment
from actionagenda.progress.models import KPIProgress, Scorecard
from tests.factories import CommitmentFactory

pytestmark = pytest.mark.django_db


def test_the_daily_job_turns_a_stale_green_scorecard_red_and_marks_the_commitment_inactive():
    commitment = CommitmentFactory(published_at=timezone.now() - datetime.timedelta(days=3 * 365),
                                   start_date=datetime.date(2020, 1, 1))
    Scorecard.objects.create(commitment=commitment, traffic_light="green", inactive=False,
                             computed_on=datetime.date(2023, 1, 1))
    assert "actionagenda.progress.tasks.refresh_progress" in periodic.run_due()
    card = Scorecard.objects.get(commitment=commitment)
    assert (card.traffic_light, card.inactive, card.computed_on) == ("red", True, timezone.localdate())


def test_the_daily_job_runs_once_a_day_and_leaves_the_same_figures_when_run_again():
    commitment = CommitmentFactory(published_at=timezone.now() - datetime.timedelta(days=200))
    now = 1_800_000_000.0
    assert "actionagenda.progress.tasks.refresh_progress" in periodic.run_due(now)
    first = list(Scorecard.objects.values_list("commitment_id", "traffic_light", "inactive", "next_report_due"))
    assert "actionagenda.progress.tasks.refresh_progress" not in periodic.run_due(now + 3600)
    from actionagenda.progress import tasks

    tasks.refresh_progress.call()
    assert list(Scorecard.objects.values_list("commitment_id", "traffic_light", "inactive",
                                              "next_report_due")) == first
    assert first[0][0] == commitment.pk


def test_seed_demo_leaves_every_published_demo_commitment_with_a_scorecard_and_kpi_states():
    call_command("seed_demo", commitments=60)
    published = set(Commitment.objects.published().values_list("pk", flat=True))
    assert published and set(Scorecard.objects.values_list("commitment_id", flat=True)) == published
    states = set(KPIProgress.objects.values_list("state", flat=True))
    assert {"no_data", "regressing"} <= states and len(states) >= 4  # the demo shows the cases, not only one
    assert set(Scorecard.objects.values_list("traffic_light", flat=True)) == {"green", "amber", "red"}


def test_a_day_without_change_only_moves_computed_on_and_a_new_reading_is_written_the_next_day():
    from decimal import Decimal

    from actionagenda.progress import services
    from actionagenda.progress.models import Reading

    commitment = CommitmentFactory(published_at=datetime.datetime(2026, 2, 1, tzinfo=datetime.UTC))
    kpi = commitment.kpis.get()
    services.refresh([commitment.pk], datetime.date(2026, 3, 1))
    services.refresh([commitment.pk], datetime.date(2026, 3, 2))
    assert KPIProgress.objects.get(kpi=kpi).computed_on == datetime.date(2026, 3, 2)
    assert Scorecard.objects.get(commitment=commitment).computed_on == datetime.date(2026, 3, 2)
    Reading.objects.create(kpi=kpi, date=datetime.date(2026, 3, 2), value=Decimal(2500), source="api")
    services.refresh([commitment.pk], datetime.date(2026, 3, 3))
    progress = KPIProgress.objects.get(kpi=kpi)
    assert (progress.latest_value, progress.computed_on) == (Decimal(2500), datetime.date(2026, 3, 3))
