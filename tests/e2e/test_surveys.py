"""A before/after survey in the browser: define it, record two rounds, read the change on the commitment."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from factories import ActorFactory, CommitmentFactory, UserFactory

from .conftest import axe_violations
from .test_authoring import sign_in

pytestmark = pytest.mark.django_db(transaction=True)
SCREENSHOTS = Path(__file__).parent / "screenshots"


def shoot(page, name):
    SCREENSHOTS.mkdir(exist_ok=True)
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=SCREENSHOTS / f"{name}-{width}.png", full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, f"{name} scrolls sideways"
    page.set_viewport_size({"width": 1280, "height": 900})


def test_an_author_records_a_baseline_and_a_follow_up_and_the_page_shows_the_change(page):
    author = UserFactory()
    commitment = CommitmentFactory(actor=ActorFactory(members=[author]), title="Seed-labelling outreach")
    sign_in(page, author)
    page.goto(commitment.get_absolute_url())
    page.get_by_role("link", name="Add a before/after survey").click()
    assert axe_violations(page) == []
    page.get_by_label("Title").fill("Farmers' knowledge of the labelling rule")
    page.get_by_label("Who is asked").fill("Members of two seed cooperatives")
    page.locator("#id_questions-0-text").fill("Do you know how LMO seed must be labelled?")
    page.locator("#id_questions-0-options").fill("Yes\nNo")
    page.get_by_role("button", name="Save the survey").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Farmers' knowledge of the labelling rule")

    for kind, date, yes, no in (("Baseline", "2025-03-01", "12", "28"), ("Follow-up", "2025-11-01", "30", "10")):
        page.get_by_role("link", name="Record a round").click()
        page.get_by_label("Round").select_option(label=kind)
        page.get_by_label("Held on").fill(date)
        page.get_by_label("Respondents").fill("40")
        page.get_by_label("Yes").fill(yes)
        page.get_by_label(re.compile(r"^No\b")).fill(no)
        if kind == "Baseline":
            assert axe_violations(page) == []
        page.get_by_role("button", name="Record the round").click()
        expect(page.get_by_text("The round is recorded.")).to_be_visible()

    page.goto(commitment.get_absolute_url())
    table = page.locator("table.survey-results")
    expect(table.locator("caption")).to_have_text("Do you know how LMO seed must be labelled?")
    expect(table.get_by_role("row", name="Yes")).to_contain_text("30.0 %")
    expect(table.get_by_role("row", name="Yes")).to_contain_text("+45.0 points")
    assert axe_violations(page) == []
    shoot(page, "commitment-with-survey")
