import re

import pytest
from playwright.sync_api import expect

from factories import CommitmentFactory

from .conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


def test_searching_and_ticking_a_facet_updates_the_results(page):
    CommitmentFactory(title="Radio campaign in Nairobi", links={"countries": ["KE"]})
    CommitmentFactory(title="Radio campaign in Dakar", language="fr", links={"countries": ["SN"]})
    CommitmentFactory(title="Laboratory training in Lima", description="PCR training.", language="es",
                      links={"countries": ["PE"]})
    page.goto("/en/commitments/")
    count = page.locator(".result-count")
    expect(count).to_have_text("3 commitments")
    page.get_by_label("Search commitments").fill("campaign")
    page.get_by_role("button", name="Search").click()
    expect(count).to_have_text("2 commitments")
    page.get_by_label(re.compile(r"^Kenya")).check()
    expect(count).to_have_text("1 commitment")
    expect(page).to_have_url(re.compile(r"search=campaign.*country=KE"))
    expect(page.get_by_role("link", name="Radio campaign in Nairobi")).to_be_visible()
    expect(page.get_by_role("link", name="Radio campaign in Dakar")).to_have_count(0)
    assert axe_violations(page) == []
