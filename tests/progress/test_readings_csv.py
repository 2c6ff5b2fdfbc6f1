"""Readings as CSV: the download, the upload in the same format, all or nothing, corrections as new versions."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from actionagenda.progress.models import KPIProgress, ProgressReport, Reading
from factories import ActorFactory, CommitmentFactory, KPIFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def commitment(author):
    commitment = CommitmentFactory(actor=ActorFactory(members=[author]), created_by=author, kpi=False)
    KPIFactory(commitment=commitment, name="Listeners reached", unit="people", position=0)
    KPIFactory(commitment=commitment, name="Schools visited", unit="schools", position=1,
               target_value=Decimal("40"))
    return commitment


@pytest.fixture
def signed_in(client, author):
    client.force_login(author)
    return client


def kpis(commitment):
    return list(commitment.kpis.order_by("position"))


def upload(client, commitment, text, name="readings.csv"):
    return client.post(reverse("progress:readings", kwargs={"pk": commitment.pk}),
                       {"file": SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")})


def download(client, commitment):
    return client.get(reverse("progress:readings_csv", kwargs={"pk": commitment.pk}))


def test_the_download_lists_current_readings_with_formulas_neutralised(signed_in, commitment):
    listeners, schools = kpis(commitment)
    old = Reading.objects.create(kpi=listeners, date=datetime.date(2025, 3, 31), value=900)
    Reading.objects.create(kpi=listeners, date=datetime.date(2025, 3, 31), value=950, corrects=old)
    Reading.objects.create(kpi=schools, date=datetime.date(2025, 6, 30), value=Decimal("12.5"),
                           note="=HYPERLINK(\"http://evil\")")
    response = download(signed_in, commitment)
    assert response["Content-Type"].startswith("text/csv") and "attachment" in response["Content-Disposition"]
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == '"kpi_id","kpi","unit","date","value","note","evidence_url"'
    assert lines[1] == f'"{listeners.pk}","Listeners reached","people","2025-03-31","950","",""'
    assert lines[2].startswith(f'"{schools.pk}","Schools visited","schools","2025-06-30","12.5","\'=HYPERLINK')
    assert len(lines) == 3


def test_an_upload_imports_new_readings_and_reports_them(signed_in, commitment, django_capture_on_commit_callbacks):
    listeners, schools = kpis(commitment)
    text = ("kpi_id,kpi,unit,date,value,note,evidence_url\n"
            f"{listeners.pk},Listeners reached,people,2025-03-31,900,First quarter,https://example.org/q1\n"
            f"{schools.pk},,,2025-06-30,\"12,5\",,\n")
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(signed_in, commitment, text)
    assert response.status_code == 200
    page = response.content.decode()
    assert "2 new readings" in page and "0 corrections" in page
    assert [(r.kpi_id, r.value, r.source, r.created_by_id) for r in Reading.objects.order_by("kpi__position")] == [
        (listeners.pk, Decimal("900"), "csv", commitment.created_by_id),
        (schools.pk, Decimal("12.5"), "csv", commitment.created_by_id)]
    assert KPIProgress.objects.get(kpi=listeners).latest_value == Decimal("900")  # scorecards refreshed


def test_the_downloaded_file_uploads_again_unchanged(signed_in, commitment):
    listeners, _schools = kpis(commitment)
    Reading.objects.create(kpi=listeners, date=datetime.date(2025, 3, 31), value=900, note="-5 % vs plan")
    response = upload(signed_in, commitment, download(signed_in, commitment).content.decode("utf-8-sig"))
    assert "1 row unchanged" in response.content.decode()
    assert Reading.objects.count() == 1


def test_a_correction_is_a_new_version_never_an_overwrite(signed_in, commitment):
    listeners, _schools = kpis(commitment)
    old = Reading.objects.create(kpi=listeners, date=datetime.date(2025, 3, 31), value=900)
    response = upload(signed_in, commitment, f"kpi_id,date,value\n{listeners.pk},2025-03-31,950\n")
    assert "1 correction" in response.content.decode()
    old.refresh_from_db()
    assert old.value == Decimal("900")
    new = Reading.objects.current().get(kpi=listeners)
    assert (new.value, new.corrects_id) == (Decimal("950"), old.pk)
    assert Reading.objects.count() == 2


def test_a_correction_of_a_draft_reports_reading_stays_out_of_the_public_figures(signed_in, commitment):
    listeners, _schools = kpis(commitment)
    draft = ProgressReport.objects.create(commitment=commitment, period_start=datetime.date(2025, 1, 1),
                                          period_end=datetime.date(2025, 3, 31))
    Reading.objects.create(kpi=listeners, date=datetime.date(2025, 3, 31), value=900, report=draft)
    upload(signed_in, commitment, f"kpi_id,date,value\n{listeners.pk},2025-03-31,950\n")
    assert not Reading.objects.public().exists()


def test_any_wrong_row_imports_nothing_and_each_problem_names_row_and_column(signed_in, commitment):
    listeners, _schools = kpis(commitment)
    other = KPIFactory(commitment=CommitmentFactory(kpi=False))
    text = ("kpi_id;date;value;note\n"
            f"{listeners.pk};2025-03-31;900;fine\n"
            f"{other.pk};2025-03-31;10;another commitment's KPI\n"
            f"{listeners.pk};31/06/2025;ten;\n"
            f"{listeners.pk};2025-03-31;910;twice\n")
    response = upload(signed_in, commitment, text)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Nothing was imported" in page
    assert f"<td>3</td><td>kpi_id</td><td>{other.pk} is not the id of one of this commitment" in page
    assert "<td>4</td><td>date</td><td>Write the date as YYYY-MM-DD" in page
    assert "<td>4</td><td>value</td><td>Write a number" in page
    assert "<td>5</td><td>date</td><td>Row 2 already gives this KPI a reading on this date." in page
    assert not Reading.objects.exists()


def test_a_file_without_the_required_columns_is_refused(signed_in, commitment):
    response = upload(signed_in, commitment, "indicator,when,how much\nx,y,z\n")
    assert response.status_code == 400 and "kpi_id, date, value" in response.content.decode()


def test_a_file_that_is_not_csv_is_refused_before_parsing(signed_in, commitment):
    response = upload(signed_in, commitment, "%PDF-1.7", name="readings.pdf")
    assert response.status_code == 400 and "Upload a file of one of these types: CSV." in response.content.decode()


# Who may

def test_it_sends_an_anonymous_visitor_to_sign_in(client, commitment):
    for response in (download(client, commitment), upload(client, commitment, "kpi_id,date,value\n")):
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_another_author_neither_downloads_nor_uploads(client, commitment):
    listeners, _schools = kpis(commitment)
    Reading.objects.create(kpi=listeners, date=datetime.date(2025, 3, 31), value=900)
    client.force_login(UserFactory())
    assert download(client, commitment).status_code == 404
    assert upload(client, commitment, f"kpi_id,date,value\n{listeners.pk},2025-06-30,1\n").status_code == 404
    assert Reading.objects.count() == 1


def test_the_secretariat_is_not_an_author_here(client, commitment, secretariat):
    client.force_login(secretariat)
    assert download(client, commitment).status_code == 404
