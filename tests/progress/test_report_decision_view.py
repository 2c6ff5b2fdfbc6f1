"""The secretariat's comment on or return of a report, from the report page, and who may decide."""

import datetime

import pytest
from django.urls import reverse

from actionagenda.progress import reports
from actionagenda.progress.models import ReportDecision
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
