"""KPI rows added and removed in place on the commitment form (htmx), and the form's accessibility."""

import os
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from playwright.sync_api import expect

from actionagenda.commitments.models import KPI
from factories import ActorFactory, CommitmentFactory, KPIFactory, UserFactory

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
