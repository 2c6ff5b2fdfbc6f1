"""The secretariat's list of overdue and inactive commitments in Chromium: reached from moderation, axe-clean."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from actionagenda.progress import services
from factories import CommitmentFactory

from .conftest import axe_violations
from .test_moderation import PASSWORD, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_secretariat_filters_the_overdue_list_and_it_has_no_axe_violations(page):
    from actionagenda.accounts.services import make_secretariat

    make_secretariat("sec@example.org", password=PASSWORD)
    late = CommitmentFactory(title="Seed stewardship in Kumasi", published_at=timezone.now() - datetime.timedelta(
        days=900), start_date=datetime.date(2020, 1, 1))
    fresh = CommitmentFactory(title="Radio in Nairobi", published_at=timezone.now())
    services.refresh([late.pk, fresh.pk])
    sign_in(page)
    page.get_by_text("Account", exact=True).click()  # the header's account menu
    page.get_by_role("link", name="Moderation").click()
    page.get_by_role("link", name="Overdue and inactive commitments").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Overdue and inactive commitments")
    assert page.get_by_role("link", name="Seed stewardship in Kumasi").is_visible()
    assert page.get_by_role("link", name="Radio in Nairobi").count() == 0
    assert axe_violations(page) == []
    page.get_by_label("Reporting").select_option("amber")
    page.get_by_role("button", name="Apply").click()
    expect(page.get_by_text("No commitment is overdue or inactive.")).to_be_visible()
    assert axe_violations(page) == []
