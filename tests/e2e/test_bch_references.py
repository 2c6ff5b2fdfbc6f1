"""Citing BCH records in a real browser: a wrong identifier is named on its field, a right one is saved and shown on
the detail page with the type's name and a link; axe-clean at 1280 and 390 px. Screenshots go to
tests/e2e/screenshots/bch/ (ignored by git)."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from actionagenda.commitments.models import BCHReference, Commitment
from factories import ActorFactory, CommitmentFactory, UserFactory

from .conftest import axe_violations
from .test_authoring import sign_in

pytestmark = pytest.mark.django_db(transaction=True)

SCREENSHOTS = Path(__file__).parent / "screenshots" / "bch"


def new_page(browser, live_server, width):
    context = browser.new_context(base_url=live_server.url, locale="en-GB", viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    return context, page


@pytest.mark.parametrize("width", [1280, 390])
def test_the_author_cites_a_record_and_a_wrong_identifier_is_named_on_its_field(browser, live_server, width):
    context, page = new_page(browser, live_server, width)
    try:
        sign_in(page, UserFactory(email=f"bch{width}@example.org"))
        page.goto("/en/commitments/new/individual/")
        page.get_by_label("Name to show").fill("Amina Bello")
        page.get_by_label("Title").fill("Biosafety lessons in rural schools")
        row = page.get_by_role("group", name="BCH record 1")
        row.get_by_label("Record type").select_option("LMO")
        row.get_by_label("BCH identifier").fill("LMO 14786")
        page.get_by_role("button", name="Save draft").click()
        identifier = page.get_by_role("group", name="BCH record 1").get_by_label("BCH identifier")
        expect(identifier).to_have_attribute("aria-invalid", "true")
        expect(identifier).to_have_accessible_description(
            "For example BCH-LMO-SCBD-14786-6. A BCH identifier reads like BCH-LMO-SCBD-14786-6: BCH, the record "
            "type, the country code (SCBD for reference records), the record number and, if you wish, the "
            "revision.")
        assert axe_violations(page) == []
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.get_by_role("group", name="BCH record 1").scroll_into_view_if_needed()
        page.screenshot(path=SCREENSHOTS / f"form-error-{width}.png", full_page=True)
        page.locator("#bch-0").screenshot(path=SCREENSHOTS / f"row-error-{width}.png")

        identifier.fill("BCH-LMO-SCBD-14786-6")
        page.get_by_role("button", name="Cite another BCH record").click()
        second = page.get_by_role("group", name="BCH record 2")
        second.get_by_label("Record type").select_option("LAW")
        second.get_by_label("Address on bch.cbd.int").fill("https://bch.cbd.int/database/BCH-LAW-KE-101-2")
        page.get_by_role("button", name="Save draft").click()
        expect(page.get_by_role("status")).to_contain_text("Your draft is saved")
        commitment = Commitment.objects.get()
        assert [reference.record_type for reference in commitment.bch_references.all()] == ["LMO", "LAW"]
        assert axe_violations(page) == []
        page.get_by_role("heading", name="Biosafety Clearing-House records").scroll_into_view_if_needed()
        page.screenshot(path=SCREENSHOTS / f"form-saved-{width}.png", full_page=True)
        page.locator("section[aria-labelledby=bch-heading]").screenshot(path=SCREENSHOTS / f"rows-saved-{width}.png")
    finally:
        context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_the_detail_page_names_and_links_each_record(browser, live_server, width):
    author = UserFactory(email=f"detail{width}@example.org")
    commitment = CommitmentFactory(title="Detection laboratory network in Kenya", actor=ActorFactory(members=[author]))
    for position, (record_type, identifier, url) in enumerate([
            ("LMO", "BCH-LMO-SCBD-14786-6", ""), ("LAB", "BCH-LAB-SCBD-115052-1", ""),
            ("LAW", "", "https://bch.cbd.int/database/BCH-LAW-KE-101-2")]):
        BCHReference.objects.create(commitment=commitment, record_type=record_type, identifier=identifier, url=url,
                                    position=position)
    context, page = new_page(browser, live_server, width)
    try:
        sign_in(page, author)
        page.goto(commitment.get_absolute_url())
        section = page.locator("ul.bch-records")
        expect(section.get_by_role("listitem")).to_have_count(3)
        expect(section.get_by_role("link", name="BCH-LMO-SCBD-14786-6")).to_have_attribute(
            "href", "https://bch.cbd.int/database/BCH-LMO-SCBD-14786-6")
        expect(section).to_contain_text("Laboratory for the detection and identification of LMOs")
        expect(page.get_by_role("link", name="the record's draft (JSON)")).to_be_visible()
        assert axe_violations(page) == []
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.get_by_role("heading", name="Biosafety Clearing-House records").scroll_into_view_if_needed()
        page.screenshot(path=SCREENSHOTS / f"detail-{width}.png", full_page=True)
        page.locator("section.bch").screenshot(path=SCREENSHOTS / f"detail-section-{width}.png")
        page.goto(commitment.get_absolute_url().replace("/en/", "/fr/"))
        expect(page.locator("ul.bch-records")).to_contain_text("Organisme vivant modifié")
        assert axe_violations(page) == []
        page.screenshot(path=SCREENSHOTS / f"detail-fr-{width}.png", full_page=True)
    finally:
        context.close()
