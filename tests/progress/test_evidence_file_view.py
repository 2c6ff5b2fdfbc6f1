"""Evidence files of a report: served as downloads, only to those who may read the report."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from actionagenda.progress import reports
from actionagenda.progress.models import EvidenceFile, ProgressReport
from actionagenda.progress.reports import ReadingInput, ReportInput
from tests.factories import ActorFactory, CommitmentFactory

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
