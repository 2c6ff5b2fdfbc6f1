"""Commitments cite Biosafety Clearing-House records: on the four forms, through amendments once published, on the
detail page, in explore and in the API."""

import pytest
from django.urls import reverse
from django.utils import translation

from actionagenda.commitments import amendments, history
from actionagenda.commitments.models import Amendment, BCHReference, Commitment
from factories import ActorFactory, CommitmentFactory, UserFactory

from .authoring_data import bch_rows, page_values, post_data

pytestmark = pytest.mark.django_db

LMO = ("LMO", "BCH-LMO-SCBD-14786-6", "")
LAW = ("LAW", "", "https://bch.cbd.int/en/database/LAW/BCH-LAW-KE-101/2")


@pytest.fixture(autouse=True)
def _english():
    yield
    translation.activate("en")


def new_url(kind="organization"):
    return reverse("commitments:new", kwargs={"actor_type": kind})


def cite(commitment, *rows):
    for position, (record_type, identifier, url) in enumerate(rows):
        BCHReference.objects.create(commitment=commitment, record_type=record_type, identifier=identifier, url=url,
                                    position=position)


@pytest.mark.parametrize("kind", ["individual", "organization", "business", "local_government"])
def test_each_of_the_four_forms_cites_bch_records(client, author, kind):
    client.force_login(author)
    page = client.get(new_url(kind)).content.decode()
    assert 'name="bch-0-record_type"' in page and 'name="bch-0-identifier"' in page and 'name="bch-0-url"' in page
    response = client.post(new_url(kind), post_data(kind, action="draft", **bch_rows(LMO, LAW)))
    assert response.status_code == 302
    commitment = Commitment.objects.get()
    assert [reference.row for reference in commitment.bch_references.all()] == [
        {"record_type": "LMO", "identifier": "BCH-LMO-SCBD-14786-6", "url": ""},
        {"record_type": "LAW", "identifier": "", "url": LAW[2]}]


def test_an_identifier_is_stored_in_the_bchs_own_case(client, author):
    client.force_login(author)
    client.post(new_url(), post_data(action="draft", **bch_rows(("LMO", " bch-lmo-scbd-14786-6 ", ""))))
    assert BCHReference.objects.get().identifier == "BCH-LMO-SCBD-14786-6"


@pytest.mark.parametrize(("row", "field", "message"), [
    (("LMO", "LMO 14786", ""), "identifier", "A BCH identifier reads like BCH-LMO-SCBD-14786-6"),
    (("LAW", "BCH-DEC-FR-123456-2", ""), "identifier", "This identifier is of a record of the type"),
    (("LMO", "", "https://example.org/lmo/14786"), "url", "Give the address of the record&#x27;s page on bch.cbd.int"),
    (("LMO", "", ""), "identifier", "Give the record&#x27;s BCH identifier or the address"),
    (("", "BCH-LMO-SCBD-14786-6", ""), "record_type", "Choose the type of the record."),
])
def test_a_wrong_citation_is_refused_on_its_field_and_nothing_is_saved(client, author, row, field, message):
    client.force_login(author)
    response = client.post(new_url(), post_data(action="draft", **bch_rows(row)))
    assert response.status_code == 400
    page = response.content.decode()
    error = page[page.index(f'id="id_bch-0-{field}_error"'):]
    assert message in error[:400]
    assert f'aria-describedby="id_bch-0-{field}_helptext id_bch-0-{field}_error"' in page or \
        f'aria-describedby="id_bch-0-{field}_error"' in page
    assert not Commitment.objects.exists() and not BCHReference.objects.exists()


def test_the_same_record_cannot_be_cited_twice(client, author):
    client.force_login(author)
    response = client.post(new_url(), post_data(action="draft", **bch_rows(
        LMO, ("LMO", "", "https://bch.cbd.int/database/BCH-LMO-SCBD-14786"))))
    assert response.status_code == 400
    assert "This record is already cited above." in response.content.decode()


