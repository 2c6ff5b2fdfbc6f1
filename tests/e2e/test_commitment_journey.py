"""The whole journey of issue 2 in real Chromium: a newcomer signs up, makes a commitment guided by the live
SMART panel and submits it; the secretariat publishes it; anyone finds it by searching."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from actionagenda.accounts.services import make_secretariat

from .authoring import fill_first_kpi, fill_organisation_commitment
from .conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a sturdy biosafety passphrase"


def test_a_newcomer_commits_the_secretariat_publishes_and_search_finds_it(browser, live_server):
    make_secretariat("sec@example.org", password=PASSWORD)
    author = browser.new_context(base_url=live_server.url, locale="en-GB").new_page()
    secretariat = browser.new_context(base_url=live_server.url, locale="en-GB").new_page()

    # Sign up and confirm the address from the e-mail.
    author.goto("/en/accounts/signup/")
    author.get_by_label("E-mail address").fill("wanjiru@example.org")
    author.locator("#id_password1").fill(PASSWORD)
    author.locator("#id_password2").fill(PASSWORD)
    author.get_by_role("button", name="Sign up").click()
    expect(author.get_by_role("heading", level=1)).to_contain_text("Verify")
    confirm = re.search(r"https?://[^/\s]+(/\S+confirm-email/\S+)", mail.outbox[-1].body).group(1)
    author.goto(confirm)
    author.get_by_role("button", name="Confirm").click()

    # The organisation form, with the SMART panel turning "measurable" once a KPI has numbers.
    author.goto("/en/commitments/new/")
    author.get_by_role("link", name="Organisation").click()
    fill_organisation_commitment(
        author, organisation="Marsabit Seed Savers", organisation_type="farmer_organization",
        title="Seed stewardship schools in Marsabit",
        description="Farmer field schools on **seed choices**, labelling and record keeping so that growers decide "
                    "with information about living modified organisms.",
        start="2026-01-01", end="2029-12-31", resources="Three trainers and a county grant.")
    measurable = author.locator('#smart-panel [data-criterion="measurable"]')
    expect(measurable).to_have_class(re.compile(r"\bmissing\b"))
    fill_first_kpi(author, indicator="Farmers trained", unit="farmers", baseline="0", target="1200",
                   target_date="2029-12-31")
    expect(measurable).to_have_class(re.compile(r"\bmet\b"))
    author.get_by_role("button", name="Submit").click()
    expect(author.get_by_role("row").filter(has_text="Seed stewardship schools in Marsabit")).to_contain_text(
        "Submitted")

    # Not public yet: the search does not find it.
    secretariat.goto("/en/commitments/?search=Marsabit")
    expect(secretariat.locator("main")).not_to_contain_text("Seed stewardship schools in Marsabit")

    # The secretariat publishes it from the queue.
    secretariat.goto("/en/accounts/login/")
    secretariat.get_by_label("E-mail address").fill("sec@example.org")
    secretariat.get_by_label("Password").fill(PASSWORD)
    secretariat.get_by_role("button", name="Sign in").click()
    secretariat.get_by_text("Account", exact=True).click()  # the header's account menu
    secretariat.get_by_role("link", name="Moderation").click()
    secretariat.get_by_role("link", name="Seed stewardship schools in Marsabit").click()
    expect(secretariat.locator("#smart-panel, .smart-panel").first).to_contain_text("5 of 5 criteria met")
    assert axe_violations(secretariat) == []
    secretariat.get_by_role("button", name="Publish").click()
    expect(secretariat.get_by_role("status")).to_contain_text("Seed stewardship schools in Marsabit")
    assert any("wanjiru@example.org" in message.to for message in mail.outbox[1:])

    # Anyone finds it by searching, and reads it with the Markdown rendered.
    visitor = browser.new_context(base_url=live_server.url, locale="en-GB").new_page()
    visitor.goto("/en/commitments/")
    visitor.get_by_label("Search commitments").fill("marsabit")
    visitor.get_by_role("button", name="Search").click()
    # The unfiltered list shows the commitment too: wait for the search's page, or its navigation would win.
    expect(visitor).to_have_url(re.compile(r"search=marsabit"))
    visitor.get_by_role("link", name="Seed stewardship schools in Marsabit").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Seed stewardship schools in Marsabit")
    expect(visitor.locator("strong", has_text="seed choices")).to_be_visible()
    expect(visitor.locator("main")).to_contain_text("Marsabit Seed Savers")
    for page in (author, secretariat, visitor):
        page.context.close()
