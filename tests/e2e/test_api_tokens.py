"""The API tokens page in Chromium: a token made is shown once with a copy button, listed, then revoked; axe finds
no violations, and nothing scrolls sideways on a phone. Screenshots at 1280 and 390 px go to tests/e2e/screenshots/."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from actionagenda.accounts.models import ApiToken
from factories import UserFactory

from .conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)

SCREENSHOTS = Path(__file__).parent / "screenshots"


def sign_in(page) -> None:
    page.goto("/en/accounts/login/")
    page.get_by_label("E-mail address").fill("member@example.org")
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/commitments/mine/")


def shot(page, name: str, width: str) -> None:
    folder = SCREENSHOTS / width
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=folder / f"{name}.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


@pytest.mark.parametrize("width", [1280, 390])
def test_a_token_is_made_shown_once_listed_and_revoked(browser, live_server, width):
    UserFactory(email="member@example.org")
    context = browser.new_context(base_url=live_server.url, locale="en-GB", viewport={"width": width, "height": 800})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.set_default_timeout(10_000)
    sign_in(page)
    page.goto("/en/accounts/profile/")
    page.get_by_role("navigation", name="Account").get_by_role("link", name="API tokens").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("API tokens")
    assert axe_violations(page) == []
    shot(page, "api-tokens-empty", str(width))

    page.get_by_label("Name").fill("Our national biosafety website")
    page.get_by_label("Read and write").check()
    page.get_by_role("button", name="Make the token").click()
    secret = page.get_by_label("The new token").input_value()
    assert secret.startswith("aa_")
    assert ApiToken.authenticate(secret).email == "member@example.org"
    page.get_by_role("button", name="Copy the token").click()
    expect(page.locator(".copy-status")).to_have_text("Copied.")
    assert page.evaluate("navigator.clipboard.readText()") == secret
    expect(page.get_by_role("row", name="Our national biosafety website")).to_contain_text("Read and write")
    assert axe_violations(page) == []
    shot(page, "api-tokens-made", str(width))

    page.goto("/en/accounts/tokens/")
    assert secret not in page.content()
    page.get_by_role("link", name="Revoke Our national biosafety website").click()
    assert axe_violations(page) == []
    shot(page, "api-tokens-revoke", str(width))
    page.get_by_role("button", name="Revoke").click()
    expect(page.get_by_role("row", name="Our national biosafety website")).to_contain_text("Revoked on")
    assert ApiToken.authenticate(secret) is None
    context.close()
