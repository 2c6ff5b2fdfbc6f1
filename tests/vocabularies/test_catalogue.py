import pytest
from django.utils import translation

from actionagenda.vocabularies import catalogue
from actionagenda.vocabularies.models import Term


def test_there_are_23_gbf_targets_with_stable_codes():
    assert catalogue.GBF_TARGETS.codes == [f"GBF-{n}" for n in range(1, 24)]


def test_the_11_action_areas_use_the_action_agenda_identifiers():
    assert len(catalogue.ACTION_AREAS.codes) == 11
    assert "BIOSAFETY" in catalogue.ACTION_AREAS


def test_every_country_has_a_un_region():
    countries = catalogue.countries()
    missing = [entry.code for entry in countries if not entry.group and entry.code != "AQ"]
    assert missing == []
    assert countries.get("KE").group == "002"


def test_country_names_follow_the_active_language():
    with translation.override("fr"):
        assert catalogue.countries().label_of("DE") == "Allemagne"
    with translation.override("es"):
        assert catalogue.countries().label_of("DE") == "Alemania"


@pytest.mark.django_db
def test_migrate_loads_every_linked_term():
    assert Term.objects.filter(scheme="gbf_target").count() == 23
    assert Term.objects.filter(scheme="ip_element", code="IP-NBF").exists()
    assert Term.objects.filter(scheme="country", code="FR", group="150").exists()
