import pytest

from factories import UserFactory

from .conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("path", ["/en/accounts/signup/", "/en/accounts/password/reset/", "/fr/accounts/login/"])
def test_the_account_entrance_pages_have_no_axe_violations(page, path):
    page.goto(path)
    assert page.locator(".site-header").count() == 1
    assert axe_violations(page) == []


def test_the_account_management_pages_have_no_axe_violations(page):
    UserFactory(email="member@example.org")
    page.goto("/en/accounts/login/")
    page.get_by_label("E-mail address").fill("member@example.org")
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/commitments/mine/")
    page.get_by_text("Account", exact=True).click()  # the header's account menu
    page.get_by_role("link", name="Account settings").click()
    assert axe_violations(page) == []
    page.get_by_role("link", name="Two-factor authentication").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Two-factor authentication"
    assert axe_violations(page) == []
