"""The "Report progress" page: filing a report with readings, drafts that survive errors, and who may use it."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from actionagenda.progress.models import ProgressReport, Reading
from tests.factories import ActorFactory, CommitmentFactory, KPIFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def commitment(author):
    commitment = CommitmentFactory(actor=ActorFactory(members=[author]), kpi=False, reporting_cadence="yearly",
                                   published_at=datetime.datetime(2025, 2, 1, tzinfo=datetime.UTC))
    KPIFactory(commitment=commitment, name="Farmers trained", unit="people")
    return commitment


def url(commitment):
    return reverse("progress:new_report", kwargs={"pk": commitment.pk})


def post_data(commitment, **extra):
    kpi = commitment.kpis.get()
    return {"kind": "report", "period_start": "2025-01-01", "period_end": "2025-12-31", "phase": "implementation",
            "narrative": "We trained **farmers** in three districts.", "challenges": "", "support_needed": "",
            f"kpi-{kpi.pk}-value": "120", f"kpi-{kpi.pk}-date": "", f"kpi-{kpi.pk}-note": "attendance sheets",
            "links": "https://example.org/photos Photos of the sessions", "action": "submit", **extra}


def test_it_offers_the_oldest_period_due_and_a_row_per_kpi(client, author, commitment):
    client.force_login(author)
    page = client.get(url(commitment)).content.decode()
    # Published in February 2025, yearly: the report for 2025 is the oldest one due.
    assert 'name="period_start" value="2025-01-01"' in page and 'name="period_end" value="2025-12-31"' in page
    assert "Farmers trained" in page and "Value (people)" in page


def test_it_submits_a_public_self_reported_report_with_its_reading(client, author, commitment):
    client.force_login(author)
    response = client.post(url(commitment), post_data(commitment))
    report = ProgressReport.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "progress:report", kwargs={"pk": commitment.pk, "report": report.pk})
    reading = Reading.objects.public().get()
    assert (reading.value, reading.date, reading.note) == (Decimal(120), datetime.date(2025, 12, 31),
                                                           "attendance sheets")
    assert report.evidence_links.get().title == "Photos of the sessions"


def test_a_refused_submission_keeps_everything_typed(client, author, commitment):
    client.force_login(author)
    kpi = commitment.kpis.get()
    response = client.post(url(commitment), post_data(commitment, **{f"kpi-{kpi.pk}-value": "12O",
                                                                     "narrative": "Typed with care."}))
    page = response.content.decode()
    assert response.status_code == 400
    assert "Enter a number" in page
    assert 'value="12O"' in page and "Typed with care." in page and "attendance sheets" in page
    assert not ProgressReport.objects.exists()


def test_a_draft_saves_without_a_narrative_and_is_not_public(client, author, commitment):
    client.force_login(author)
    response = client.post(url(commitment), post_data(commitment, narrative="", action="draft"))
    report = ProgressReport.objects.get()
    assert response["Location"] == reverse("progress:edit_report", kwargs={"pk": commitment.pk, "report": report.pk})
    assert report.status == "draft"
    assert client.get(reverse("progress:report", kwargs={"pk": commitment.pk, "report": report.pk})).status_code == 200
    client.logout()
    assert client.get(reverse("progress:report", kwargs={"pk": commitment.pk, "report": report.pk})).status_code == 404


def test_a_file_of_the_wrong_type_is_refused_on_its_field(client, author, commitment):
    client.force_login(author)
    upload = SimpleUploadedFile("results.pdf", b"MZ not a pdf at all")
    response = client.post(url(commitment), {**post_data(commitment), "files": [upload]})
    assert response.status_code == 400
    assert "The content of this file is not PDF" in response.content.decode()


def test_it_asks_anonymous_visitors_to_sign_in(client, commitment):
    response = client.get(url(commitment))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_it_answers_404_to_another_author(client, commitment):
    other = UserFactory()
    CommitmentFactory(actor=ActorFactory(members=[other]))
    client.force_login(other)
    assert client.get(url(commitment)).status_code == 404
    assert client.post(url(commitment), post_data(commitment)).status_code == 404
    assert not ProgressReport.objects.exists()


def test_the_secretariat_cannot_file_a_report_for_the_actor(client, secretariat, commitment):
    client.force_login(secretariat)
    assert client.post(url(commitment), post_data(commitment)).status_code == 403
    assert not ProgressReport.objects.exists()


def test_an_unpublished_commitment_takes_no_report(client, author):
    draft = CommitmentFactory(actor=ActorFactory(members=[author]), status="draft", published_at=None)
    client.force_login(author)
    assert client.get(url(draft)).status_code == 403


def test_editing_a_submitted_report_publishes_a_correction(client, author, commitment):
    client.force_login(author)
    client.post(url(commitment), post_data(commitment))
    report = ProgressReport.objects.get()
    kpi = commitment.kpis.get()
    edit = reverse("progress:edit_report", kwargs={"pk": commitment.pk, "report": report.pk})
    form = client.get(edit).content.decode()
    assert 'value="120"' in form and "Save corrections" in form
    token = form.split('name="loaded_version" value="')[1].split('"')[0]
    client.post(edit, post_data(commitment, **{f"kpi-{kpi.pk}-value": "125", "action": "draft",
                                               "loaded_version": token}))
    assert list(Reading.objects.order_by("pk").values_list("value", flat=True)) == [Decimal(120), Decimal(125)]
    page = client.get(reverse("progress:report", kwargs={"pk": commitment.pk, "report": report.pk})).content.decode()
    assert "125" in page and "(was 120)" in page


def test_submissions_are_rate_limited(client, settings, author, commitment):
    settings.ACTIONAGENDA_RATE_LIMITS = {**settings.ACTIONAGENDA_RATE_LIMITS, "progress_report_submit": "1/3600"}
    client.force_login(author)
    client.post(url(commitment), post_data(commitment))
    response = client.post(url(commitment), post_data(commitment, period_start="2026-01-01",
                                                      period_end="2026-03-31", **{"links": ""}))
    assert response.status_code == 429 and response["Retry-After"]
    assert ProgressReport.objects.count() == 1


def test_the_edit_page_asks_anonymous_visitors_to_sign_in_and_refuses_the_secretariat(client, author, secretariat,
                                                                                     commitment):
    client.force_login(author)
    client.post(url(commitment), post_data(commitment, action="draft"))
    edit = reverse("progress:edit_report", kwargs={"pk": commitment.pk, "report": ProgressReport.objects.get().pk})
    client.logout()
    response = client.get(edit)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(secretariat)
    assert client.post(edit, post_data(commitment)).status_code == 403
    assert ProgressReport.objects.get().status == "draft"


def test_a_stale_edit_is_refused_with_the_input_kept(client, author, commitment):
    from actionagenda.progress import reports

    client.force_login(author)
    client.post(url(commitment), post_data(commitment, action="draft"))
    report = ProgressReport.objects.get()
    edit = reverse("progress:edit_report", kwargs={"pk": commitment.pk, "report": report.pk})
    token = client.get(edit).content.decode().split('name="loaded_version" value="')[1].split('"')[0]
    reports.save(commitment, author, reports.ReportInput(period_start="2025-01-01", period_end="2025-12-31",
                                                         narrative="Saved in another tab."), report=report)
    response = client.post(edit, post_data(commitment, narrative="Typed in this tab.", action="draft",
                                           loaded_version=token))
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else saved this" in page and "Typed in this tab." in page
    report.refresh_from_db()
    assert report.narrative == "Saved in another tab."
