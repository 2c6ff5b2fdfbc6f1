"""The public report page (self-reported, sanitised) and the list of reports on the commitment page."""

import datetime

import pytest
from django.urls import reverse

from actionagenda.progress import reports
from actionagenda.progress.reports import ReadingInput, ReportInput
from tests.factories import ActorFactory, CommitmentFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def commitment(author):
    return CommitmentFactory(actor=ActorFactory(members=[author]),
                             published_at=datetime.datetime(2025, 2, 1, tzinfo=datetime.UTC))


@pytest.fixture
def report(author, commitment):
    kpi = commitment.kpis.get()
    return reports.save(commitment, author, ReportInput(
        period_start="2026-01-01", period_end="2026-03-31", narrative="Radio shows <script>alert(1)</script> aired.",
        challenges="Power cuts.", readings=[ReadingInput(kpi.pk, "1500", note="listener survey")]), submit=True)


def page_url(report):
    return reverse("progress:report", kwargs={"pk": report.commitment_id, "report": report.pk})


def decide_url(report):
    return reverse("progress:decide", kwargs={"pk": report.commitment_id, "report": report.pk})


def test_the_public_reads_a_submitted_report_marked_self_reported_and_sanitised(client, report):
    page = client.get(page_url(report)).content.decode()
    assert "Self-reported" in page and "1500 people" in page and "listener survey" in page
    assert "Power cuts." in page
    assert "<script>alert(1)" not in page and "&lt;script&gt;" in page
    assert "The secretariat&#x27;s decision" not in page and "History of this report" not in page


def test_the_commitment_page_lists_public_reports_and_offers_reporting_to_its_authors(client, author, commitment,
                                                                                    report):
    draft = reports.save(commitment, author, ReportInput(period_start="2026-04-01", period_end="2026-06-30"))
    public = client.get(commitment.get_absolute_url()).content.decode()
    assert page_url(report) in public and page_url(draft) not in public and "Report progress" not in public
    client.force_login(author)
    mine = client.get(commitment.get_absolute_url()).content.decode()
    assert page_url(draft) in mine and "Report progress" in mine and "Move to a new phase" in mine


def test_a_draft_report_is_not_found_by_the_public_or_another_author(client, author, commitment):
    draft = reports.save(commitment, author, ReportInput(period_start="2026-04-01", period_end="2026-06-30",
                                                         narrative="Not ready."))
    assert client.get(page_url(draft)).status_code == 404
    client.force_login(UserFactory())
    assert client.get(page_url(draft)).status_code == 404
    client.force_login(author)
    page = client.get(page_url(draft)).content.decode()
    assert "Not public: this report is Draft." in page and "Not ready." in page


def test_the_list_of_reports_costs_one_query_whatever_their_number(client, author, commitment, report,
                                                                   django_assert_max_num_queries):
    for year in (2022, 2023, 2024):
        reports.save(commitment, author, ReportInput(period_start=f"{year}-01-01", period_end=f"{year}-12-31",
                                                     narrative="A year of radio."), submit=True)
    with django_assert_max_num_queries(14):  # the commitment page's bound (tests/commitments/test_detail_view.py)
        page = client.get(commitment.get_absolute_url()).content.decode()
    assert page.count("Self-reported") == 4
