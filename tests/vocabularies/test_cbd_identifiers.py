"""The CBD thesaurus identifiers are read as our codes and written for them."""

import pytest

from actionagenda.vocabularies import catalogue, cbd


@pytest.mark.parametrize(("given", "code"), [
    ("GBF-TARGET-17", "GBF-17"), ("GBF-TARGET-01", "GBF-1"), ("gbf-target-1", "GBF-1"), ("GBF-17", "GBF-17"),
    ("gbf-17", "GBF-17"), (" GBF-TARGET-23 ", "GBF-23"),
])
def test_gbf_targets_are_read_in_the_cbd_form_and_ours(given, code):
    assert cbd.ours("gbf_target", given) == code


def test_an_unknown_gbf_target_is_left_as_given_for_the_caller_to_report():
    assert cbd.ours("gbf_target", "GBF-TARGET-X") == "GBF-TARGET-X"


@pytest.mark.parametrize("given", ["BIOSAFETY", "biosafety", "CBD-SUBJECT-CPB", "CBD-SUBJECT-BTB", "cbd-subject-cpb"])
def test_the_biosafety_category_and_its_cbd_subjects_are_read_as_biosafety(given):
    assert cbd.ours("action_area", given) == "BIOSAFETY"


def test_every_cbd_subject_names_a_category_of_ours():
    assert set(cbd.SUBJECT_CATEGORY.values()) <= set(catalogue.ACTION_AREAS.codes)
    assert cbd.ours("action_area", "CBD-SUBJECT-MAR") == "FRESHWATER-COASTAL-AND-OCEAN-ECOSYSTEMS"


def test_countries_are_read_in_either_case():
    assert cbd.ours("country", "ke") == "KE"


def test_our_codes_are_written_as_the_cbd_writes_them():
    assert cbd.cbd_gbf_target("GBF-17") == "GBF-TARGET-17"
    assert cbd.cbd_gbf_target("GBF-3") == "GBF-TARGET-03"
    assert cbd.identifiers("action_area", "BIOSAFETY") == ["BIOSAFETY", "CBD-SUBJECT-CPB", "CBD-SUBJECT-BTB"]
    assert cbd.identifiers("country", "KE") == ["ke"]
    assert cbd.identifiers("phase", "planning") == []


def test_every_gbf_target_goes_there_and_back():
    assert [cbd.ours("gbf_target", cbd.cbd_gbf_target(code)) for code in catalogue.GBF_TARGETS.codes] == \
        catalogue.GBF_TARGETS.codes
