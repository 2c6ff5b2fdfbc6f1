"""The form of a citation of a Biosafety Clearing-House record: its identifier, its address, its type."""

import pytest
from django.utils import translation

from actionagenda.vocabularies import bch, catalogue


def test_the_record_types_of_the_reference_table_are_all_there_with_their_groups():
    codes = set(catalogue.BCH_RECORD_TYPES.codes)
    assert {"LAW", "DEC", "RA", "LMO", "ORG", "CDI", "VLR", "NFP", "CNA", "IRA", "LAB", "GENE", "ORGA"} <= codes
    assert catalogue.BCH_RECORD_TYPES.get("LMO").group == "reference"
    assert catalogue.BCH_RECORD_TYPES.get("DEC").group == "national"


def test_record_type_names_are_translated():
    with translation.override("fr"):
        assert catalogue.BCH_RECORD_TYPES.label_of("LMO") == "Organisme vivant modifié"
    with translation.override("es"):
        assert catalogue.BCH_RECORD_TYPES.label_of("LMO") == "Organismo vivo modificado"


@pytest.mark.parametrize(("text", "record", "revision"), [
    ("BCH-LMO-SCBD-14786-6", "BCH-LMO-SCBD-14786", "6"),
    (" bch-dec-fr-123456-2 ", "BCH-DEC-FR-123456", "2"),
    ("BCH-LAW-KE-101", "BCH-LAW-KE-101", ""),
])
def test_identifiers_are_read_with_or_without_a_revision(text, record, revision):
    parsed = bch.parse(text)
    assert (parsed.record, parsed.revision) == (record, revision)


@pytest.mark.parametrize("text", ["LMO-14786", "BCH-LMO-14786-6", "BCH-LMO-SCBD-", "https://bch.cbd.int", ""])
def test_other_text_is_not_an_identifier(text):
    assert bch.parse(text) is None


def test_a_well_formed_citation_has_no_problem():
    assert bch.problems("LMO", "BCH-LMO-SCBD-14786-6", "") == {}
    assert bch.problems("DEC", "", "https://bch.cbd.int/en/database/DEC/BCH-DEC-FR-123456/2") == {}
    assert bch.problems("LAW", "BCH-LAW-KE-101-1", "https://bch.cbd.int/database/BCH-LAW-KE-101") == {}


def test_a_citation_needs_a_type_and_an_identifier_or_an_address():
    assert set(bch.problems("", "", "")) == {"record_type", "identifier"}


def test_a_malformed_identifier_is_explained_with_an_example():
    assert "BCH-LMO-SCBD-14786-6" in bch.problems("LMO", "LMO 14786", "")["identifier"]


def test_an_identifier_of_another_type_than_the_one_chosen_is_refused_naming_both():
    message = bch.problems("LAW", "BCH-DEC-FR-123456-2", "")["identifier"]
    assert "DEC" in message and "Biosafety law" in message


def test_an_unknown_record_type_in_an_identifier_is_refused():
    assert "XYZ" in bch.problems("LAW", "BCH-XYZ-FR-1-1", "")["identifier"]


@pytest.mark.parametrize("url", ["https://example.org/database/BCH-LMO-SCBD-14786", "https://bch.cbd.int/",
                                 "ftp://bch.cbd.int/database/x", "https://bch.cbd.int.example.org/database/x"])
def test_only_an_address_of_a_page_on_the_bch_is_taken(url):
    assert "url" in bch.problems("LMO", "", url)


def test_an_address_of_another_record_than_the_identifier_is_refused():
    problems = bch.problems("LMO", "BCH-LMO-SCBD-14786-6", "https://bch.cbd.int/database/BCH-LMO-SCBD-999")
    assert "BCH-LMO-SCBD-999" in problems["url"]


def test_the_record_is_known_from_either_field():
    assert bch.record_key("BCH-LMO-SCBD-14786-6", "") == "BCH-LMO-SCBD-14786"
    assert bch.record_key("", "https://bch.cbd.int/en/database/LMO/BCH-LMO-SCBD-14786/6") == "BCH-LMO-SCBD-14786"
    assert bch.record_key("", "https://bch.cbd.int/database/record.shtml?documentid=14786") == ""
    assert bch.record_url("BCH-LMO-SCBD-14786-6") == "https://bch.cbd.int/database/BCH-LMO-SCBD-14786-6"
