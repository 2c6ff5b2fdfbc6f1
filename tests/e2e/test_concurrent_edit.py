"""Two tabs of an author on the same commitment in Chromium: the second save is told, its input kept."""

import pytest
from playwright.sync_api import expect

from factories import ActorFactory, CommitmentFactory, UserFactory

from .test_authoring import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_second_tab_sees_the_first_tabs_change_and_keeps_its_own(page):
    author = UserFactory(email="amina@example.org", name="Amina")
    commitment = CommitmentFactory(actor=ActorFactory(kind="organization", members=[author]), created_by=author,
                                   status="draft", published_at=None, title="Biosafety radio",
                                   description="Weekly radio programmes for farmers.")
    sign_in(page, author)
    first = page
    second = page.context.new_page()
    for tab in (first, second):
        tab.goto(f"/en/commitments/{commitment.pk}/edit/")

    first.get_by_label("Title").fill("Biosafety radio in every county")
    first.get_by_role("button", name="Save draft").click()
    expect(first.get_by_role("status")).to_contain_text("Your draft is saved.")

    second.get_by_label("Description").fill("Daily radio programmes for farmers and extension officers.")
    second.get_by_role("button", name="Save draft").click()

    expect(second.locator(".errorlist").first).to_contain_text(
        "Someone else saved this commitment after you opened it and changed: Title.")
    expect(second.get_by_text("Changed by someone else; now: “Biosafety radio in every county”")).to_be_visible()
    expect(second.get_by_label("Description")).to_have_value(
        "Daily radio programmes for farmers and extension officers.")
    commitment.refresh_from_db()
    assert commitment.title == "Biosafety radio in every county"
    assert commitment.description == "Weekly radio programmes for farmers."

    # Saving again is a deliberate choice, with the first tab's title typed in: both changes are kept.
    second.get_by_label("Title").fill("Biosafety radio in every county")
    second.get_by_role("button", name="Save draft").click()
    expect(second.get_by_role("status")).to_contain_text("Your draft is saved.")
    commitment.refresh_from_db()
    assert (commitment.title, commitment.description) == (
        "Biosafety radio in every county", "Daily radio programmes for farmers and extension officers.")
