"""In Chromium: an author files a progress report with a reading and the public sees it on the report's page and
the commitment's; the secretariat returns a report; an author discontinues the commitment with a public reason.
axe finds nothing on the report form (blank, refused, on a phone's width), the report, the decision form and the
phase form."""

import datetime
import os
import re

import pytest
from playwright.sync_api import expect

from factories import ActorFactory, CommitmentFactory, KPIFactory, UserFactory

from .conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "correct horse battery staple"  # the factories' password
SCREENSHOTS = os.environ.get("ACTIONAGENDA_SCREENSHOTS")  # a folder, to look at the pages


@pytest.fixture
def commitment():
    author = UserFactory(email="reporter@example.org")
    commitment = CommitmentFactory(title="Biosafety radio in Kisumu", actor=ActorFactory(members=[author]),
                                   kpi=False, reporting_cadence="yearly",
                                   published_at=datetime.datetime(2025, 2, 1, tzinfo=datetime.UTC))
    KPIFactory(commitment=commitment, name="Listeners reached", unit="listeners")
    return commitment


def sign_in(page):
    page.goto("/en/accounts/login/")
    page.get_by_label("E-mail address").fill("reporter@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/commitments/mine/")


def shoot(page, name):
    if SCREENSHOTS:
        page.screenshot(path=os.path.join(SCREENSHOTS, f"{name}.png"), full_page=True)


def test_an_author_files_a_report_with_a_reading_and_the_public_sees_it(page, browser, live_server, commitment):
    sign_in(page)
    page.goto(commitment.get_absolute_url())
    page.get_by_role("link", name="Report progress").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Report progress")
    assert axe_violations(page) == []
    shoot(page, "report-form-1280")

    reading = page.get_by_role("group", name="Listeners reached")
    reading.get_by_label("Value (listeners)").fill("2,400")  # a comma: refused, and nothing typed is lost
    page.get_by_label("What happened").fill("Twelve radio programmes on **living modified organisms** aired.")
    page.get_by_role("button", name="Submit: public at once").click()
    expect(reading.get_by_text("Enter a number")).to_be_visible()
    expect(page.get_by_label("What happened")).to_have_value(
        "Twelve radio programmes on **living modified organisms** aired.")
    assert axe_violations(page) == []

    reading.get_by_label("Value (listeners)").fill("2400")
    reading.get_by_label("Note").fill("Station survey")
    page.get_by_role("button", name="Submit: public at once").click()
    expect(page.get_by_role("status")).to_contain_text("your report is public")
    shoot(page, "report-page-1280")

    visitor = browser.new_context(base_url=live_server.url, locale="en-GB").new_page()
    visitor.goto(commitment.get_absolute_url())
    visitor.get_by_role("link", name=re.compile(r"^Progress report, 1 Jan.* 2025 – 31 Dec.* 2025$")).click()
    expect(visitor.get_by_text("Self-reported", exact=True)).to_be_visible()
    expect(visitor.get_by_role("row", name="Listeners reached")).to_contain_text("2400 listeners")
    expect(visitor.locator("strong", has_text="living modified organisms")).to_be_visible()  # Markdown rendered
    assert axe_violations(visitor) == []
    visitor.context.close()


def test_the_report_form_passes_axe_on_a_phone(browser, live_server, commitment):
    context = browser.new_context(base_url=live_server.url, locale="en-GB", viewport={"width": 390, "height": 844})
    page = context.new_page()
    sign_in(page)
    page.goto(f"/en/commitments/{commitment.pk}/reports/new/")
    assert axe_violations(page) == []
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the form is {width} px wide on a 390 px screen"
    shoot(page, "report-form-390")
    page.goto(commitment.get_absolute_url())
    shoot(page, "commitment-390")
    context.close()


