"""The embeddable components on a partner's page served from another origin (a plain HTML file, its own little
HTTP server): in French, accessible, and the embed builder on our own page under our Content-Security-Policy.
Screenshots at 1280 and 390 px are saved in tests/e2e/screenshots/embed/."""

import datetime
import functools
import http.server
import re
import threading
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import translation
from playwright.sync_api import expect

from actionagenda.progress.models import Reading
from actionagenda.vocabularies import catalogue
from factories import CommitmentFactory

from .conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)

SCREENSHOTS = Path(__file__).parent / "screenshots" / "embed"
WIDTHS = {"desktop": 1280, "phone": 390}

FRENCH_STATES = {"achieved": "Atteint", "on_track": "En bonne voie", "at_risk": "À risque", "off_track": "En retard",
                 "regressing": "En recul", "no_data": "Pas de données"}
FRAMING_PAGE = """<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Catégories</title></head>
<body><main><h1>Nos catégories</h1>
<iframe src="{platform}/embed/frame/categories/?lang=fr" title="Catégories d’action" width="600" height="500"></iframe>
</main></body></html>
"""
PARTNER_PAGE = """<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Réseau national de biosécurité</title>
<style>body {{ font-family: Georgia, serif; max-width: 60rem; margin: 0 auto; padding: 1rem; }}
aa-statistics {{ --aa-accent: #0b4f8a; }} main > * {{ margin-bottom: 1rem; }}</style></head>
<body><main><h1>Réseau national de biosécurité</h1>
<aa-commitments country="KE" limit="3"></aa-commitments>
<aa-commitment commitment-id="{commitment_id}"></aa-commitment>
<aa-statistics></aa-statistics>
<aa-categories></aa-categories>
<aa-commitments api="http://127.0.0.1:9/" class="unreachable"></aa-commitments>
</main>
<script src="{platform}/static/interop/embed.js" defer></script>
</body></html>
"""


@pytest.fixture
def published():
    with translation.override("en"):
        kenya = CommitmentFactory(title="Biosafety radio in Nairobi",
                                  links={"countries": ["KE"], "ip_elements": ["IP-RA", "IP-PAEP"]})
        CommitmentFactory(title="Radio à Dakar", links={"countries": ["SN"], "ip_elements": ["IP-RA"]})
    kpi = kenya.kpis.get()
    kpi.baseline_value, kpi.target_value = Decimal(0), Decimal(5000)
    kpi.save()
    Reading.objects.create(kpi=kpi, date=datetime.date(2026, 1, 15), value=Decimal(2000))
    return kenya


