import pytest

from factories import CommitmentFactory

from .conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("path", ["/en/", "/fr/", "/en/commitments/", "/en/commitments/new/"])
def test_public_pages_have_no_axe_violations(page, path):
    CommitmentFactory(title="Biosafety awareness radio in Nairobi")
    page.goto(path)
    assert axe_violations(page) == []


def test_the_detail_page_has_no_axe_violations(page):
    commitment = CommitmentFactory(title="Biosafety awareness radio in Nairobi")
    page.goto(commitment.get_absolute_url())
    assert page.get_by_role("heading", level=1).inner_text() == "Biosafety awareness radio in Nairobi"
    assert axe_violations(page) == []