def test_cite_another_record_adds_a_row_without_javascript(client, author):
    client.force_login(author)
    response = client.post(new_url(), post_data(action="draft", kpi_action="add-bch", **bch_rows(LMO)))
    assert response.status_code == 200 and 'name="bch-1-record_type"' in response.content.decode()
    assert not Commitment.objects.exists()


def test_the_author_stops_citing_a_record_when_editing(client, author):
    client.force_login(author)
    commitment = CommitmentFactory(actor=ActorFactory(members=[author]), status="draft", published_at=None)
    cite(commitment, LMO, LAW)
    edit = reverse("commitments:edit", kwargs={"pk": commitment.pk})
    page = client.get(edit)
    assert 'name="bch-1-DELETE"' in page.content.decode()
    response = client.post(edit, page_values(page, action="draft", **{"bch-0-DELETE": "on"}))
    assert response.status_code == 302
    assert [reference.record_type for reference in commitment.bch_references.all()] == ["LAW"]


def test_another_users_commitment_keeps_its_citations(client, author):
    commitment = CommitmentFactory(status="draft", published_at=None)
    cite(commitment, LMO)
    client.force_login(UserFactory())
    edit = reverse("commitments:edit", kwargs={"pk": commitment.pk})
    assert client.post(edit, post_data(action="draft", **bch_rows(LAW))).status_code == 404
    assert [reference.record_type for reference in commitment.bch_references.all()] == ["LMO"]


def test_a_post_without_citation_rows_leaves_them_as_they_are(client, author):
    client.force_login(author)
    commitment = CommitmentFactory(actor=ActorFactory(members=[author]), status="draft", published_at=None)
    cite(commitment, LMO)
    edit = reverse("commitments:edit", kwargs={"pk": commitment.pk})
    assert client.post(edit, post_data(action="draft")).status_code == 302
    assert commitment.bch_references.count() == 1


def test_the_detail_page_names_each_type_in_the_readers_language_and_links_the_record(client):
    commitment = CommitmentFactory()
    cite(commitment, LMO, LAW)
    page = client.get(commitment.get_absolute_url()).content.decode()
    assert "Biosafety Clearing-House records" in page
    assert "Living modified organism" in page and "Biosafety law, regulation, guideline or agreement" in page
    assert 'href="https://bch.cbd.int/database/BCH-LMO-SCBD-14786-6"' in page
    assert f'<a href="{LAW[2]}" rel="noopener">BCH-LAW-KE-101</a>' in page  # the record its address names
    french = client.get(commitment.get_absolute_url().replace("/en/", "/fr/")).content.decode()
    assert "Organisme vivant modifié" in french


def test_the_cdi_draft_is_offered_to_the_authors_not_the_public(client, author):
    commitment = CommitmentFactory(actor=ActorFactory(members=[author]))
    draft_url = reverse("api-v1:cdi_draft", kwargs={"commitment_id": commitment.pk})
    assert draft_url not in client.get(commitment.get_absolute_url()).content.decode()
    client.force_login(author)
    assert f'href="{draft_url}"' in client.get(commitment.get_absolute_url()).content.decode()


@pytest.fixture
def published(author):
    commitment = CommitmentFactory(actor=ActorFactory(members=[author]), created_by=author,
                                   title="Biosafety radio for farmers", description="Weekly radio programmes on "
                                   "living modified organisms for farmers in every county of the country.",
                                   resources="Two producers.")
    cite(commitment, LMO)
    return commitment


