import re

import pytest
from playwright.sync_api import expect
from stats.fixtures import make

from .conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


def figure(page, label: str):
    return page.locator(".figures li").filter(has_text=label).locator("strong")


def test_filtering_the_statistics_by_a_country_narrows_every_figure_and_can_be_shared(page, browser, live_server):
    make()
    page.goto("/en/statistics/")
    expect(figure(page, "published commitments")).to_have_text("4")
    assert axe_violations(page) == []
    page.get_by_label("Country", exact=True).select_option(label="Kenya")
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"/en/statistics/\?.*country=KE"))
    expect(figure(page, "published commitments")).to_have_text("2")
    expect(figure(page, "countries")).to_have_text("2")
    expect(page.get_by_role("link", name="Remove filter Country: Kenya")).to_be_visible()
    kenya = page.locator('#chart-country-title ~ path[data-code="KE"]')
    expect(kenya).to_have_attribute("stroke-width", "4")  # the filtered country is outlined on the map
    page.locator("#country summary").click()  # the map's table, folded away
    expect(page.locator("#country table").get_by_role("row", name=re.compile("^Uganda 1"))).to_be_visible()
    assert axe_violations(page) == []

    shared = browser.new_context(base_url=live_server.url, locale="fr-FR", viewport={"width": 390, "height": 800})
    phone = shared.new_page()
    phone.goto(page.url.replace("/en/", "/fr/"))
    expect(phone.locator(".figures li").filter(has_text="engagements publiés").locator("strong")).to_have_text("2")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.get_by_text("Filtres (1)").click()
    expect(phone.get_by_label("Pays", exact=True)).to_have_value("KE")
    with phone.expect_download() as download:
        phone.locator("#language").get_by_role("link", name=re.compile("Télécharger en CSV")).click()
    assert download.value.suggested_filename == "statistics-language.csv"
    assert axe_violations(phone) == []
    shared.close()
