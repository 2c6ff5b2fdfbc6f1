import datetime

import pytest
from django.core.exceptions import ValidationError

from actionagenda.accounts.models import Actor
from actionagenda.commitments.forms import (
    FORMS,
    AuthoringForms,
    BusinessCommitmentForm,
    CommitmentForm,
    IndividualCommitmentForm,
)
from actionagenda.commitments.models import KPI, Commitment
from factories import ActorFactory, CommitmentFactory, UserFactory

from .authoring_data import post_data

pytestmark = pytest.mark.django_db


def test_there_is_one_form_per_actor_type():
    assert set(FORMS) == {"individual", "organization", "business", "local_government"}


def test_only_the_business_form_asks_for_the_supply_chain_scope():
    assert "supply_chain_scope" in BusinessCommitmentForm().fields
    assert "supply_chain_scope" not in IndividualCommitmentForm().fields


def test_each_actor_form_asks_what_that_actor_can_answer():
    user = UserFactory()
    fields = {kind: set(AuthoringForms(kind, user, Commitment()).actor.fields) if FORMS[kind][1] else set()
              for kind in FORMS}
    assert fields["individual"] == {"name", "anonymous"}
    assert "organization_type" in fields["organization"]
    assert {"sector", "size"} <= fields["business"] and "organization_type" not in fields["business"]
    assert {"government_level", "population_served"} <= fields["local_government"]


def test_a_new_form_preselects_biosafety_and_target_17():
    form = CommitmentForm()
    assert [t.code for t in form.initial["action_areas"]] == ["BIOSAFETY"]
    assert [t.code for t in form.initial["gbf_targets"]] == ["GBF-17"]


def test_vocabulary_choices_show_translated_labels():
    from django.utils import translation

    with translation.override("fr"):
        labels = [label for _value, label in CommitmentForm().fields["action_areas"].choices]
    assert "Biosécurité" in labels and "Biosafety" not in labels


def test_dates_outside_1990_2100_are_field_errors():
    form = CommitmentForm(post_data(start_date="1899-01-01", end_date="2101-01-01"))
    assert not form.is_valid()
    assert form.errors["start_date"] == ["Enter a date between 1990 and 2100."]
    assert form.errors["end_date"] == ["Enter a date between 1990 and 2100."]


def test_a_commitment_or_kpi_saved_elsewhere_refuses_the_dates_the_form_refuses():
    # The admin and any other ModelForm validate the model: the same range, the same message, per field.
    commitment = CommitmentFactory.build(actor=ActorFactory(), start_date=datetime.date(1899, 1, 1),
                                         end_date=datetime.date(2101, 1, 1))
    with pytest.raises(ValidationError) as refused:
        commitment.full_clean()
    assert refused.value.message_dict["start_date"] == ["Enter a date between 1990 and 2100."]
    assert refused.value.message_dict["end_date"] == ["Enter a date between 1990 and 2100."]
    kpi = KPI(commitment=CommitmentFactory(), name="Farmers trained", target_date=datetime.date(2200, 1, 1))
    with pytest.raises(ValidationError) as refused:
        kpi.full_clean()
    assert refused.value.message_dict == {"target_date": ["Enter a date between 1990 and 2100."]}


def test_an_end_before_the_start_is_not_a_field_error_so_the_draft_can_be_saved():
    assert CommitmentForm(post_data(end_date="2024-01-01")).is_valid()


def test_a_new_organisation_needs_a_name_and_a_type():
    forms = AuthoringForms("organization", UserFactory(), Commitment(),
                           post_data(**{"actor-name": "", "actor-organization_type": ""}))
    assert not forms.is_valid()
    assert set(forms.actor.errors) == {"name", "organization_type"}


def test_choosing_one_of_my_organisations_needs_no_new_details():
    user = UserFactory()
    mine = ActorFactory(members=[user], kind=Actor.Kind.ORGANIZATION)
    ActorFactory(kind=Actor.Kind.ORGANIZATION)  # someone else's: never offered
    forms = AuthoringForms("organization", user, Commitment(),
                           post_data(**{"actor-existing": str(mine.pk), "actor-name": "",
                                        "actor-organization_type": ""}))
    assert list(forms.actor.fields["existing"].queryset) == [mine]
    assert forms.is_valid(), forms.actor.errors


def test_audiences_in_ones_own_words_are_kept_and_tick_the_audience_they_name():
    forms = AuthoringForms("individual", UserFactory(), Commitment(), post_data(
        "individual", audiences=[], audiences_as_written="Agriculteurs\n  Seed   companies \nAgriculteurs\n"))
    assert forms.is_valid(), forms.form.errors
    assert forms.form.cleaned_data["audiences_as_written"] == "Agriculteurs\nSeed companies"
    assert [term.code for term in forms.form.cleaned_data["audiences"]] == ["farmers"]
    assert forms.smart_data().audiences == ["farmers"]


def test_a_kpi_row_with_values_needs_a_name():
    forms = AuthoringForms("individual", UserFactory(), Commitment(), post_data("individual", **{"kpis-0-name": ""}))
    assert not forms.is_valid()
    assert "name" in forms.kpis.forms[0].errors


def test_the_smart_data_reads_typed_values_even_when_some_are_invalid():
    forms = AuthoringForms("individual", UserFactory(), Commitment(),
                           post_data("individual", **{"kpis-0-target_value": "many"}))
    data = forms.smart_data()
    assert data.gbf_targets == ["GBF-17"] and data.countries == ["KE"]
    assert data.kpis[0].name == "Listeners reached" and data.kpis[0].target_value is None


def _country_groups(language):
    from django.utils import translation

    with translation.override(language):
        return {group: [label for _value, label in members]
                for group, members in CommitmentForm().fields["countries"].choices}


def test_countries_are_grouped_by_un_region_and_alphabetical_in_the_readers_language():
    groups = _country_groups("en")
    assert list(groups)[:5] == ["Africa", "Americas", "Asia", "Europe", "Oceania"]
    europe = groups["Europe"]
    assert europe.index("Åland Islands") < europe.index("Albania") < europe.index("United Kingdom")
    assert "Kenya" in groups["Africa"] and "Kenya" not in europe
    assert "Antarctica" in groups["Other places"]
    french = _country_groups("fr")
    assert list(french)[:5] == ["Afrique", "Amériques", "Asie", "Europe", "Océanie"]
    assert french["Europe"].index("Allemagne") < french["Europe"].index("Espagne") < french["Europe"].index("Suède")


def test_a_website_typed_without_scheme_is_taken_as_https():
    form = CommitmentForm(post_data(website="example.org"))
    assert form.is_valid() and form.cleaned_data["website"] == "https://example.org"