def test_an_amendment_changes_the_citations_once_approved_with_history(client, author, secretariat, published):
    client.force_login(author)
    amend = reverse("commitments:amend", kwargs={"pk": published.pk})
    page = client.get(amend)
    assert 'value="BCH-LMO-SCBD-14786-6"' in page.content.decode()
    changes = {"bch-TOTAL_FORMS": "2", "bch-1-record_type": "LAW", "bch-1-url": LAW[2], "bch-0-DELETE": "on"}
    assert client.post(amend, page_values(page, action="submit", **changes)).status_code == 302
    amendment = Amendment.objects.get(commitment=published)
    assert amendment.status == Amendment.Status.SUBMITTED
    assert [reference.record_type for reference in published.bch_references.all()] == ["LMO"]
    client.logout()
    assert "BCH-LAW-KE-101" not in client.get(published.get_absolute_url()).content.decode()
    (change,) = [change for change in amendments.difference(published, amendment.proposal).fields
                 if change.label == "BCH records"]
    assert change.added == ["Biosafety law, regulation, guideline or agreement: BCH-LAW-KE-101"]
    assert change.removed == ["Living modified organism: BCH-LMO-SCBD-14786-6"]
    client.force_login(secretariat)
    review = client.get(reverse("commitments:amendment_review", kwargs={"pk": amendment.pk}))
    assert "BCH records" in review.content.decode()
    amendments.approve(amendment, secretariat)
    assert [reference.record_type for reference in published.bch_references.all()] == ["LAW"]
    entries = [entry for entry in history.entries(published) if entry.subject.startswith("BCH record")]
    assert {(entry.heading.split(": ")[-1], entry.user) for entry in entries} >= {("Cited", author),
                                                                                    ("No longer cited", author)}


def test_an_amendment_saved_before_citations_existed_leaves_them_alone(secretariat, published, author):
    amendment = Amendment.objects.create(commitment=published, created_by=author, submitted_by=author,
                                         status=Amendment.Status.SUBMITTED,
                                         proposal={"fields": {"title": "Biosafety radio for all farmers"}, "kpis": [
                                             {**row} for row in amendments.proposal_from_commitment(
                                                 published, [], ["name"])["kpis"]]})
    amendments.approve(amendment, secretariat)
    assert published.bch_references.count() == 1


def test_explore_has_a_facet_of_the_bch_records_cited_and_filters_by_it(client):
    cited = CommitmentFactory(title="Radio with a law cited")
    cite(cited, LAW)
    CommitmentFactory(title="Radio without")
    page = client.get(reverse("commitments:explore")).content.decode()
    assert "BCH records cited" in page and 'name="bch_record_type" value="LAW"' in page
    filtered = client.get(reverse("commitments:explore"), {"bch_record_type": "LAW"}).content.decode()
    assert "Radio with a law cited" in filtered and "Radio without" not in filtered


def test_the_api_filters_by_record_type_and_by_record(client):
    cited = CommitmentFactory(title="Cites the LMO")
    cite(cited, LMO, LAW)
    CommitmentFactory(title="Cites nothing")
    unpublished = CommitmentFactory(status="submitted", published_at=None)
    cite(unpublished, LMO)

    def titles(**params):
        return [item["title"] for item in client.get("/api/v1/commitments", params).json()["items"]]

    assert titles(bch_record_type="LMO") == ["Cites the LMO"]
    assert titles(bch_record="BCH-LMO-SCBD-14786") == ["Cites the LMO"]
    assert titles(bch_record="https://bch.cbd.int/database/BCH-LMO-SCBD-14786-9") == ["Cites the LMO"]
    assert titles(bch_record="BCH-LMO-SCBD-1") == []
    refused = client.get("/api/v1/commitments", {"bch_record": "LMO 14786"})
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "bch_record"
    assert client.get("/api/v1/statistics").json()["by"]["bch_record_type"] == {"LMO": 1, "LAW": 1}


def test_the_api_takes_a_record_type_in_either_case_and_a_bounded_number_of_records(client):
    cite(CommitmentFactory(title="Cites the LMO"), LMO)
    assert [item["title"] for item in client.get("/api/v1/commitments", {"bch_record_type": "lmo"}).json()[
        "items"]] == ["Cites the LMO"]
    many = [f"BCH-LMO-SCBD-{number}" for number in range(21)]
    refused = client.get("/api/v1/commitments", {"bch_record": many})
    assert refused.status_code == 422 and "20 BCH records at the most" in refused.json()["errors"][0]["detail"]
