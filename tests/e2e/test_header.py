"""The header: one compact row at every width, signed in or not; on a phone the links fold into a Menu button that
works without JavaScript; the language is applied as soon as it is chosen (a button only without JavaScript)."""

import re

import pytest
from django.utils import translation
from playwright.sync_api import expect

from factories import PASSWORD

from .conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)

ONE_ROW = 80  # px: the brand's two lines and their padding; the old header took 150 px once signed in


def open_page(browser, live_server, width: int, javascript: bool = True, signed_in: bool = False, path="/en/"):
    context = browser.new_context(base_url=live_server.url, locale="en-GB", java_script_enabled=javascript,
                                  viewport={"width": width, "height": 800})
    page = context.new_page()
    page.set_default_timeout(10_000)
    if signed_in:
        page.goto("/en/accounts/login/")
        page.locator("#id_login").fill("sec@example.org")  # the shared secretariat fixture
        page.locator("#id_password").fill(PASSWORD)
        page.locator("#id_password").press("Enter")
        page.wait_for_url(re.compile(r"/en/(?!accounts/login)"))
    page.goto(path)
    return page


def header_height(page) -> float:
    return page.locator(".site-header").bounding_box()["height"]


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_signed_in_the_header_is_one_row_on_a_desktop_in_every_language(browser, live_server, secretariat, language):
    page = open_page(browser, live_server, 1280, signed_in=True, path=f"/{language}/")
    assert header_height(page) <= ONE_ROW
    assert page.locator(".site-menu > summary").is_hidden()
    with translation.override(language):
        explore = translation.gettext("Explore")
        account = translation.gettext("Account")
    expect(page.get_by_role("link", name=explore, exact=True)).to_be_visible()
    expect(page.locator(".language-switcher button")).to_be_hidden()
    page.get_by_text(account, exact=True).click()  # the account's links open below the row
    expect(page.locator(".account-menu").get_by_role("link").first).to_be_visible()
    assert header_height(page) <= ONE_ROW
    page.context.close()


def test_on_a_phone_the_links_are_behind_a_menu_button(browser, live_server, secretariat):
    page = open_page(browser, live_server, 390, signed_in=True)
    assert header_height(page) <= ONE_ROW
    explore = page.get_by_role("link", name="Explore", exact=True)
    expect(explore).to_be_hidden()
    page.get_by_text("Menu", exact=True).click()
    expect(explore).to_be_visible()
    expect(page.get_by_role("link", name="Moderation")).to_be_visible()  # account links are in the same menu
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    assert axe_violations(page) == []
    page.keyboard.press("Escape")
    expect(explore).to_be_hidden()
    page.context.close()


def test_choosing_a_language_applies_it_at_once(browser, live_server):
    page = open_page(browser, live_server, 1280)
    expect(page.get_by_role("button", name="Change language")).to_be_hidden()
    page.get_by_label("Language").select_option("fr")
    page.wait_for_url(re.compile(r"/fr/$"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    page.context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_without_javascript_the_menu_opens_and_the_language_has_its_button(browser, live_server, width):
    page = open_page(browser, live_server, width, javascript=False)
    explore = page.get_by_role("link", name="Explore", exact=True)
    if width == 390:
        expect(explore).to_be_hidden()
        page.get_by_text("Menu", exact=True).click()
    expect(explore).to_be_visible()
    page.get_by_label("Language").select_option("es")
    expect(page).to_have_url(re.compile(r"/en/$"))  # nothing happens until the button is pressed
    page.get_by_role("button", name="Change language").click()
    page.wait_for_url(re.compile(r"/es/$"))
    page.context.close()


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_on_a_phone_the_header_stays_compact_in_every_language(browser, live_server, language):
    page = open_page(browser, live_server, 390, path=f"/{language}/")
    assert header_height(page) <= ONE_ROW  # measured 52 (en), 77 (fr, es); the Spanish brand took 137 px
    assert page.evaluate("document.documentElement.scrollWidth") == 390
    page.context.close()


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_signed_out_the_links_never_stack_on_a_desktop_in_every_language(browser, live_server, language):
    """The Spanish and French names of the site are twice as long as the English one: the brand wraps within its
    own column, the links never stack (they did, one under the other, at 1280 px in Spanish); the French ones,
    too long for one line beside the brand, take two (kept on one, they ran over the brand)."""
    page = open_page(browser, live_server, 1280, path=f"/{language}/")
    tops = {round(box["y"]) for box in (link.bounding_box() for link in page.locator(".site-menu-panel .nav a").all())}
    assert len(tops) <= 2
    assert header_height(page) <= ONE_ROW  # measured 47 (en), 77 (fr, es)
    assert page.evaluate("document.documentElement.scrollWidth") == 1280
    page.context.close()


@pytest.mark.parametrize("language", ["en", "fr", "es"])
@pytest.mark.parametrize("width", [1100, 1280, 1440])
def test_on_a_desktop_no_link_runs_over_the_brand_in_any_language(browser, live_server, language, width):
    page = open_page(browser, live_server, width, path=f"/{language}/")
    brand = page.locator(".brand").bounding_box()
    for link in page.locator(".site-header nav a").all():
        box = link.bounding_box()
        assert box["x"] >= brand["x"] + brand["width"] or box["y"] >= brand["y"] + brand["height"], (
            link.inner_text(), box, brand)
    assert header_height(page) <= ONE_ROW
    assert page.evaluate("document.documentElement.scrollWidth") == width
    page.context.close()
