"""Derived figures from the database: KPI progress rows and scorecards, only from public readings."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from actionagenda.commitments.models import Commitment
from actionagenda.progress import services
from actionagenda.progress.models import KPIProgress, PhaseChange, ProgressReport, Reading, Scorecard
from tests.factories import CommitmentFactory, KPIFactory, UserFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 6, 1)


def published(**extra):
    return CommitmentFactory(published_at=datetime.datetime(2025, 2, 1, tzinfo=datetime.UTC), **extra)


def decreasing_kpi(commitment, **extra):
    return KPIFactory(commitment=commitment, baseline_value=Decimal(100), baseline_date=datetime.date(2024, 1, 1),
                      target_value=Decimal(40), target_date=datetime.date(2028, 1, 1), **extra)


def test_refresh_stores_each_kpis_fraction_and_state_and_the_weighted_overall():
    commitment = published()
    first = decreasing_kpi(commitment, weight=Decimal(3))
    second = decreasing_kpi(commitment, weight=Decimal(1))
    Reading.objects.create(kpi=first, date=datetime.date(2026, 5, 1), value=Decimal(70), source="api")
    Reading.objects.create(kpi=second, date=datetime.date(2026, 5, 1), value=Decimal(130), source="api")
    services.refresh([commitment.pk], TODAY)
    assert KPIProgress.objects.get(kpi=first).fraction == Decimal("0.5")
    assert KPIProgress.objects.get(kpi=second).state == "regressing"
    assert Scorecard.objects.get(commitment=commitment).overall == Decimal("0.25")  # (3 * 0.5 - 0.5) / 4


def test_readings_of_a_returned_report_leave_the_public_figures_and_a_correction_replaces_its_reading():
    commitment = published()
    kpi = decreasing_kpi(commitment)
    report = ProgressReport.objects.create(commitment=commitment, period_start=datetime.date(2026, 1, 1),
                                           period_end=datetime.date(2026, 3, 31), status="submitted",
                                           submitted_at=timezone.now())
    reading = Reading.objects.create(kpi=kpi, report=report, date=datetime.date(2026, 3, 31), value=Decimal(70))
    services.refresh([commitment.pk], TODAY)
    assert KPIProgress.objects.get(kpi=kpi).latest_value == Decimal(70)
    Reading.objects.create(kpi=kpi, report=report, date=datetime.date(2026, 3, 31), value=Decimal(85),
                           corrects=reading)
    services.refresh([commitment.pk], TODAY)
    assert KPIProgress.objects.get(kpi=kpi).latest_value == Decimal(85)
    assert Reading.objects.filter(kpi=kpi).count() == 2  # the first version is kept
    ProgressReport.objects.filter(pk=report.pk).update(status="returned")
    services.refresh([commitment.pk], TODAY)
    assert KPIProgress.objects.get(kpi=kpi).state == "no_data"


def test_a_draft_gets_no_scorecard_and_loses_it_when_withdrawn():
    draft = published(status=Commitment.Status.DRAFT)
    live = published()
    services.refresh([draft.pk, live.pk], TODAY)
    assert list(Scorecard.objects.values_list("commitment_id", flat=True)) == [live.pk]
    Commitment.objects.filter(pk=live.pk).update(status=Commitment.Status.WITHDRAWN)
    services.refresh([live.pk], TODAY)
    assert not Scorecard.objects.exists()


def test_a_submitted_report_turns_the_scorecard_green(django_assert_max_num_queries):
    commitments = [published() for _ in range(5)]
    for commitment in commitments:
        decreasing_kpi(commitment)
    ProgressReport.objects.create(commitment=commitments[0], period_start=datetime.date(2026, 1, 1),
                                  period_end=datetime.date(2026, 3, 31), status="submitted",
                                  submitted_at=timezone.now())
    with django_assert_max_num_queries(12):  # bounded whatever the number of commitments
        services.refresh([commitment.pk for commitment in commitments], TODAY)
    lights = dict(Scorecard.objects.values_list("commitment_id", "traffic_light"))
    assert lights[commitments[0].pk] == "green"
    assert lights[commitments[1].pk] == "red"


def test_record_phase_keeps_every_move_and_sets_the_present_phase():
    commitment = published(phase="planning")
    user = UserFactory()
    services.record_phase(commitment, "implementation", datetime.date(2026, 3, 1), user)
    services.record_phase(commitment, "development", datetime.date(2025, 9, 1), user)  # entered late, older
    assert commitment.phase == "implementation"
    assert list(PhaseChange.objects.values_list("phase", flat=True)) == ["development", "implementation"]


def test_a_completed_commitment_with_its_final_report_in_owes_nothing_more_on_its_scorecard(client):
    commitment = published()
    decreasing_kpi(commitment)
    ProgressReport.objects.create(commitment=commitment, period_start=datetime.date(2025, 1, 1),
                                  period_end=datetime.date(2025, 12, 31), status="submitted",
                                  submitted_at=timezone.now())
    services.refresh([commitment.pk], TODAY)
    running = Scorecard.objects.get(commitment=commitment)
    assert (running.traffic_light, running.next_report_due) == ("amber", datetime.date(2026, 4, 30))
    # Completed on 1 December 2025, in the last quarter its report covers: nothing is owed after it.
    services.record_phase(commitment, "evaluation", datetime.date(2025, 9, 1), UserFactory())
    services.record_phase(commitment, "completed", datetime.date(2025, 12, 1), UserFactory())
    services.refresh([commitment.pk], TODAY)
    done = Scorecard.objects.get(commitment=commitment)
    assert (done.traffic_light, done.inactive, done.next_report_due) == ("green", False, None)
