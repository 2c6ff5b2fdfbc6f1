"""Amending a published commitment in Chromium: the author proposes, the secretariat reads the difference."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from actionagenda.accounts.services import make_secretariat
from factories import ActorFactory, CommitmentFactory, KPIFactory, UserFactory

from .conftest import axe_violations
from .test_authoring import sign_in
from .test_kpi_rows import shoot_page
from .test_moderation import PASSWORD
from .test_moderation import sign_in as sign_in_secretariat

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_amendment_waits_for_the_secretariat_then_shows(page, browser, live_server):
    author = UserFactory(email="amend@example.org")
    commitment = CommitmentFactory(
        actor=ActorFactory(members=[author]), created_by=author, kpi=False, title="Biosafety radio for farmers",
        description="Weekly radio programmes on living modified organisms for farmers in every county.",
        resources="Two producers.")
    KPIFactory(commitment=commitment, name="Listeners reached", target_value=Decimal("5000"))
    make_secretariat("sec@example.org", password=PASSWORD)

    sign_in(page, author)
    page.get_by_role("link", name="Amend").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Amend “Biosafety radio for farmers”")
    assert axe_violations(page) == []
    page.get_by_label("Title").fill("Biosafety radio for farmers and traders")
    page.get_by_role("group", name="KPI 1").get_by_label("Target value").fill("8000")
    page.get_by_role("button", name="Submit amendment for review").click()
    expect(page.get_by_role("status")).to_contain_text("your amendment is submitted")
    page.goto(commitment.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text("Biosafety radio for farmers")

    other = browser.new_context(base_url=live_server.url, locale="en-GB").new_page()
    sign_in_secretariat(other)
    other.goto("/en/commitments/moderation/")
    other.get_by_role("link", name="Amendments awaiting review").click()
    other.get_by_role("link", name="Biosafety radio for farmers").click()
    review = other.get_by_role("table", name="The commitment")
    expect(review).to_contain_text("Biosafety radio for farmers and traders")
    expect(other.get_by_role("table", name="Indicator changed: Listeners reached")).to_contain_text("8000")
    assert axe_violations(other) == []
    shoot_page(other, "amendment-review-1280.png")
    other.set_viewport_size({"width": 390, "height": 844})
    assert other.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    shoot_page(other, "amendment-review-390.png")
    other.get_by_role("button", name="Approve and apply").click()
    expect(other.get_by_role("status")).to_contain_text("The amendment is applied")

    page.goto(commitment.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text("Biosafety radio for farmers and traders")
