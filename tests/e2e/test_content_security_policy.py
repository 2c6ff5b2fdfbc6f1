"""Every page kind keeps the Content-Security-Policy in Chromium: no violation, no script error, and nothing
requested from another origin (the site works offline)."""

import re

import pytest
from consultations.builders import make_consultation
from django.core.files.base import ContentFile
from django.utils import translation
from playwright.sync_api import expect

from actionagenda.accounts.services import make_secretariat
from actionagenda.assistant import services as assistant
from actionagenda.outreach.demo import illustration
from factories import ActorFactory, CommitmentFactory, EventFactory, NewsItemFactory, QuoteFactory, UserFactory

from .authoring import fill_first_kpi
from .conftest import settled

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _english():
    """get_absolute_url() follows the active language, which an earlier test may have left at /es/."""
    with translation.override("en"):
        yield


@pytest.fixture
def problems(page, live_server):
    """What the browser reports against the policy (or in spite of it), for the test to find empty."""
    found = []
    page.context.expose_binding("reportViolation", lambda source, text: found.append(f"CSP violation: {text}"))
    page.context.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => window.reportViolation("
        "`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} on ${e.documentURI} "
        "(${e.sourceFile}:${e.lineNumber})`));")
    page.on("console", lambda message: found.append(f"console: {message.text}")
            if "Content Security Policy" in message.text else None)
    page.on("pageerror", lambda error: found.append(f"script error: {error}"))
    page.on("request", lambda request: found.append(f"request to another origin: {request.url}")
            if not request.url.startswith((live_server.url, "data:", "blob:")) else None)
    return found


def visit(page, path: str) -> None:
    response = page.goto(path)
    policy = response.header_value("content-security-policy") or ""
    assert "default-src 'self'" in policy and "'unsafe-inline'" not in policy, (path, policy)


def sign_in(page, email: str) -> None:
    page.goto("/en/accounts/login/")
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_url(re.compile(r"/en/(?!accounts/login)"))


def test_public_pages_keep_the_policy(page, problems):
    commitment = CommitmentFactory(title="Biosafety radio in Nairobi")
    event = EventFactory(title="Risk assessment of LMOs")
    question = make_consultation()
    story = NewsItemFactory(kind="story", profiled_actor=commitment.actor, image_alt_en="Leaves.")
    story.image.save("leaves.png", ContentFile(illustration()))
    QuoteFactory(story=story, on_landing=True)
    for path in ("/en/", "/fr/", commitment.get_absolute_url(), "/en/events/", event.get_absolute_url(),
                 "/en/news/", story.get_absolute_url(), commitment.actor.get_absolute_url(), "/en/faq/",
                 "/en/consultations/", question.theme.group.consultation.get_absolute_url(),
                 question.theme.get_absolute_url(), question.get_absolute_url(), "/en/accounts/login/",
                 "/en/accounts/signup/", "/en/commitments/999999/", "/en/statistics/", "/es/statistics/?country=KE",
                 "/fr/open-data/"):
        visit(page, path)
        settled(page)
    visit(page, "/en/commitments/")
    page.locator("#explore-results").wait_for()
    with page.expect_response(re.compile(r"/en/commitments/\?")):
        page.locator("input[name=actor_type]").first.check()  # htmx swaps the results in
    settled(page)
    assert problems == []


def test_the_ask_page_keeps_the_policy(page, problems):
    assistant.load_catalogue()
    visit(page, "/en/ask/")
    page.get_by_role("searchbox").fill("gene drive mosquito risk assessment")
    page.get_by_role("button", name="Ask", exact=True).click()
    page.locator(".assistant-results > li").first.wait_for()
    assert problems == []


def test_the_api_documentation_works_offline_under_the_policy(page, problems):
    visit(page, "/api/v1/docs")
    expect(page.locator(".opblock").first).to_be_visible()
    expect(page.locator("#swagger-ui")).to_contain_text("/api/v1/commitments")
    assert problems == []


def test_the_commitment_form_and_its_live_smart_panel_keep_the_policy(page, problems):
    UserFactory(email="amina@example.org")
    sign_in(page, "amina@example.org")
    visit(page, "/en/commitments/new/organization/")
    measurable = page.locator('#smart-panel [data-criterion="measurable"]')
    expect(measurable).to_have_class(re.compile(r"\bmissing\b"))
    fill_first_kpi(page, indicator="Listeners reached", unit="people", baseline="0", target="100000",
                   target_date="2027-12-31")
    expect(measurable).to_have_class(re.compile(r"\bmet\b"))  # the panel answered through htmx
    visit(page, "/en/commitments/mine/")
    visit(page, "/en/accounts/email/")
    assert problems == []


def test_a_consultation_reply_sent_with_htmx_keeps_the_policy(page, problems):
    question = make_consultation()
    user = UserFactory(email="pat@example.org")
    ActorFactory(members=[user], country="KE")
    sign_in(page, "pat@example.org")
    visit(page, question.get_absolute_url())
    page.fill("#body-q", "Regulators need **trained** staff.")
    page.get_by_role("button", name="Send", exact=True).click()
    expect(page.locator("#children-root > li.reply .reply-body strong")).to_have_text("trained")
    assert problems == []


def test_the_admin_keeps_the_policy(page, problems, settings):
    settings.ACTIONAGENDA_SECRETARIAT_MFA = False
    make_secretariat("secretariat@example.org", password=PASSWORD)
    commitment = CommitmentFactory(title="Biosafety radio in Nairobi")
    event = EventFactory(title="Risk assessment of LMOs")
    sign_in(page, "secretariat@example.org")
    for path in ("/en/admin/", "/en/admin/commitments/commitment/",
                 f"/en/admin/commitments/commitment/{commitment.pk}/change/", "/en/admin/events/event/add/",
                 f"/en/admin/events/event/{event.pk}/change/", "/en/commitments/moderation/"):
        visit(page, path)
        settled(page)
    assert problems == []
