"""Every page kind at a desktop width (1280 px) and a phone's (390 px): nothing scrolls sideways on the phone,
and a screenshot of each is saved in tests/e2e/screenshots/ (ignored by git) for whoever changes a page. On a
phone, explore's facets wait behind a Filters button, so that the results come first."""

import re
from pathlib import Path

import pytest
from consultations.builders import make_consultation
from django.utils import translation
from playwright.sync_api import expect

from actionagenda.accounts.services import make_secretariat
from actionagenda.assistant import services as assistant
from actionagenda.interop import opendata
from factories import ActorFactory, CommitmentFactory, EventFactory, NewsItemFactory, QuoteFactory, UserFactory

from .conftest import settled

pytestmark = pytest.mark.django_db(transaction=True)

SCREENSHOTS = Path(__file__).parent / "screenshots"
PASSWORD = "correct horse battery staple"
WIDTHS = {"desktop": 1280, "phone": 390}


@pytest.fixture
def site():
    """One record of each kind, and the paths of every page kind: visitors', an author's and the secretariat's."""
    with translation.override("en"):
        author = UserFactory(email="author@example.org", name="Amina Diallo")
        actor = ActorFactory(name="Kenya Biosafety Network", members=[author])
        commitment = CommitmentFactory(
            actor=actor, title="Biosafety awareness radio programmes for farmers in Nairobi and Kisumu",
            description="Weekly radio programmes in Swahili and English on living modified organisms. " * 8,
            links={"countries": ["KE", "UG", "TZ"]})
        CommitmentFactory.create_batch(5)
        submitted = CommitmentFactory(actor=actor, status="submitted", title="Seed testing laboratory training")
        make_secretariat("secretariat@example.org", password=PASSWORD)
        event = EventFactory(title="Risk assessment of living modified organisms: what civil society can do")
        question = make_consultation()
        assistant.load_catalogue()
        story = NewsItemFactory(kind="story", profiled_actor=actor, title_en="Seeds and trust in Kisumu: how "
                                "a network of farmers tests what it plants", body_en="Farmers **test**. " * 40)
        QuoteFactory(story=story, actor=actor, text_en="Clear answers count, and questions too. " * 3,
                     on_landing=True)
        theme = question.theme
        opendata.refresh()
        visitor = {
            "landing": "/en/", "landing-fr": "/fr/", "explore": "/en/commitments/",
            "explore-search": "/en/commitments/?search=radio&actor_type=organization",
            "statistics": "/en/statistics/", "statistics-fr-country": "/fr/statistics/?country=KE",
            "detail": commitment.get_absolute_url(), "start": "/en/commitments/new/",
            "events": "/en/events/", "event": event.get_absolute_url(),
            "consultations": "/en/consultations/", "consultation": theme.group.consultation.get_absolute_url(),
            "theme": theme.get_absolute_url(), "question": question.get_absolute_url(),
            "ask": "/en/ask/?q=gene+drive+mosquito+risk+assessment", "sign-in": "/en/accounts/login/",
            "sign-up": "/en/accounts/signup/", "password-reset": "/en/accounts/password/reset/",
            "api-docs": "/api/v1/docs", "not-found": "/en/commitments/999999/",
            "news": "/en/news/", "story": story.get_absolute_url(), "actor": actor.get_absolute_url(),
            "faq": "/en/faq/", "faq-search": "/en/faq/?q=commitment",
            "open-data": "/en/open-data/", "open-data-es": "/es/open-data/",
        }
        signed_in = {
            "author": {"form": "/en/commitments/new/organization/", "edit": f"/en/commitments/{submitted.pk}/",
                       "mine": "/en/commitments/mine/", "account": "/en/accounts/email/",
                       "api-tokens": "/en/accounts/tokens/",
                       "detail-signed-in": commitment.get_absolute_url()},
            "secretariat": {"moderation": "/en/commitments/moderation/",
                            "moderate": f"/en/commitments/{submitted.pk}/moderate/"},
        }
    return visitor, signed_in


def open_page(browser, live_server, width: int, path: str, javascript: bool = True):
    context = browser.new_context(base_url=live_server.url, locale="en-GB", java_script_enabled=javascript,
                                  viewport={"width": width, "height": 800})
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(path)
    return page


def sign_in(page, email: str) -> None:
    page.goto("/en/accounts/login/")
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_url(re.compile(r"/en/(?!accounts/login)"))


# The outermost elements that stick out on the right, to say what makes a page too wide.
STICKING_OUT = """() => [...document.querySelectorAll("body *")]
    .filter(e => e.checkVisibility() && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
    .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right
                 <= document.documentElement.clientWidth + 1)
    .map(e => `${e.tagName.toLowerCase()}.${e.className}`)"""


