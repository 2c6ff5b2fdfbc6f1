import re

import pytest
from playwright.sync_api import expect

from factories import UserFactory

from .authoring import fill_first_kpi, fill_organisation_commitment
from .conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(page, user):
    page.goto("/en/accounts/login/")
    page.locator("#id_login").fill(user.email)
    page.locator("#id_password").fill("correct horse battery staple")
    page.locator("#id_password").press("Enter")
    expect(page.get_by_role("heading", level=1, name="My commitments")).to_be_visible()


def test_an_organisation_makes_a_commitment_guided_by_the_live_smart_panel(page):
    sign_in(page, UserFactory(email="amina@example.org", name="Amina"))
    page.goto("/en/commitments/new/")
    page.get_by_role("link", name="Organisation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Make a commitment: Organisation")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_role("status")).to_contain_text("your changes are not saved yet")
    assert axe_violations(page) == []  # the page with its field errors

    fill_organisation_commitment(
        page, organisation="Kenya Biosafety Network", organisation_type="ngo", title="Biosafety radio in every county",
        description="Weekly radio programmes on living modified organisms for farmers in all 47 counties, with "
                    "call-in shows answering questions from listeners.",
        start="2025-01-01", end="2027-12-31", resources="Two producers and donated airtime.")

    measurable = page.locator('#smart-panel [data-criterion="measurable"]')
    expect(measurable).to_have_class(re.compile(r"\bmissing\b"))
    fill_first_kpi(page, indicator="Listeners reached", unit="people", baseline="0", target="100000",
                   target_date="2027-12-31")
    expect(measurable).to_have_class(re.compile(r"\bmet\b"))
    expect(page.locator("#smart-panel")).to_contain_text("Ready to submit")

    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("status")).to_contain_text("your commitment is submitted")
    row = page.get_by_role("row").filter(has_text="Biosafety radio in every county")
    expect(row).to_contain_text("Submitted")
    expect(row).to_contain_text("Kenya Biosafety Network")
    assert axe_violations(page) == []


def test_without_javascript_the_form_keeps_what_was_typed_and_shows_the_smart_panel(browser, live_server):
    user = UserFactory(email="no-js@example.org")
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        sign_in(page, user)
        page.goto("/en/commitments/new/individual/")
        page.get_by_label("Title").fill("Teach biosafety in my school")
        page.get_by_label("Start date").fill("1789-07-14")
        page.get_by_role("button", name="Save draft").click()
        expect(page.get_by_text("Enter a date between 1990 and 2100.")).to_be_visible()
        expect(page.get_by_label("Title")).to_have_value("Teach biosafety in my school")
        expect(page.locator('#smart-panel [data-criterion="time_bound"]')).to_contain_text("missing")
    finally:
        context.close()
