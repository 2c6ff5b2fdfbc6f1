import pytest

from actionagenda.commitments import explore, search, workflow
from factories import ActorFactory, CommitmentFactory, UserFactory

pytestmark = pytest.mark.django_db


def found(text: str) -> set[int]:
    return set(explore.run(explore.parse({"search": text}), limit=100).ids)


@pytest.fixture
def trilingual():
    return {
        "en": CommitmentFactory(title="Training laboratory staff in LMO detection",
                                description="Real-time PCR for the identification of living modified organisms."),
        "fr": CommitmentFactory(language="fr", title="Campagne de sensibilisation à la biosécurité à Yaoundé",
                                description="Des émissions de radio et des visites d'écoles."),
        "es": CommitmentFactory(language="es", title="Capacitación de laboratorios en Bogotá",
                                description="Detección de organismos vivos modificados.",
                                partners="Red Andina de Bioseguridad"),
    }


def test_it_finds_words_of_the_title_and_description_in_each_language(trilingual):
    assert found("laboratory detection") == {trilingual["en"].pk}
    assert found("émissions radio") == {trilingual["fr"].pk}
    assert found("capacitación") == {trilingual["es"].pk}


def test_accents_and_case_do_not_matter(trilingual):
    assert found("BIOSECURITE yaounde") == {trilingual["fr"].pk}
    assert found("biosécurité") == {trilingual["fr"].pk}
    assert found("deteccion") == {trilingual["es"].pk}


def test_words_match_as_prefixes_and_all_must_match(trilingual):
    assert found("identif") == {trilingual["en"].pk}
    assert found("modifi") == {trilingual["en"].pk, trilingual["es"].pk}
    assert found("laboratory radio") == set()


def test_partners_and_the_actor_name_are_searchable_and_follow_a_rename(trilingual):
    assert found("andina") == {trilingual["es"].pk}
    actor = trilingual["en"].actor
    actor.name = "Kumasi Seed Savers"
    actor.save()
    assert found("kumasi savers") == {trilingual["en"].pk}


def test_search_operators_typed_by_people_are_ignored_not_interpreted(trilingual):
    assert search.words('radio OR "écoles* -(NEAR') == ["radio", "or", "écoles", "near"]
    assert found('"radio" ) ( * ^') == {trilingual["fr"].pk}
    assert found("*** ---") == set(found(""))


def test_an_edited_title_is_searchable_at_once(trilingual):
    commitment = trilingual["en"]
    commitment.title = "Seed stewardship schools"
    commitment.save()
    assert found("stewardship") == {commitment.pk}
    assert found("laboratory") == set()


def test_a_newly_published_commitment_is_findable_immediately(secretariat):
    author = UserFactory()
    commitment = CommitmentFactory(actor=ActorFactory(members=[author]), status="submitted", published_at=None,
                                   title="Mentoring young risk assessors")
    assert found("mentoring") == set()
    workflow.apply(commitment, "publish", secretariat)
    assert found("mentoring") == {commitment.pk}


def test_a_withdrawn_commitment_disappears():
    author = UserFactory()
    commitment = CommitmentFactory(actor=ActorFactory(members=[author]), title="Mentoring young risk assessors")
    assert found("mentoring") == {commitment.pk}
    workflow.apply(commitment, "withdraw", author)
    assert found("mentoring") == set()


def test_a_deleted_commitment_leaves_the_index(trilingual):
    trilingual["en"].kpis.all().delete()
    trilingual["en"].delete()
    assert search.matching_ids("laboratory") == []


def test_a_repeated_search_is_served_from_the_cache_until_the_data_changes(trilingual,
                                                                           django_assert_num_queries):
    assert found("laboratory") == {trilingual["en"].pk}
    with django_assert_num_queries(1):  # the data version only: no full-text query
        assert found("LABORATORY") == {trilingual["en"].pk}
    CommitmentFactory(title="Laboratory network in Accra")
    assert len(found("laboratory")) == 2
