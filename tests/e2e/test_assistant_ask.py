import pytest
from django.utils import translation
from django.utils.translation import gettext

from actionagenda.assistant import services

from .conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


def test_asking_in_french_shows_documents_with_highlighted_passages(page):
    services.load_catalogue()
    page.goto("/fr/ask/")
    assert axe_violations(page) == []
    question = "Quelle est la responsabilité d'un exploitant en cas de dommage causé par un OVM ?"
    page.get_by_role("searchbox").fill(question)
    with translation.override("fr"):
        ask = gettext("Ask")
    page.get_by_role("button", name=ask, exact=True).click()
    first = page.locator(".assistant-results > li").first
    first.wait_for()
    # The liability documents, titled in French.
    assert "responsabilité et la réparation" in first.get_by_role("heading").inner_text()
    assert page.locator(".assistant-results mark").count() > 0
    assert "q=" in page.url
    assert axe_violations(page) == []


def test_an_unrelated_question_says_no_good_source(page):
    services.load_catalogue()
    page.goto("/en/ask/?q=What+is+the+best+recipe+for+chocolate+cake")
    assert page.get_by_role("heading", name="No good source found").is_visible()
    assert axe_violations(page) == []


def test_the_landing_page_box_leads_to_the_answers(page):
    services.load_catalogue()
    page.goto("/en/")
    page.get_by_label("Your question, in English, French or Spanish").fill("gene drive mosquito risk assessment")
    page.get_by_label("Your question, in English, French or Spanish").press("Enter")
    page.locator(".assistant-results > li").first.wait_for()
    assert "gene drives" in page.locator(".assistant-results").inner_text().lower()
