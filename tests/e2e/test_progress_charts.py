"""The commitment page with its scorecard and charts, in Chromium: accessible and fitting a phone's width."""

import os

import pytest
from playwright.sync_api import expect

from tests.progress.chart_data import commitment_with_progress

from .conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)
SCREENSHOTS = os.environ.get("ACTIONAGENDA_SCREENSHOTS")  # a folder: keep the pages seen, to look at them


@pytest.mark.parametrize("width", [1280, 390])
def test_the_detail_page_with_charts_is_accessible_and_fits_the_screen(page, width):
    commitment = commitment_with_progress()
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(commitment.get_absolute_url())
    expect(page.get_by_role("heading", name="Scorecard")).to_be_visible()
    expect(page.get_by_role("img", name="Readings of “Listeners reached” over time")).to_be_visible()
    expect(page.get_by_role("img", name="Phase timeline")).to_be_visible()
    expect(page.locator(".kpi-table")).to_contain_text("Regression: −50 %")
    data = page.get_by_role("table", name="Readings of “Listeners reached” over time")
    expect(data).to_be_hidden()
    page.locator(f"#kpi-{commitment.kpis.get(name='Listeners reached').pk} summary").nth(1).click()
    expect(data).to_be_visible()  # a chart's data, as a table beside it
    if SCREENSHOTS:
        page.screenshot(path=os.path.join(SCREENSHOTS, f"detail-{width}.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert axe_violations(page) == []
