"""The commitment form's country checklist in a real browser: the filter box and chips with JavaScript, the
plain checkboxes without it, the markers and the end-date error, axe-clean at 1280 and 390 px. Screenshots
go to tests/e2e/screenshots/ (ignored by git)."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from actionagenda.commitments.models import Commitment
from factories import UserFactory

from .conftest import axe_violations
from .test_authoring import sign_in

pytestmark = pytest.mark.django_db(transaction=True)

SCREENSHOTS = Path(__file__).parent / "screenshots" / "country_picker"


def open_form(page, email):
    sign_in(page, UserFactory(email=email))
    page.goto("/en/commitments/new/individual/")


@pytest.mark.parametrize("width", [1280, 390])
def test_the_filter_box_narrows_the_list_and_chips_untick_countries(browser, live_server, width):
    context = browser.new_context(base_url=live_server.url, locale="en-GB",
                                  viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        open_form(page, f"picker{width}@example.org")
        countries = page.get_by_role("group", name="Countries")
        search = page.get_by_role("searchbox", name="Find a country")
        expect(search).to_be_visible()
        search.fill("ken")
        expect(countries.get_by_role("checkbox", name="Kenya")).to_be_visible()
        expect(countries.get_by_role("checkbox", name="Peru")).to_be_hidden()
        expect(page.get_by_role("group", name="Europe")).to_be_hidden()
        expect(page.locator(".country-count")).to_have_text("Countries shown: 1")
        page.keyboard.press("Enter")  # in the filter box: never submits the form
        expect(page.get_by_role("heading", level=1)).to_contain_text("Make a commitment")
        countries.get_by_role("checkbox", name="Kenya").check()
        search.fill("per")
        countries.get_by_role("checkbox", name="Peru").check()
        search.fill("")
        expect(page.get_by_role("group", name="Europe")).to_be_visible()
        chips = page.get_by_role("list", name="Chosen countries")
        expect(chips.get_by_role("button")).to_have_text(["Kenya", "Peru"])
        expect(page.locator("#smart-panel")).to_be_visible()
        page.get_by_label("Title").fill("Biosafety lessons in rural schools")
        page.get_by_label("Start date").fill("2026-06-01")
        page.get_by_label("End date").fill("2026-01-01")
        assert axe_violations(page) == []
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / f"filtered-{width}.png", full_page=True)
        countries.screenshot(path=SCREENSHOTS / f"countries-{width}.png")

        page.get_by_role("button", name="Remove Peru").click()
        expect(countries.get_by_role("checkbox", name="Peru")).not_to_be_checked()
        expect(chips.get_by_role("button")).to_have_text(["Kenya"])
        expect(page.get_by_role("button", name="Remove Kenya")).to_be_focused()

        page.get_by_role("button", name="Save draft").click()
        expect(page.get_by_role("status")).to_contain_text("Your draft is saved")
        assert [term.code for term in Commitment.objects.get().countries.all()] == ["KE"]
        end = page.get_by_label("End date")
        expect(end).to_have_attribute("aria-invalid", "true")
        expect(end).to_have_accessible_description("The end date must come after the start date.")
        expect(page.get_by_role("list", name="Chosen countries").get_by_role("button")).to_have_text(["Kenya"])
        assert axe_violations(page) == []
        page.screenshot(path=SCREENSHOTS / f"saved-{width}.png", full_page=True)
        page.locator(".field", has=end).screenshot(path=SCREENSHOTS / f"end-date-{width}.png")
    finally:
        context.close()


def test_without_javascript_the_countries_are_ticked_and_saved(browser, live_server):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        open_form(page, "nojs-picker@example.org")
        expect(page.get_by_role("searchbox", name="Find a country")).to_be_hidden()
        page.get_by_label("Title").fill("Biosafety lessons in rural schools")
        page.get_by_role("checkbox", name="Kenya").check()
        page.get_by_role("checkbox", name="Peru").check()
        page.get_by_role("button", name="Save draft").click()
        expect(page.get_by_role("checkbox", name="Peru")).to_be_checked()
        assert sorted(term.code for term in Commitment.objects.get().countries.all()) == ["KE", "PE"]
    finally:
        context.close()
