"""The public report page, its evidence downloads, the secretariat's comment and return, and the list of reports
on the commitment page."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from actionagenda.progress import reports
from actionagenda.progress.models import EvidenceFile, ProgressReport, ReportDecision
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


def test_the_secretariat_returns_a_report_with_a_comment_and_it_leaves_the_public_page(client, secretariat, report):
    client.force_login(secretariat)
    page = client.get(page_url(report)).content.decode()
    assert "Return for changes" in page
    refused = client.post(decide_url(report), {"action": "return", "comment": ""})
    assert refused.status_code == 400 and "Say what the authors should change" in refused.content.decode()
    client.post(decide_url(report), {"action": "return", "comment": "Please date the survey."})
    report.refresh_from_db()
    assert report.status == "returned"
    assert "Please date the survey." in client.get(page_url(report)).content.decode()
    client.logout()
    assert client.get(page_url(report)).status_code == 404


def test_the_secretariat_comments_and_the_report_stays_public(client, secretariat, report):
    client.force_login(secretariat)
    client.post(decide_url(report), {"action": "comment", "comment": "Good evidence."})
    report.refresh_from_db()
    assert report.status == "submitted"
    assert ReportDecision.objects.filter(report=report, action="comment", comment="Good evidence.").exists()


def test_deciding_asks_anonymous_visitors_to_sign_in(client, report):
    response = client.post(decide_url(report), {"action": "return", "comment": "x"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_an_author_cannot_decide_on_a_report(client, author, report):
    client.force_login(author)
    assert client.post(decide_url(report), {"action": "return", "comment": "Returning my own."}).status_code == 403
    report.refresh_from_db()
    assert report.status == "submitted"


def test_another_author_gets_404_for_a_draft_report_and_its_decision_form(client, author, commitment):
    draft = reports.save(commitment, author, ReportInput(period_start="2026-04-01", period_end="2026-06-30"))
    client.force_login(UserFactory())
    assert client.get(page_url(draft)).status_code == 404
    assert client.post(decide_url(draft), {"action": "comment", "comment": "x"}).status_code == 404
    assert client.get(reverse("progress:edit_report", kwargs={"pk": commitment.pk, "report": draft.pk})
                      ).status_code == 404


def test_evidence_files_are_downloads_and_only_for_readers_of_the_report(client, author, commitment, report):
    evidence = EvidenceFile(report=report, title="Survey results")
    evidence.file.save("survey.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
    file_url = reverse("progress:evidence_file", kwargs={"pk": commitment.pk, "report": report.pk,
                                                         "file": evidence.pk})
    assert file_url in client.get(page_url(report)).content.decode()
    response = client.get(file_url)
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Type"] == "application/pdf" and response["X-Content-Type-Options"] == "nosniff"
    ProgressReport.objects.filter(pk=report.pk).update(status="returned")
    assert client.get(file_url).status_code == 404
