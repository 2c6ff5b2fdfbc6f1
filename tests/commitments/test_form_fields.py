"""How every form of the site shows its fields (commitments/_field.html): required markers, errors in one
place named by the input's aria-describedby, the country checklist, and the date-order problem on its field."""

import lxml.html
import pytest
from django.urls import reverse
from django.utils import translation

from actionagenda.commitments.models import Commitment
from factories import CommitmentFactory, EventFactory, UserFactory

from .authoring_data import post_data, term_pks

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    yield
    translation.activate("en")


@pytest.fixture
def author(client):
    user = UserFactory()
    client.force_login(user)
    return user


def page(response):
    return lxml.html.fromstring(response.content.decode())


def label_text(doc, field_id):
    return " ".join(doc.get_element_by_id(field_id).getparent().xpath(f"label[@for='{field_id}']")[0]
                    .text_content().split())


def test_the_commitment_form_marks_what_a_draft_needs_and_what_submitting_needs(client, author):
    doc = page(client.get(reverse("commitments:new", kwargs={"actor_type": "organization"})))
    assert label_text(doc, "id_title") == "Title (required)"
    assert label_text(doc, "id_actor-name") == "Name of the organisation (required)"
    assert label_text(doc, "id_start_date") == "Start date (required to submit)"
    assert label_text(doc, "id_end_date") == "End date (required to submit)"
    assert label_text(doc, "id_partners") == "Partners"
    start = doc.get_element_by_id("id_start_date")
    # Announced to screen readers, but not enforced by the browser: a draft saves without dates.
    assert start.get("aria-required") == "true" and start.get("required") is None
    assert doc.get_element_by_id("id_title").get("required") is not None
    assert "(required to submit) can wait until you submit" in doc.text_content()


def test_a_draft_without_the_fields_required_to_submit_still_saves(client, author):
    response = client.post(reverse("commitments:new", kwargs={"actor_type": "organization"}),
                           post_data(action="draft", start_date="", end_date=""))
    assert response.status_code == 302
    assert Commitment.objects.get().start_date is None


def test_the_event_form_marks_its_required_fields_and_not_the_optional_ones(client):
    doc = page(client.get(EventFactory().get_absolute_url()))
    assert label_text(doc, "id_name") == "Name (required)"
    assert label_text(doc, "id_consent").endswith("(required)")
    assert "(required)" not in label_text(doc, "id_organisation")


def test_countries_are_checkboxes_grouped_by_region_without_a_ctrl_click_list(client, author):
    doc = page(client.get(reverse("commitments:new", kwargs={"actor_type": "organization"})))
    assert not doc.xpath("//select[@multiple]")
    picker = doc.xpath("//fieldset[legend[starts-with(normalize-space(.), 'Countries')]]")[0]
    regions = [" ".join(legend.text_content().split()) for legend in picker.xpath(".//fieldset/legend")]
    assert regions[:5] == ["Africa", "Americas", "Asia", "Europe", "Oceania"]
    kenya = picker.xpath(".//fieldset[legend='Africa']//label[normalize-space(.)='Kenya']/input")[0]
    assert kenya.get("type") == "checkbox" and kenya.get("name") == "countries"
    # The filter box is for JavaScript only: without it, the list is the whole control.
    assert picker.xpath(".//div[@class='country-tools']")[0].get("hidden") is not None


def test_ticking_two_countries_without_javascript_saves_both(client, author):
    client.post(reverse("commitments:new", kwargs={"actor_type": "organization"}),
                post_data(action="draft", countries=term_pks("country", "KE", "PE")))
    assert sorted(term.code for term in Commitment.objects.get().countries.all()) == ["KE", "PE"]
    doc = page(client.get(reverse("commitments:edit", kwargs={"pk": Commitment.objects.get().pk})))
    ticked = doc.xpath("//div[@class='country-list']//input[@checked]/parent::label")
    assert sorted(label.text_content().strip() for label in ticked) == ["Kenya", "Peru"]


def assert_error_between_label_and_input(doc, field_id, message):
    field = doc.get_element_by_id(field_id)
    error_list = doc.get_element_by_id(f"{field_id}_error")
    assert message in error_list.text_content()
    assert error_list.get("id") in field.get("aria-describedby").split()
    assert field.get("aria-invalid") == "true"
    container = field.getparent()
    order = [child.tag for child in container if child.tag in ("label", "ul", "input", "textarea", "select")]
    assert order.index("label") < order.index("ul") < order.index(field.tag)
    assert error_list.getparent() is container


def test_errors_sit_under_the_label_above_the_input_on_the_commitment_and_event_forms(client, author):
    response = client.post(reverse("commitments:new", kwargs={"actor_type": "organization"}),
                           post_data(action="draft", start_date="1899-01-01"))
    assert response.status_code == 400
    assert_error_between_label_and_input(page(response), "id_start_date", "Enter a date between 1990 and 2100.")
    event = EventFactory()
    response = client.post(event.get_absolute_url(), {"name": "Amina", "email": "not an address",
                                                      "country": "KE", "actor_type": "individual"})
    doc = page(response)
    assert_error_between_label_and_input(doc, "id_email", "Enter a valid email address.")
    consent = doc.get_element_by_id("id_consent")
    assert "id_consent_error" in consent.get("aria-describedby")


def test_an_end_before_the_start_is_named_on_the_end_date_field_and_the_draft_still_saves(client, author):
    response = client.post(reverse("commitments:new", kwargs={"actor_type": "organization"}),
                           post_data(action="draft", start_date="2026-06-01", end_date="2026-01-01"))
    assert response.status_code == 302
    doc = page(client.get(response["Location"]))
    assert_error_between_label_and_input(doc, "id_end_date", "The end date must come after the start date.")
    assert doc.get_element_by_id("id_start_date").get("aria-invalid") is None
    assert "The end date must come after the start date." in doc.get_element_by_id("smart-panel").text_content()


def test_dates_in_order_put_no_error_on_the_end_date(client, author):
    commitment = CommitmentFactory(actor__members=[author], created_by=author, status="draft")
    doc = page(client.get(reverse("commitments:edit", kwargs={"pk": commitment.pk})))
    assert not doc.xpath("//*[@id='id_end_date_error']")
    assert doc.get_element_by_id("id_end_date").get("aria-invalid") is None
