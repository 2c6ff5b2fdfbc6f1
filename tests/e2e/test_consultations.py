import re

import pytest
from consultations.builders import make_consultation
from django.utils import translation
from playwright.sync_api import expect

from actionagenda.consultations import services
from actionagenda.consultations.models import Reply
from factories import ActorFactory, UserFactory

from .conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _english():
    """get_absolute_url() reverses in the active language, which an earlier test may have left at /es/."""
    with translation.override("en"):
        yield


def _sign_in(page, user):
    page.goto("/en/accounts/login/")
    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", "correct horse battery staple")
    page.locator("form:has(#id_login) button[type=submit]").click()
    page.wait_for_url(re.compile(r"/en/(?!accounts/login)"))


def test_a_participant_replies_to_a_question_and_to_that_reply(page):
    question = make_consultation()
    user = UserFactory(name="Amina")
    ActorFactory(members=[user], country="KE")
    _sign_in(page, user)
    page.goto(question.get_absolute_url())
    page.fill("#body-q", "Regulators need **trained** staff.")
    page.get_by_role("button", name="Send", exact=True).click()
    first = page.locator("#children-root > li.reply").first
    expect(first.locator(".reply-body strong")).to_have_text("trained")
    expect(first.locator(".reply-meta")).to_contain_text("Organisation · Kenya")
    assert "#reply-" not in page.url  # htmx inserted the reply in place, no page load
    reply = Reply.objects.get()

    first.locator("summary", has_text="Reply").click()
    page.fill(f"#body-{reply.pk}", "And laboratories to detect LMOs.")
    first.get_by_role("button", name="Send reply").click()
    nested = page.locator(f"#children-{reply.pk} > li.reply")
    expect(nested).to_have_count(1)
    expect(nested.locator(".reply-body")).to_have_text("And laboratories to detect LMOs.")
    assert Reply.objects.get(parent=reply).author == user

    page.reload()  # the thread is the same when rendered by the server
    expect(page.locator(f"#children-{reply.pk} > li.reply .reply-body")).to_have_text(
        "And laboratories to detect LMOs.")


def test_a_participant_posting_too_quickly_is_told_why_in_place(page, settings):
    settings.ACTIONAGENDA_RATE_LIMITS = {**settings.ACTIONAGENDA_RATE_LIMITS, "consultation_reply": "1/60"}
    question = make_consultation()
    user = UserFactory(name="Amina")
    ActorFactory(members=[user], country="KE")
    _sign_in(page, user)
    page.goto(question.get_absolute_url())
    page.fill("#body-q", "A first view.")
    page.get_by_role("button", name="Send", exact=True).click()
    expect(page.locator("#children-root > li.reply")).to_have_count(1)
    page.fill("#body-q", "A second view, too soon.")
    with page.expect_response(lambda response: response.status == 429):
        page.get_by_role("button", name="Send", exact=True).click()
    expect(page.get_by_text("You are posting too quickly")).to_be_visible()
    expect(page.locator("#body-q")).to_have_value("A second view, too soon.")
    assert Reply.objects.count() == 1


def test_replying_works_without_javascript(browser, live_server):
    question = make_consultation()
    user = UserFactory()
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    _sign_in(page, user)
    page.goto(question.get_absolute_url())
    page.fill("#body-q", "Plain form post.")
    page.get_by_role("button", name="Send", exact=True).click()
    expect(page.locator("#children-root .reply-body")).to_have_text("Plain form post.")
    context.close()


def test_consultation_theme_and_question_pages_have_no_axe_violations(page):
    moderator = UserFactory()
    question = make_consultation(moderators=[moderator])
    participant = UserFactory()
    ActorFactory(members=[participant], country="FR")
    first = services.post_reply(user=participant, question=question, body="A *first* view\n\n- one\n- two")
    services.post_reply(user=UserFactory(), question=question, body="An answer", parent=first)
    services.moderate(user=moderator, reply=first, action="pin")
    pages = [question.theme.group.consultation.get_absolute_url(), question.theme.get_absolute_url(),
             question.get_absolute_url(), f"/en/consultations/{question.theme.group.consultation.slug}/statistics/"]
    for path in pages:
        page.goto(path)
        assert axe_violations(page) == [], path
    _sign_in(page, moderator)
    for path in pages[1:3]:
        page.goto(path)
        assert axe_violations(page) == [], path


def test_the_secretariat_previews_an_import_then_creates_it_and_the_pages_pass_axe(page, tmp_path):
    from consultations.programmes import ENGLISH

    from actionagenda.accounts.services import secretariat_group
    from actionagenda.consultations.models import Consultation

    secretariat = UserFactory()
    secretariat.groups.add(secretariat_group())
    document = tmp_path / "programme.md"
    document.write_text(ENGLISH, encoding="utf-8")
    _sign_in(page, secretariat)
    page.goto("/en/consultations/import/")
    assert axe_violations(page) == []
    page.set_input_files("#id_document", str(document))
    page.fill("#id_year", "2021")
    page.get_by_role("button", name="Preview").click()
    expect(page.locator("pre.outline")).to_contain_text("Theme 3: Public participation")
    expect(page.locator("main")).to_contain_text("https://www.cbd.int/biosafety")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Create this consultation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Online discussions on biosafety capacity-building")
    consultation = Consultation.objects.get()
    for view in ("statistics", "moderation"):
        path = f"/en/consultations/{consultation.slug}/{view}/"
        page.goto(path)
        assert axe_violations(page) == [], path
    page.goto(consultation.get_absolute_url())
    page.get_by_role("link", name="Launch webinar").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Launch webinar")
    assert axe_violations(page) == []
