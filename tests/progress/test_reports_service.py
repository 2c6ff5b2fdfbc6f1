"""progress.reports: drafts, submission, corrections as new versions, the secretariat's comment and return, and
the per-field refusals the form and the API share."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from actionagenda import ratelimits
from actionagenda.progress import reports
from actionagenda.progress.models import KPIProgress, ProgressReport, Reading, ReportDecision, Scorecard
from actionagenda.progress.reports import ReadingInput, ReportInput
from tests.factories import ActorFactory, CommitmentFactory, KPIFactory, UserFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 6, 1)
Q1 = {"period_start": "2026-01-01", "period_end": "2026-03-31"}


@pytest.fixture
def commitment(author):
    return CommitmentFactory(actor=ActorFactory(members=[author]), kpi=False,
                             published_at=datetime.datetime(2025, 2, 1, tzinfo=datetime.UTC))


@pytest.fixture
def kpi(commitment):
    return KPIFactory(commitment=commitment, baseline_value=Decimal(100), baseline_date=datetime.date(2024, 1, 1),
                      target_value=Decimal(40), target_date=datetime.date(2028, 1, 1))


def data(*readings, **fields):
    return ReportInput(**{"narrative": "Two workshops held.", **Q1, **fields}, readings=list(readings))


def errors_of(call) -> dict:
    with pytest.raises(ValidationError) as raised:
        call()
    return raised.value.message_dict


def test_a_submitted_report_is_public_and_its_reading_enters_the_figures(django_capture_on_commit_callbacks,
                                                                         author, commitment, kpi):
    with django_capture_on_commit_callbacks(execute=True):
        report = reports.save(commitment, author, data(ReadingInput(kpi.pk, "70")), submit=True, today=TODAY)
    assert report.is_public and report.submitted_at
    assert list(report.decisions.values_list("action", flat=True)) == ["submit"]
    reading = Reading.objects.get()
    assert (reading.value, reading.date, reading.created_by) == (Decimal(70), datetime.date(2026, 3, 31), author)
    assert KPIProgress.objects.get(kpi=kpi).fraction == Decimal("0.5")
    assert Scorecard.objects.get(commitment=commitment).last_report_on is not None


def test_a_draft_saves_with_incomplete_data_and_stays_out_of_the_figures(author, commitment, kpi):
    report = reports.save(commitment, author, data(ReadingInput(kpi.pk, "70"), narrative=""), today=TODAY)
    assert report.status == ProgressReport.Status.DRAFT
    assert Reading.objects.public().count() == 0
    assert "narrative" in errors_of(lambda: reports.save(commitment, author, data(narrative=""), report=report,
                                                         submit=True, today=TODAY))


def test_each_bad_field_is_named(author, commitment, kpi):
    other_kpi = KPIFactory(commitment=CommitmentFactory())
    errors = errors_of(lambda: reports.save(commitment, author, data(
        ReadingInput(other_kpi.pk, "5"), ReadingInput(kpi.pk, "seventy"),
        period_start="2026-03-31", period_end="2026-01-01"), today=TODAY))
    assert set(errors) == {"readings.0.kpi", "readings.1.value", "period_end"}
    errors = errors_of(lambda: reports.save(commitment, author, data(ReadingInput(kpi.pk, "70", "2026-04-02")),
                                            today=TODAY))
    assert "within the report's period" in errors["readings.0.date"][0]
    assert not ProgressReport.objects.exists()


def test_a_reading_cannot_be_dated_in_the_future_or_given_twice(author, commitment, kpi):
    errors = errors_of(lambda: reports.save(commitment, author, data(
        ReadingInput(kpi.pk, "70"), ReadingInput(kpi.pk, "71"), period_start="2026-04-01",
        period_end="2026-06-30"), today=datetime.date(2026, 6, 1)))
    assert errors["readings.0.date"] == ["A reading cannot be dated in the future."]
    assert errors["readings.1.kpi"] == ["A report holds one reading per KPI."]


def test_a_quarterly_note_refuses_the_fields_of_a_full_report(author, commitment, kpi):
    errors = errors_of(lambda: reports.save(commitment, author, data(kind="note", challenges="Rain."),
                                            today=TODAY))
    assert list(errors) == ["challenges"]
    note = reports.save(commitment, author, data(ReadingInput(kpi.pk, "70"), kind="note"), submit=True,
                        today=TODAY)
    assert note.kind == "note" and note.is_public


def test_editing_a_draft_changes_its_reading_in_place(author, commitment, kpi):
    report = reports.save(commitment, author, data(ReadingInput(kpi.pk, "70")), today=TODAY)
    reports.save(commitment, author, data(ReadingInput(kpi.pk, "72")), report=report, today=TODAY)
    assert list(Reading.objects.values_list("value", flat=True)) == [Decimal(72)]


def test_correcting_a_submitted_report_keeps_the_old_reading_as_a_version(author, commitment, kpi):
    report = reports.save(commitment, author, data(ReadingInput(kpi.pk, "70")), submit=True, today=TODAY)
    first = Reading.objects.get()
    reports.save(commitment, author, data(ReadingInput(kpi.pk, "85", note="recounted")), report=report,
                 today=TODAY)
    report.refresh_from_db()
    assert report.is_public
    latest = Reading.objects.public().get()
    assert (latest.value, latest.corrects) == (Decimal(85), first)
    assert Reading.objects.get(pk=first.pk).value == Decimal(70)  # never overwritten
    assert list(report.decisions.values_list("action", flat=True)) == ["correct", "submit"]
    errors = errors_of(lambda: reports.save(commitment, author, data(ReadingInput(kpi.pk, "")), report=report,
                                            today=TODAY))
    assert errors == {"readings.0.value": ["A reading that was public can be corrected, not removed."]}


def test_a_returned_report_leaves_the_figures_until_resubmitted_and_the_authors_hear_why(
        django_capture_on_commit_callbacks, mailoutbox, author, secretariat, commitment, kpi):
    with django_capture_on_commit_callbacks(execute=True):
        report = reports.save(commitment, author, data(ReadingInput(kpi.pk, "70")), submit=True, today=TODAY)
    with django_capture_on_commit_callbacks(execute=True):
        reports.decide(report, "return", secretariat, "The date of the count is missing.")
    assert report.status == "returned"
    assert KPIProgress.objects.get(kpi=kpi).state == "no_data"
    assert [message.to for message in mailoutbox] == [[author.email]]
    assert "The date of the count is missing." in mailoutbox[0].body
    assert f"/en/commitments/{commitment.pk}/reports/{report.pk}/edit/" in mailoutbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        reports.save(commitment, author, data(ReadingInput(kpi.pk, "75", note="counted on 31 March")),
                     report=report, submit=True, today=TODAY)
    assert KPIProgress.objects.get(kpi=kpi).latest_value == Decimal(75)
    assert Reading.objects.count() == 2


def test_the_notice_is_in_each_members_language(django_capture_on_commit_callbacks, mailoutbox, author,
                                                secretariat, commitment, kpi):
    francophone = UserFactory(language="fr")
    commitment.actor.members.add(francophone)
    report = reports.save(commitment, author, data(), submit=True, today=TODAY)
    with django_capture_on_commit_callbacks(execute=True):
        reports.decide(report, "comment", secretariat, "Merci pour ce rapport.")
    french = next(message for message in mailoutbox if message.to == [francophone.email])
    assert french.body.startswith("Le secrétariat a lu votre rapport") and "/fr/commitments/" in french.body
    assert report.status == "submitted"


def test_a_return_needs_a_comment_and_only_the_secretariat_decides(author, secretariat, commitment, kpi):
    report = reports.save(commitment, author, data(), submit=True, today=TODAY)
    assert "comment" in errors_of(lambda: reports.decide(report, "return", secretariat, "  "))
    with pytest.raises(PermissionDenied):
        reports.decide(report, "return", author, "I return my own report.")
    assert not ReportDecision.objects.filter(action="return").exists()


def test_only_the_actors_members_report_and_only_on_a_published_commitment(author, secretariat, commitment):
    with pytest.raises(PermissionDenied):
        reports.save(commitment, UserFactory(), data(), today=TODAY)
    with pytest.raises(PermissionDenied):
        reports.save(commitment, secretariat, data(), today=TODAY)
    draft = CommitmentFactory(actor=commitment.actor, status="draft", published_at=None)
    with pytest.raises(PermissionDenied):
        reports.save(draft, author, data(), today=TODAY)
    assert not ProgressReport.objects.exists()


def test_submissions_are_rate_limited_and_a_refused_one_is_not_stored(settings, author, commitment):
    settings.ACTIONAGENDA_RATE_LIMITS = {**settings.ACTIONAGENDA_RATE_LIMITS, "progress_report_submit": "1/3600"}
    reports.save(commitment, author, data(), submit=True, today=TODAY)
    with pytest.raises(ratelimits.RateLimited):
        reports.save(commitment, author, data(period_start="2025-10-01", period_end="2025-12-31"), submit=True,
                     today=TODAY)
    assert ProgressReport.objects.count() == 1
    reports.save(commitment, author, data(period_start="2025-10-01", period_end="2025-12-31"), today=TODAY)
    assert ProgressReport.objects.count() == 2  # drafts are not counted


def test_evidence_files_are_checked_and_links_replace_the_previous_ones(author, commitment):
    fake = SimpleUploadedFile("minutes.pdf", b"<html>not a pdf</html>")
    errors = errors_of(lambda: reports.save(commitment, author, data(files=[fake]), today=TODAY))
    assert list(errors) == ["files.0"]
    pdf = SimpleUploadedFile("minutes.pdf", b"%PDF-1.4\n%%EOF\n")
    report = reports.save(commitment, author, data(files=[pdf], links=[("https://example.org/a", "Photos")]),
                          today=TODAY)
    assert report.evidence_files.get().file.name.endswith(".pdf")
    reports.save(commitment, author, data(links=[("https://example.org/b", "")]), report=report, today=TODAY)
    assert list(report.evidence_links.values_list("url", flat=True)) == ["https://example.org/b"]
    assert "links.0" in errors_of(lambda: reports.save(commitment, author, data(links=[("javascript:alert(1)", "")]),
                                                       report=report, today=TODAY))


def test_the_default_period_is_the_oldest_one_due_and_not_reported(author, commitment):
    # Published in February 2025, quarterly: on 2026-06-01 the first quarter of 2025 is the oldest due.
    assert reports.default_period(commitment, TODAY).start == datetime.date(2025, 1, 1)
    reports.save(commitment, author, data(period_start="2025-01-01", period_end="2026-03-31"), submit=True,
                 today=TODAY)
    period = reports.default_period(commitment, TODAY)
    assert (period.start, period.end) == (datetime.date(2026, 4, 1), datetime.date(2026, 6, 30))


def test_a_removed_file_leaves_the_storage_once_the_save_is_committed(django_capture_on_commit_callbacks, author,
                                                                    commitment):
    pdf = SimpleUploadedFile("minutes.pdf", b"%PDF-1.4\n%%EOF\n")
    report = reports.save(commitment, author, data(files=[pdf]), today=TODAY)
    stored = report.evidence_files.get()
    storage, name = stored.file.storage, stored.file.name
    with django_capture_on_commit_callbacks(execute=True):
        reports.save(commitment, author, data(remove_files=[stored.pk]), report=report, today=TODAY)
    assert not report.evidence_files.exists() and not storage.exists(name)
