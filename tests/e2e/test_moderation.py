import datetime

import pytest
from playwright.sync_api import expect

from actionagenda.accounts.services import make_secretariat
from factories import CommitmentFactory

from .conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a sturdy biosafety passphrase"


@pytest.fixture
def waiting():
    make_secretariat("sec@example.org", password=PASSWORD)
    return CommitmentFactory(title="Community biosafety radio in Kisumu", status="submitted", published_at=None,
                             submitted_at=datetime.datetime.now(datetime.UTC))


def sign_in(page):
    page.goto("/en/accounts/login/")
    assert axe_violations(page) == []
    page.get_by_label("E-mail address").fill("sec@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/commitments/moderation/")  # the secretariat lands on the queue


def test_the_secretariat_returns_a_commitment_with_a_comment(page, waiting):
    sign_in(page)
    page.get_by_text("Account", exact=True).click()  # the header's account menu
    page.get_by_role("link", name="Moderation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Moderation")
    assert axe_violations(page) == []

    page.get_by_role("link", name="Community biosafety radio in Kisumu").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Community biosafety radio in Kisumu")
    assert axe_violations(page) == []

    page.get_by_role("button", name="Return for changes").click()  # without a comment first
    # A full-page form post: wait for the answer instead of reading the page being left.
    expect(page.get_by_text("Say what the author should change")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_label("Comment to the author").fill("Please add a baseline for the listeners KPI.")
    page.get_by_role("button", name="Return for changes").click()

    page.wait_for_url("**/commitments/moderation/")
    assert page.get_by_role("status").inner_text().startswith("“Community biosafety radio in Kisumu”")
    assert page.get_by_role("link", name="Community biosafety radio in Kisumu").count() == 0
    page.get_by_role("link", name="Returned for changes").click()
    expect(page.get_by_role("link", name="Community biosafety radio in Kisumu")).to_be_visible()
