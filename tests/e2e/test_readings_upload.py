"""The readings CSV page in Chromium: a file with one bad row is refused with the row and the column named and
nothing saved; the corrected file imports every row; axe finds nothing on the page in either state."""

import datetime
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from actionagenda.progress.models import Reading
from factories import ActorFactory, CommitmentFactory, KPIFactory, UserFactory

from .conftest import axe_violations
from .test_authoring import sign_in
from .test_kpi_rows import shoot_page

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "Biosafety radio for farmers"


@pytest.fixture
def author():
    return UserFactory(email="readings@example.org")


@pytest.fixture
def kpis(author):
    commitment = CommitmentFactory(actor=ActorFactory(members=[author]), created_by=author, kpi=False, title=TITLE)
    return (KPIFactory(commitment=commitment, name="Listeners reached", unit="people", position=0),
            KPIFactory(commitment=commitment, name="Schools visited", unit="schools", position=1,
                       target_value=Decimal("40")))


def csv_file(folder, listeners, schools, schools_value):
    path = folder / "readings.csv"
    path.write_text("kpi_id,kpi,unit,date,value,note,evidence_url\n"
                    f"{listeners.pk},Listeners reached,people,2025-03-31,900,First quarter,\n"
                    f"{schools.pk},Schools visited,schools,2025-03-31,{schools_value},,\n"
                    f"{listeners.pk},Listeners reached,people,2025-06-30,1400,,\n", encoding="utf-8")
    return path


def upload(page, path):
    page.get_by_label("CSV file of readings").set_input_files(str(path))
    page.get_by_role("button", name="Upload and import").click()


def test_a_file_with_one_bad_row_is_refused_by_row_and_column_then_imports_once_corrected(page, author, kpis,
                                                                                         tmp_path):
    listeners, schools = kpis
    sign_in(page, author)
    page.get_by_role("link", name=f"Readings (CSV) {TITLE}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Readings of “{TITLE}”")
    assert axe_violations(page) == []

    upload(page, csv_file(tmp_path, listeners, schools, "about twelve"))
    problems = page.get_by_role("region", name="Nothing was imported")
    expect(problems).to_contain_text("Fix this problem in the file, then upload it again:")
    row = problems.get_by_role("row").filter(has_text="Write a number")
    expect(row.get_by_role("cell")).to_have_text(["3", "value", "Write a number (1200 or 12.5)."])
    expect(problems.get_by_role("row")).to_have_count(2)  # the header and the one bad row
    assert not Reading.objects.exists()  # the bad row, nor the good ones: all or nothing
    assert axe_violations(page) == []
    shoot_page(page, "readings-refused-1280.png")
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert axe_violations(page) == []
    shoot_page(page, "readings-refused-390.png")

    upload(page, csv_file(tmp_path, listeners, schools, "12"))
    imported = page.get_by_role("region", name="Imported")
    expect(imported).to_contain_text("3 new readings · 0 corrections · 0 rows unchanged")
    expect(page.get_by_role("region", name="Nothing was imported")).to_have_count(0)
    assert sorted((reading.kpi_id, reading.date, reading.value, reading.source)
                  for reading in Reading.objects.all()) == sorted([
        (listeners.pk, datetime.date(2025, 3, 31), Decimal("900"), "csv"),
        (schools.pk, datetime.date(2025, 3, 31), Decimal("12"), "csv"),
        (listeners.pk, datetime.date(2025, 6, 30), Decimal("1400"), "csv")])
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert axe_violations(page) == []  # on a phone the table of imported rows stacks: nothing to scroll sideways
    shoot_page(page, "readings-imported-390.png")
    page.set_viewport_size({"width": 1280, "height": 900})
    assert axe_violations(page) == []
    shoot_page(page, "readings-imported-1280.png")
