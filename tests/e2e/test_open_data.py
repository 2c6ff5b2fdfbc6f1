"""The open data page in Chromium: its downloads work and it is axe-clean, on a desktop and a phone."""

import csv
import io

import pytest
from playwright.sync_api import expect

from actionagenda.interop import opendata
from factories import CommitmentFactory

from .conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("width", [1280, 390])
def test_a_researcher_downloads_the_commitments_from_the_open_data_page(browser, live_server, width):
    CommitmentFactory(title="Biosafety radio in Nairobi")
    CommitmentFactory(title="Seed testing in Kumasi")
    opendata.refresh()
    context = browser.new_context(base_url=live_server.url, locale="fr-FR", accept_downloads=True,
                                  viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto("/en/")
    page.get_by_role("link", name="Open data").click()  # from the footer
    expect(page.get_by_role("heading", level=1)).to_have_text("Open data")
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") == width
    with page.expect_download() as download:
        page.get_by_role("link", name="Commitments (CSV)").click()
    assert download.value.suggested_filename == "commitments.csv"
    rows = list(csv.reader(io.StringIO(download.value.path().read_text(encoding="utf-8-sig"))))
    assert sorted(row[2] for row in rows[1:]) == ["Biosafety radio in Nairobi", "Seed testing in Kumasi"]
    page.goto("/fr/open-data/")
    expect(page.get_by_role("heading", name="Dictionnaire des données")).to_be_visible()
    assert axe_violations(page) == []
    context.close()