# Room around the page's content: below the header, above the footer, and no band under the footer.
# (The API docs are Swagger UI's own page, without the site's frame.)
SPACING = """() => {
  if (!document.querySelector(".site-header")) return [];
  const header = document.querySelector(".site-header").getBoundingClientRect();
  const footer = document.querySelector(".site-footer").getBoundingClientRect();
  const shown = [...document.querySelectorAll("main > *")].filter(e => e.checkVisibility()
                                                                     && e.getBoundingClientRect().height > 0);
  const first = shown[0].getBoundingClientRect(), last = shown[shown.length - 1].getBoundingClientRect();
  const problems = [];
  if (first.top - header.bottom < 24) problems.push(`content ${first.top - header.bottom}px below the header`);
  if (footer.top - last.bottom < 24) problems.push(`content ${footer.top - last.bottom}px above the footer`);
  if (footer.bottom + window.scrollY < window.innerHeight - 1) problems.push("a band under the footer");
  return problems;
}"""


def look_at(page, name: str, path: str, width_name: str) -> int | None:
    """Load the page and save its screenshot; returns what sticks out when it is wider than the screen."""
    response = page.goto(path)
    assert response.status in (200, 404), (path, response.status)
    settled(page)
    if name == "api-docs":  # Swagger UI draws the operations from the OpenAPI document it fetches once loaded
        page.locator(".opblock").first.wait_for()
    folder = SCREENSHOTS / width_name
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=folder / f"{name}.png", full_page=True)
    if page.evaluate("document.documentElement.scrollWidth") > page.viewport_size["width"]:
        return page.evaluate(STICKING_OUT)
    return None


@pytest.mark.parametrize("width_name", WIDTHS)
def test_no_page_scrolls_sideways_and_each_has_its_screenshot(browser, live_server, site, width_name):
    visitor, signed_in = site
    width = WIDTHS[width_name]
    too_wide, cramped, missing = {}, {}, []
    for who, paths in {"visitor": visitor, **signed_in}.items():
        context = browser.new_context(base_url=live_server.url, locale="en-GB",
                                      viewport={"width": width, "height": 800})
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.on("response", lambda response: missing.append(response.url)
                if response.status == 404 and response.request.resource_type != "document" else None)
        if who != "visitor":
            sign_in(page, f"{who}@example.org")
        for name, path in paths.items():
            sticking_out = look_at(page, name, path, width_name)
            if sticking_out is not None:
                too_wide[name] = sticking_out
            if problems := page.evaluate(SPACING):
                cramped[name] = problems
        if width_name == "phone":  # the header's menu, open, as each kind of person sees it
            page.goto("/en/")
            page.locator(".site-menu > summary").click()
            page.screenshot(path=SCREENSHOTS / width_name / f"menu-{who}.png")
        context.close()
    assert too_wide == {}, too_wide
    assert cramped == {}, cramped
    assert missing == []  # the favicon among them


def test_on_a_phone_explores_facets_are_behind_a_filters_button_and_stay_open_while_filtering(browser, live_server):
    CommitmentFactory(title="Radio in Nairobi")
    CommitmentFactory(title="Seed testing in Lima", links={"countries": ["PE"]})
    page = open_page(browser, live_server, 390, path="/en/commitments/")
    peru = page.get_by_label(re.compile(r"^Peru"))
    expect(peru).to_be_hidden()
    first_card = page.locator("#explore-results .card").first
    assert first_card.bounding_box()["y"] < 800  # the results are on the first screen, not after the facets
    page.get_by_text("Filters", exact=True).click()
    peru.check()
    expect(page.locator(".result-count")).to_have_text("1 commitment")
    expect(page.get_by_label(re.compile(r"^Peru"))).to_be_visible()
    expect(page.get_by_text("Filters (1)", exact=True)).to_be_visible()
    page.context.close()


def test_on_a_desktop_explores_facets_stand_beside_the_results(browser, live_server):
    CommitmentFactory(title="Radio in Nairobi")
    page = open_page(browser, live_server, 1280, path="/en/commitments/")
    expect(page.get_by_label(re.compile(r"^Kenya"))).to_be_visible()
    expect(page.locator(".facets > summary")).to_be_hidden()
    page.context.close()


def test_without_javascript_the_filters_open_and_apply(browser, live_server):
    CommitmentFactory(title="Radio in Nairobi")
    CommitmentFactory(title="Seed testing in Lima", links={"countries": ["PE"]})
    page = open_page(browser, live_server, 390, javascript=False, path="/en/commitments/")
    page.get_by_text("Filters", exact=True).click()
    page.get_by_label(re.compile(r"^Peru")).check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator(".result-count")).to_have_text("1 commitment")
    page.context.close()


@pytest.mark.parametrize(("width", "columns"), [(1280, 3), (800, 2), (390, 1)])
def test_the_landing_pages_six_latest_commitments_fill_their_rows(browser, live_server, width, columns):
    CommitmentFactory.create_batch(6)
    page = open_page(browser, live_server, width, path="/en/")
    lefts = {round(card.bounding_box()["x"]) for card in page.locator(".latest .card").all()}
    assert len(lefts) == columns
    page.context.close()
