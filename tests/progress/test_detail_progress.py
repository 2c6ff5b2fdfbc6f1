"""The progress part of the commitment page: scorecard, KPI states, reporting light, charts, phase timeline."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from actionagenda.progress import services
from actionagenda.progress.models import ProgressReport, Scorecard
from factories import KPIFactory

from .chart_data import commitment_with_progress, reading

pytestmark = pytest.mark.django_db


@pytest.fixture
def commitment():
    return commitment_with_progress()


def page_of(client, commitment, language="en"):
    response = client.get(f"/{language}/commitments/{commitment.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_it_shows_each_kpis_state_and_progress_in_words(client, commitment):
    page = page_of(client, commitment)
    assert '<span class="state state-at_risk">At risk</span>' in page
    assert "Regression: −50 % (further from the target than the baseline)" in page
    assert "Target exceeded: 117 % of the way (shown as 100 %)" in page and "Latest: 30 (1 May 2026)" in page
    assert '<span class="state state-no_data">No data</span>' in page
    assert page.count('role="img"') == 4 * 2 + 1  # a bar and a readings chart per KPI, and the phases


def test_it_shows_the_scorecard_computed_on_the_fly_before_any_refresh(client, commitment):
    page = page_of(client, commitment)
    assert not Scorecard.objects.exists()  # reading a page never writes the figures
    assert "Overall progress" in page and '<dd class="overall">32 %</dd>' in page  # (2 x .38 - .5 + 1) / 4
    assert '<span class="light light-red" aria-hidden="true"></span> Two or more reports overdue' in page
    assert "Report overdue since" in page and "Inactive" not in page


def test_the_stored_scorecard_is_what_the_page_shows_and_inactive_is_marked_publicly(client, commitment):
    services.refresh([commitment.pk])
    Scorecard.objects.filter(commitment=commitment).update(inactive=True, traffic_light="amber")
    page = page_of(client, commitment)
    assert "Inactive: no progress report for two years." in page
    assert "One report overdue" in page and "Two or more reports overdue" not in page


def test_a_report_for_the_last_period_turns_the_light_green_and_names_the_next_due_date(client, commitment):
    today = timezone.localdate()
    for start in range(2025, today.year + 1):
        ProgressReport.objects.create(commitment=commitment, period_start=datetime.date(start, 1, 1),
                                      period_end=today, status="submitted", submitted_at=timezone.now())
    page = page_of(client, commitment)
    assert "Reported for the last period due" in page and "Next report due" in page
    assert "Report overdue since" not in page


def test_labels_are_translated(client, commitment):
    page = page_of(client, commitment, "fr")
    assert "Deux rapports en retard ou plus" in page and "En recul" in page and "Pas de données" in page
    assert "Tableau de bord" in page and "Chronologie des phases" in page


def test_the_phase_timeline_without_moves_is_the_present_phase_since_publication(client):
    commitment = commitment_with_progress()
    commitment.phase_changes.all().delete()
    page = page_of(client, commitment)
    assert "Implementation since 1 February 2025." in page


def test_a_draft_shows_its_authors_the_kpis_but_no_scorecard_nor_card(client, commitment, author):
    commitment.status = "draft"
    commitment.save()
    commitment.actor.members.add(author)
    client.force_login(author)
    page = page_of(client, commitment)
    assert "At risk" in page and "Scorecard" not in page
    assert "og:image" not in page and "card.png" not in page


def test_the_page_needs_as_many_queries_whatever_the_number_of_kpis_and_readings(client, commitment,
                                                                                  django_assert_max_num_queries):
    with CaptureQueriesContext(connection) as few:
        page_of(client, commitment)
    for number in range(6):
        kpi = KPIFactory(commitment=commitment, name=f"Extra {number}")
        for month in range(1, 7):
            reading(kpi, datetime.date(2026, month, 1), Decimal(month * 100))
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = page_of(client, commitment)
    assert "Extra 5" in page