def test_the_secretariat_returns_a_report_and_it_leaves_the_public_page(page, browser, live_server, commitment):
    from actionagenda.accounts.services import make_secretariat
    from actionagenda.progress import reports

    make_secretariat("sec@example.org", password=PASSWORD)
    author = commitment.actor.members.get()
    report = reports.save(commitment, author, reports.ReportInput(
        period_start="2025-01-01", period_end="2025-12-31", narrative="Twelve programmes aired.",
        readings=[reports.ReadingInput(commitment.kpis.get().pk, "2400")]), submit=True)
    page.goto("/en/accounts/login/")
    page.get_by_label("E-mail address").fill("sec@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/commitments/moderation/")
    page.goto(report.get_absolute_url())
    page.get_by_role("button", name="Return for changes").click()  # without a comment first
    expect(page.get_by_text("Say what the authors should change")).to_be_visible()
    assert axe_violations(page) == []
    shoot(page, "report-decision-1280")
    page.get_by_label("Comment to the authors").fill("Please say how the listeners were counted.")
    page.get_by_role("button", name="Return for changes").click()
    expect(page.get_by_role("status")).to_contain_text("Returned for changes")
    expect(page.get_by_text("Please say how the listeners were counted.")).to_be_visible()

    visitor = browser.new_context(base_url=live_server.url, locale="en-GB").new_page()
    assert visitor.goto(report.get_absolute_url()).status == 404
    visitor.goto(commitment.get_absolute_url())
    expect(visitor.get_by_text("No progress reported yet.")).to_be_visible()
    visitor.context.close()


def test_an_author_discontinues_the_commitment_with_a_public_reason(page, commitment):
    sign_in(page)
    page.goto(commitment.get_absolute_url())
    page.get_by_role("link", name="Move to a new phase").click()
    page.get_by_label("New phase").select_option("discontinued")
    page.get_by_role("button", name="Record the move").click()  # without the reason first
    expect(page.get_by_text("Say publicly why the commitment is discontinued.")).to_be_visible()
    assert axe_violations(page) == []
    shoot(page, "phase-form-1280")
    page.get_by_label("Public reason").fill("The radio station closed in March.")
    page.get_by_role("button", name="Record the move").click()
    expect(page.get_by_role("status")).to_contain_text("The new phase is recorded")
    expect(page.get_by_role("region", name=re.compile("^Discontinued on"))).to_contain_text(
        "The radio station closed in March.")
    assert axe_violations(page) == []


def test_a_filed_reading_moves_the_chart_the_scorecard_and_the_explore_facet(page, browser, live_server, commitment):
    from actionagenda.progress import services
    from actionagenda.progress.choices import State
    from actionagenda.progress.models import KPIProgress

    services.refresh([commitment.pk])  # as publishing does (the factory publishes without the workflow)
    visitor = browser.new_context(base_url=live_server.url, locale="en-GB").new_page()
    visitor.goto("/en/commitments/?kpi_state=no_data")
    expect(visitor.get_by_role("link", name="Biosafety radio in Kisumu")).to_be_visible()
    visitor.goto(commitment.get_absolute_url())
    expect(visitor.locator(".scorecard")).to_contain_text("No data")

    sign_in(page)
    page.goto(commitment.get_absolute_url())
    page.get_by_role("link", name="Report progress").click()
    page.get_by_role("group", name="Listeners reached").get_by_label("Value (listeners)").fill("2400")
    page.get_by_label("What happened").fill("Twelve radio programmes aired.")
    page.get_by_role("button", name="Submit: public at once").click()
    expect(page.get_by_role("status")).to_contain_text("your report is public")

    # Baseline 0, target 5000: the reading is 48 % of the way, in the scorecard and on the KPI's bar.
    visitor.goto(commitment.get_absolute_url())
    expect(visitor.locator(".scorecard")).to_contain_text("48 %")
    expect(visitor.locator(".scorecard")).to_contain_text("Reported for the last period due")
    bar = visitor.locator("svg[role=img]").filter(has_text="Listeners reached").first
    expect(bar).to_be_visible()
    state = KPIProgress.objects.get(kpi__commitment=commitment).state
    assert state != State.NO_DATA
    visitor.goto("/en/commitments/?kpi_state=no_data")
    expect(visitor.get_by_role("link", name="Biosafety radio in Kisumu")).to_have_count(0)
    visitor.goto(f"/en/commitments/?kpi_state={state}")
    expect(visitor.get_by_role("link", name="Biosafety radio in Kisumu")).to_be_visible()
    expect(visitor.get_by_role("group", name="KPI state")).to_contain_text(str(State(state).label))
