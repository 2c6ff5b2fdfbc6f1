import re

import pytest
from django.core import mail
from django.utils import translation

from actionagenda.events.models import Registration, Speaker
from factories import EventFactory, RegistrationFactory

from .conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _english_urls():
    """get_absolute_url() follows the active language, which an earlier test may have left at /es/."""
    with translation.override("en"):
        yield


def webinar(**fields):
    fields.setdefault("capacity", 50)
    event = EventFactory(title="Risk assessment of LMOs", timezone="Africa/Nairobi", **fields)
    Speaker.objects.create(event=event, name="Dr Wanjiru Kamau", affiliation="National Biosafety Authority")
    return event


def follow_the_confirmation_link(page, address: str) -> None:
    """Open the link of the confirmation e-mail sent to `address` and press its button."""
    [pending] = [m for m in mail.outbox if m.to == [address] and "Please confirm" in m.subject]
    page.goto(re.search(r"/[a-z]{2}/events/confirm/\S+/", pending.body).group(0))
    page.get_by_role("button", name="Confirm my registration").click()


def test_a_visitor_registers_for_a_webinar_and_sees_the_online_link_after_confirming(page):
    event = webinar()
    page.goto(event.get_absolute_url())
    assert page.get_by_role("heading", level=1).inner_text() == "Risk assessment of LMOs", page.content()[-3000:]
    page.get_by_role("textbox", name="Name (required)", exact=True).fill("Amina Otieno")
    page.get_by_role("textbox", name="E-mail").fill("amina@example.org")
    page.get_by_role("textbox", name="Organisation").fill("Kenya Biosafety Network")
    page.get_by_role("combobox", name="Country").select_option("KE")
    page.get_by_role("combobox", name="Actor type").select_option("organization")
    page.get_by_label(re.compile("I agree that the secretariat stores")).check()
    page.get_by_role("button", name="Register").click()
    page.get_by_text("Almost done: we have sent a link to amina@example.org.").wait_for()
    assert page.locator("#online-link").count() == 0
    follow_the_confirmation_link(page, "amina@example.org")
    page.get_by_text("You are registered.").wait_for()
    assert page.locator("#registrant-status").inner_text() == "Amina Otieno, your place is confirmed."
    assert page.locator("#online-link").get_attribute("href") == event.online_url
    assert Registration.objects.get(event=event).status == "confirmed"
    [confirmation] = [m for m in mail.outbox if m.to == ["amina@example.org"] and m.attachments]
    assert event.online_url in confirmation.body
    assert confirmation.attachments[0][0] == "invitation.ics"
    assert axe_violations(page) == []


def test_the_start_time_is_rewritten_to_the_browsers_time_zone(browser, live_server):
    event = webinar()
    context = browser.new_context(base_url=live_server.url, locale="en-GB", timezone_id="America/Lima")
    page = context.new_page()
    page.goto(event.get_absolute_url())
    time = page.locator("time[data-localised]").first
    expected_hour = f"{(event.starts_at.hour - 5) % 24:02d}:00"  # Lima is UTC-5 all year
    assert expected_hour in time.inner_text()
    assert time.get_attribute("datetime").endswith("Z")
    context.close()


def test_a_full_webinar_offers_the_waitlist_without_the_link(page):
    event = webinar(capacity=1)
    RegistrationFactory(event=event)
    page.goto(event.get_absolute_url())
    page.get_by_role("textbox", name="Name (required)", exact=True).fill("Late Comer")
    page.get_by_role("textbox", name="E-mail").fill("late@example.org")
    page.get_by_role("combobox", name="Actor type").select_option("individual")
    page.get_by_label(re.compile("I agree")).check()
    page.get_by_role("button", name="Join the waitlist").click()
    page.get_by_text("Almost done").wait_for()
    follow_the_confirmation_link(page, "late@example.org")
    page.get_by_text("you are on the waitlist (position 1)").wait_for()
    assert page.locator("#online-link").count() == 0


@pytest.mark.parametrize("path", ["/en/events/", "/fr/events/"])
def test_the_events_list_has_no_axe_violations(page, path):
    webinar()
    EventFactory(title="Biosafety week", kind="biosafety_week", location="Nairobi")
    page.goto(path)
    assert axe_violations(page) == []


def test_the_event_page_and_its_form_errors_have_no_axe_violations(page):
    event = webinar()
    page.goto(event.get_absolute_url())
    assert axe_violations(page) == []
    page.get_by_role("button", name="Register").click()
    page.get_by_text("Please agree to the use of your data").wait_for()
    assert axe_violations(page) == []


def test_the_registration_page_has_no_axe_violations(page):
    registration = RegistrationFactory(event=webinar())
    page.goto(registration.get_cancel_url())
    assert axe_violations(page) == []
    page.get_by_role("button", name="Cancel my registration").click()
    page.get_by_text("Your registration is cancelled.").wait_for()
    registration.refresh_from_db()
    assert registration.status == "cancelled"
