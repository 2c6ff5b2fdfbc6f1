"""The demo a newcomer starts on a port of their choosing: every kind of absolute link it hands out (a detail
page's share link, the API's `url` fields, calendar files, the links in the e-mails it prints on the console)
leads to a page that answers, on that port."""

import json
import re
from urllib.parse import unquote

import pytest
from demo_process import free_port, running_demo

# One demo for the module: its tests stay on one worker when the suite runs in parallel (pytest-xdist).
pytestmark = pytest.mark.xdist_group("demo-links")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    port = free_port()
    assert port != 8000
    with running_demo(tmp_path_factory.mktemp("demo-data"), port) as demo:
        yield demo


@pytest.fixture
def visitor(browser, demo):
    context = browser.new_context(base_url=demo.url, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def follow(page, url: str, demo) -> None:
    assert url.startswith(f"{demo.url}/"), url
    response = page.request.get(url)
    assert response.status == 200, (url, response.status)


def links_in_new_output(demo, seen: int) -> list[str]:
    return re.findall(rf"{re.escape(demo.url)}/[^\s\"<>]+", demo.output()[seen:])


def test_a_detail_pages_share_links_lead_to_the_page(visitor, demo):
    visitor.goto("/en/commitments/")
    visitor.locator("#explore-results h3 a").first.click()
    visitor.locator("#share-url").wait_for()
    shared = visitor.locator("#share-url").input_value()
    assert shared == visitor.url
    follow(visitor, shared, demo)
    canonical = visitor.locator("link[rel=canonical]").get_attribute("href")
    assert canonical == shared
    for name in ("X", "LinkedIn", "Facebook"):
        assert shared in unquote(visitor.get_by_role("link", name=name, exact=True).get_attribute("href"))


def test_the_apis_url_fields_lead_to_the_pages(visitor, demo):
    page = json.loads(visitor.request.get(f"{demo.url}/api/v1/commitments").text())
    assert page["items"]
    for item in page["items"][:3]:
        follow(visitor, item["url"], demo)
        one = json.loads(visitor.request.get(f"{demo.url}/api/v1/commitments/{item['id']}").text())
        assert one["url"] == item["url"]


def test_the_calendar_files_link_event_pages_that_answer(visitor, demo):
    visitor.goto("/en/events/")
    feed = visitor.request.get(f"{demo.url}/en/events/calendar.ics").text().replace("\r\n ", "")
    visitor.locator(".event-list a").first.click()
    one = visitor.request.get(visitor.get_by_role("link", name="Add to my calendar (.ics)")
                              .get_attribute("href")).text().replace("\r\n ", "")
    for calendar in (feed, one):
        pages = re.findall(r"^URL:(\S+)", calendar, re.MULTILINE)
        assert pages
        for url in pages:
            follow(visitor, url, demo)


def test_the_links_in_a_webinar_registrations_e_mails_lead_to_pages(visitor, demo):
    seen = len(demo.output())
    visitor.goto("/en/events/")
    visitor.locator(".event-list a").first.click()
    visitor.locator("#id_name").fill("Amina Diallo")
    visitor.locator("#id_email").fill("amina@example.org")
    visitor.locator("#id_actor_type").select_option(index=1)
    visitor.locator("input[name=consent]").check()
    visitor.get_by_role("button", name=re.compile("Register|Join the waitlist")).click()
    visitor.wait_for_load_state()
    found = links_in_new_output(demo, seen)
    assert any("/confirm/" in url for url in found), demo.output()[seen:]
    for url in found:
        follow(visitor, url, demo)


def test_the_link_in_the_sign_up_e_mail_leads_to_its_page(visitor, demo):
    seen = len(demo.output())
    visitor.goto("/en/accounts/signup/")
    visitor.locator("#id_email").fill("newcomer@example.org")
    visitor.locator("#id_password1").fill("a sturdy biosafety passphrase")
    visitor.locator("#id_password2").fill("a sturdy biosafety passphrase")
    visitor.locator("#id_password2").press("Enter")
    visitor.wait_for_url(re.compile("confirm-email"))
    found = links_in_new_output(demo, seen)
    assert any("/accounts/confirm-email/" in url for url in found), demo.output()[seen:]
    for url in found:
        follow(visitor, url, demo)