@pytest.fixture
def partner_site(tmp_path, live_server, published):
    """A partner's static page on 127.0.0.1 at a port the system picks (a fixed one may be taken by another run on
    the machine), another origin than the live server's."""
    (tmp_path / "index.html").write_text(PARTNER_PAGE.format(platform=live_server.url, commitment_id=published.pk))
    (tmp_path / "frame.html").write_text(FRAMING_PAGE.format(platform=live_server.url))
    handler = functools.partial(QuietHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/index.html"
    server.shutdown()
    server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def new_page(browser, width=1280, javascript=True):
    context = browser.new_context(locale="fr-FR", viewport={"width": width, "height": 900},
                                  java_script_enabled=javascript)
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page


def french(vocabulary, code):
    with translation.override("fr"):
        return vocabulary.label_of(code)


def test_a_partner_page_on_another_origin_shows_the_components_in_french(browser, partner_site, live_server,
                                                                            published):
    page = new_page(browser)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(partner_site)
    assert live_server.url not in partner_site

    listing = page.locator("aa-commitments").first
    expect(listing.get_by_role("heading", name="Engagements pour la biosécurité")).to_be_visible()
    expect(listing.get_by_role("link", name="Biosafety radio in Nairobi")).to_have_attribute(
        "href", published_url(published, "fr"))
    expect(listing).to_contain_text("1 engagement")
    expect(listing).to_contain_text("Kenya")
    expect(listing).not_to_contain_text("Radio à Dakar")

    one = page.locator("aa-commitment")
    expect(one.get_by_role("heading", name="Biosafety radio in Nairobi")).to_be_visible()
    expect(one.get_by_role("progressbar", name="People reached")).to_have_attribute("value", "40")
    expect(one).to_contain_text(re.compile(r"40\W%"))
    expect(one).to_contain_text(FRENCH_STATES[kpi_state(published)])

    statistics = page.locator("aa-statistics")
    expect(statistics.get_by_role("heading", name="Les engagements pour la biosécurité en chiffres")).to_be_visible()
    expect(statistics.locator("li").filter(has_text="engagements publiés")).to_contain_text("2")
    expect(statistics.locator("li").filter(has_text=french(catalogue.REGIONS, "002"))).to_contain_text(
        "2 engagements")

    categories = page.locator("aa-categories")
    expect(categories.get_by_role("heading", name="Catégories d’action pour la biosécurité")).to_be_visible()
    expect(categories.get_by_role("heading", name="Domaines de mise en œuvre")).to_be_visible()
    risk = french(catalogue.IP_ELEMENTS, "IP-RA")
    expect(categories.get_by_role("link", name=risk)).to_have_attribute(
        "href", f"{live_server.url}/fr/commitments/?ip_element=IP-RA")
    expect(categories.locator("li").filter(has_text=risk)).to_contain_text("2 engagements")

    unreachable = page.locator("aa-commitments.unreachable").get_by_role("status")
    expect(unreachable).to_have_text("Désolé, le contenu n’a pas pu être chargé. Veuillez réessayer plus tard.")
    assert errors == []
    assert axe_violations(page) == []


def published_url(commitment, language):
    """The commitment's page at the public address, in the language the component asked the API for."""
    from actionagenda import links

    with translation.override(language):
        return links.absolute(commitment.get_absolute_url())


def kpi_state(commitment):
    """The state of the commitment's KPI today, as the API record says it (never refreshed: computed, not stored)."""
    from actionagenda.progress import public

    return public.read(commitment).kpis[0].progress.state


@pytest.mark.parametrize("width_name", WIDTHS)
def test_screenshots_of_the_partner_page_and_the_builder(browser, partner_site, live_server, width_name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = new_page(browser, WIDTHS[width_name])
    page.goto(partner_site)
    expect(page.locator("aa-categories").get_by_role("list").first).to_be_visible()
    expect(page.locator("aa-commitment").get_by_role("progressbar").first).to_be_visible()
    page.screenshot(path=SCREENSHOTS / f"partner-{width_name}.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS[width_name]
    page.goto(f"{live_server.url}/fr/embed/?component=statistics&lang=fr")
    expect(page.locator("aa-statistics").get_by_role("heading", level=2).first).to_be_visible()
    page.screenshot(path=SCREENSHOTS / f"builder-{width_name}.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS[width_name]


def test_the_builder_previews_live_copies_and_keeps_our_policy(browser, live_server, published):
    page = new_page(browser)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    problems = []
    page.context.expose_binding("reportViolation", lambda source, text: problems.append(text))
    page.context.add_init_script("document.addEventListener('securitypolicyviolation', "
                                 "e => window.reportViolation(`${e.effectiveDirective} ${e.blockedURI}`));")
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(f"{live_server.url}/en/embed/")
    preview = page.locator(".embed-preview aa-commitments")
    expect(preview.get_by_role("link", name="Radio à Dakar")).to_be_visible()

    page.get_by_label("Country").select_option("KE")
    expect(page.locator(".embed-preview aa-commitments[country=KE]")).to_be_attached()
    expect(page.locator(".embed-preview").get_by_role("link", name="Radio à Dakar")).to_have_count(0)
    expect(page.locator(".embed-preview").get_by_role("link", name="Biosafety radio in Nairobi")).to_be_visible()
    snippet = page.get_by_role("textbox", name="Snippet for your page")
    expect(snippet).to_have_value(f'<script src="{published_url_root()}/static/interop/embed.js" defer></script>\n'
                                  '<aa-commitments lang="en" country="KE"></aa-commitments>')
    assert "country=KE" in page.url

    page.get_by_role("button", name="Copy the snippet").click()
    expect(page.get_by_role("status").filter(has_text="Copied.")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == snippet.input_value()

    page.get_by_label("Statistics: totals and a chart").check()
    expect(page.locator(".embed-preview aa-statistics").get_by_role("heading", level=2)).to_be_visible()
    expect(page.get_by_role("combobox", name="Chart")).to_be_visible()
    expect(page.get_by_role("combobox", name="Country", include_hidden=True)).to_be_hidden()
    assert problems == []
    assert axe_violations(page) == []


def published_url_root():
    from actionagenda import links

    return links.absolute("/").rstrip("/")


def test_without_javascript_the_builder_still_gives_the_snippets(browser, live_server, published):
    page = new_page(browser, javascript=False)
    page.goto(f"{live_server.url}/en/embed/")
    page.get_by_label("The biosafety action categories with counts").check()
    page.get_by_role("button", name="Update the preview").click()
    expect(page.get_by_role("textbox", name="Snippet for your page")).to_have_value(
        f'<script src="{published_url_root()}/static/interop/embed.js" defer></script>\n'
        '<aa-categories lang="en"></aa-categories>')
    expect(page.get_by_role("textbox", name="Frame snippet")).to_contain_text("/embed/frame/categories/?lang=en")
    expect(page.get_by_role("button", name="Copy the snippet")).to_be_hidden()


def test_a_frame_page_shows_inside_a_partners_iframe(browser, partner_site):
    page = new_page(browser)
    page.goto(partner_site.replace("index.html", "frame.html"))
    frame = page.frame_locator("iframe")
    expect(frame.get_by_role("heading", level=1)).to_have_text("Catégories d’action pour la biosécurité")
    expect(frame.locator("li").filter(has_text=french(catalogue.IP_ELEMENTS, "IP-RA"))).to_contain_text(
        "2 engagements")
    assert axe_violations(page) == []
