"""Free text to an audience code, in any of the site's languages."""

import pytest

from actionagenda.vocabularies import catalogue
from actionagenda.vocabularies.matching import code_for


@pytest.mark.parametrize(("text", "code"), [
    ("farmers", "farmers"), ("Farmer", "farmers"), ("Farmers and producers", "farmers"), ("Agriculteurs", "farmers"),
    ("productores", "farmers"), ("general public", "general_public"), ("General-Public", "general_public"),
    ("Jóvenes", "youth"), ("mujeres", "women"), ("Policy makers", "policymakers"),
    ("Décideurs politiques", "policymakers"), ("comunidades locales", "iplc"),
])
def test_a_name_in_any_language_finds_its_code(text, code):
    assert code_for(catalogue.AUDIENCES, text) == code


@pytest.mark.parametrize("text", ["Seed companies", "", "   ", "and", "people"])
def test_a_name_of_no_code_finds_none(text):
    assert code_for(catalogue.AUDIENCES, text) is None
