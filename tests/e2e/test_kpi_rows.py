"""KPI rows added and removed in place on the commitment form (htmx), and the form's accessibility."""

import os
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from playwright.sync_api import expect

from actionagenda.commitments.models import KPI
from factories import ActorFactory, CommitmentFactory, KPIFactory, UserFactory

from .authoring import fill_first_kpi, fill_organisation_commitment
from .conftest import axe_violations
from .test_authoring import sign_in

pytestmark = pytest.mark.django_db(transaction=True)
# Outside the repository unless asked: whoever changes the form looks at them.
SCREENSHOTS = Path(os.environ.get("ACTIONAGENDA_SCREENSHOTS")
                   or Path(tempfile.gettempdir()) / "actionagenda-screenshots")


def shoot_page(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / name), full_page=True)


def shoot(page, name):
    """The KPI section as it looks (the whole page is mostly the other sections)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.locator("section[aria-labelledby=kpi-heading]").screenshot(path=str(SCREENSHOTS / name))


def test_a_kpi_row_is_added_and_removed_in_place(page):
    sign_in(page, UserFactory(email="rows@example.org"))
    page.goto("/en/commitments/new/organization/")
    page.get_by_label("Title").fill("Biosafety radio in every county")
    url = page.url

    page.get_by_role("button", name="Add another indicator").click()
    second = page.get_by_role("group", name="KPI 2")
    expect(second).to_be_visible()
    expect(page.locator("#id_kpis-TOTAL_FORMS")).to_have_value("2")
    assert page.url == url and page.get_by_label("Title").input_value() == "Biosafety radio in every county"
    second.get_by_label("Indicator").fill("Schools visited")
    assert axe_violations(page) == []
    shoot(page, "kpi-rows-1280.png")

    page.get_by_role("button", name="Remove KPI 2").click()
    expect(page.get_by_role("group", name="KPI 2")).to_have_count(0)
    expect(page.get_by_role("group", name="KPI 1")).to_be_visible()
    assert page.get_by_label("Title").input_value() == "Biosafety radio in every county"


def test_a_stored_kpi_removed_in_place_goes_when_the_draft_is_saved(page):
    author = UserFactory(email="stored-rows@example.org")
    draft = CommitmentFactory(actor=ActorFactory(members=[author]), created_by=author, status="draft",
                              published_at=None, kpi=False)
    KPIFactory(commitment=draft, name="Listeners reached", position=0)
    KPIFactory(commitment=draft, name="Schools visited", position=1, target_value=Decimal("40"))
    sign_in(page, author)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"/en/commitments/{draft.pk}/edit/")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    shoot(page, "kpi-rows-390.png")
    page.get_by_role("button", name="Remove KPI 2").click()
    expect(page.get_by_text("The indicator “Schools visited” will be removed when you save.")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_role("status")).to_contain_text("Your draft is saved")
    assert list(KPI.objects.filter(commitment=draft).values_list("name", flat=True)) == ["Listeners reached"]


def fill_kpi_with_an_interim_target(page):
    fill_organisation_commitment(page, organisation="Rift Valley Farmers", organisation_type="farmer_organization",
                                 title="Biosafety radio in every county", description="Weekly radio programmes.",
                                 start="2025-01-01", end="2028-12-31", resources="Two producers.")
    fill_first_kpi(page, indicator="Listeners reached", unit="people", baseline="0", target="5000",
                   target_date="2028-12-31")
    kpi = page.get_by_role("group", name="KPI 1")
    kpi.get_by_label("Baseline date").fill("2025-01-01")
    page.locator('[name="kpis-0-interim-0-value"]').fill("1000")
    page.locator('[name="kpis-0-interim-0-date"]').fill("2026-06-30")
    return kpi.get_by_role("group", name="Interim targets")


def saved_targets(title):
    kpi = KPI.objects.get(commitment__title=title)
    return [(target.value, target.date.isoformat()) for target in kpi.interim_targets.order_by("date")]


def test_an_interim_target_is_added_in_place_and_saved_with_the_draft(page):
    sign_in(page, UserFactory(email="interim@example.org"))
    page.goto("/en/commitments/new/organization/")
    targets = fill_kpi_with_an_interim_target(page)
    page.evaluate("window.notReloaded = true")  # gone if the button submitted the form instead of htmx

    targets.get_by_role("button", name="Add another interim target").click()
    expect(targets.locator(".interim-row")).to_have_count(2)
    expect(page.locator("#id_kpis-0-interim-TOTAL_FORMS")).to_have_value("2")
    assert page.evaluate("window.notReloaded === true")
    assert page.get_by_label("Title").input_value() == "Biosafety radio in every county"
    assert page.locator('[name="kpis-0-interim-0-value"]').input_value() == "1000"
    page.locator('[name="kpis-0-interim-1-value"]').fill("3000")
    page.locator('[name="kpis-0-interim-1-date"]').fill("2027-12-31")
    page.locator('[name="kpis-0-interim-1-phase"]').select_option(label="Implementation")
    assert axe_violations(page) == []
    shoot(page, "interim-targets-1280.png")
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    shoot(page, "interim-targets-390.png")

    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_role("status")).to_contain_text("Your draft is saved")
    assert saved_targets("Biosafety radio in every county") == [
        (Decimal("1000"), "2026-06-30"), (Decimal("3000"), "2027-12-31")]
    assert KPI.objects.get().interim_targets.get(value=3000).phase == "implementation"


def test_without_javascript_adding_an_interim_target_reloads_the_form_with_one_more_row(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="en-GB", java_script_enabled=False)
    page = context.new_page()
    try:
        sign_in(page, UserFactory(email="no-script@example.org"))
        page.goto("/en/commitments/new/organization/")
        targets = fill_kpi_with_an_interim_target(page)
        targets.get_by_role("button", name="Add another interim target").click()
        expect(page.locator('[name="kpis-0-interim-1-value"]')).to_be_visible()
        assert page.locator('[name="kpis-0-interim-0-value"]').input_value() == "1000"
        page.locator('[name="kpis-0-interim-1-value"]').fill("3000")
        page.locator('[name="kpis-0-interim-1-date"]').fill("2027-12-31")
        page.get_by_role("button", name="Save draft").click()
        expect(page.get_by_role("status")).to_contain_text("Your draft is saved")
        assert saved_targets("Biosafety radio in every county") == [
            (Decimal("1000"), "2026-06-30"), (Decimal("3000"), "2027-12-31")]
    finally:
        context.close()
