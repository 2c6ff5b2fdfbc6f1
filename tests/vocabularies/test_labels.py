"""One label per code everywhere: an Implementation Plan element shows its official number on every page."""

import pytest

from actionagenda.vocabularies import catalogue
from factories import CommitmentFactory

pytestmark = pytest.mark.django_db
NUMBERED = "A.2 Biosafety Clearing-House and information sharing"


def test_a_numbered_element_carries_its_number_in_the_one_label():
    assert catalogue.IP_ELEMENTS.label_of("IP-BCH") == NUMBERED
    assert dict(catalogue.IP_ELEMENTS.choices)["IP-BCH"] == NUMBERED
    # Elements whose number has not been checked show no made-up one.
    assert catalogue.IP_ELEMENTS.label_of("IP-RA") == "Risk assessment"


def test_every_page_and_the_api_show_the_same_label(client, author, secretariat):
    commitment = CommitmentFactory(links={"ip_elements": ["IP-BCH"]})
    draft = CommitmentFactory(status="submitted", links={"ip_elements": ["IP-BCH"]})
    pages = {
        "detail": client.get(commitment.get_absolute_url()),
        "explore facet": client.get("/en/commitments/"),
        "api vocabulary": client.get("/api/v1/vocabularies/ip_element"),
    }
    client.force_login(author)
    pages["form"] = client.get("/en/commitments/new/organization/")
    client.force_login(secretariat)
    pages["moderation"] = client.get(f"/en/commitments/{draft.pk}/moderate/")
    missing = [name for name, response in pages.items() if NUMBERED not in response.content.decode()]
    assert missing == []


def test_the_number_stays_in_front_of_the_translated_title(client):
    commitment = CommitmentFactory(links={"ip_elements": ["IP-BCH"]})
    page = client.get(f"/fr/commitments/{commitment.pk}/").content.decode()
    assert "A.2 Centre d" in page
