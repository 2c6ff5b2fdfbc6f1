import pytest

from actionagenda.assistant import retrieval, services

from .conftest import make_document


def keys(answer):
    return [found.document.key for found in answer.documents]


def test_it_ranks_the_matching_document_first_for_an_english_question(small_library):
    answer = services.ask("What guidance exists on the risks of gene drive mosquitoes?", "en")
    assert keys(answer)[0] == "GENE_DRIVE_NOTE"
    assert answer.semantic is True


def test_it_answers_a_french_question_from_an_english_passage(small_library):
    answer = services.ask("Qui doit réparer les dommages causés à la biodiversité par un OVM ?", "fr")
    assert keys(answer)[0] == "LIABILITY_NOTE"


def test_it_answers_a_spanish_question_from_an_english_passage(small_library):
    answer = services.ask("¿Cómo enseñar bioseguridad en las escuelas?", "es")
    assert keys(answer)[0] == "SCHOOLS_NOTE"


def test_it_returns_no_document_when_no_source_is_good_enough(small_library):
    assert services.ask("What is the best recipe for chocolate cake?", "en").documents == []


def test_it_returns_no_document_for_an_empty_library(db):
    assert services.ask("gene drive mosquitoes", "en").documents == []


@pytest.mark.django_db
def test_it_falls_back_to_bm25_until_every_passage_has_its_vector():
    make_document("LIABILITY_NOTE", "Liability", "Operators take response measures after damage.", vectors=False)
    for n in range(12):  # BM25 needs a corpus to tell rare words from common ones
        make_document(f"OTHER_{n}", "Schools", f"Teaching pupils about biosafety, lesson {n}.", vectors=False)
    retrieval.invalidate()
    answer = services.ask("response measures operators damage", "en")
    assert answer.semantic is False
    assert keys(answer) == ["LIABILITY_NOTE"]


def test_it_highlights_the_words_of_the_question_in_the_passage(small_library):
    answer = services.ask("gene drive mosquitoes", "en")
    marked = [piece for piece, is_marked in answer.documents[0].passages[0].segments if is_marked]
    assert {"gene", "drives", "mosquito"} <= {piece.lower() for piece in marked}


def test_it_shows_the_passage_in_the_askers_language_when_the_catalogue_has_it(db):
    services.load_catalogue()
    answer = services.ask("Which treaty governs moving living modified organisms across borders?", "es")
    assert answer.documents[0].passages[0].language == "es"


def test_it_lists_related_published_commitments(small_library):
    from factories import CommitmentFactory

    CommitmentFactory(title="Gene drive dialogue in Burkina Faso", links={"ip_elements": ["IP-RA"]})
    answer = services.ask("risks of gene drive mosquitoes", "en")
    assert [c.title for c in answer.documents[0].related] == ["Gene drive dialogue in Burkina Faso"]


@pytest.mark.parametrize(("question", "language"), [
    ("How should a restaurant kitchen assess the risk of cross-contamination with peanuts?", "en"),
    ("Quel permis faut-il pour abattre un vieux chêne dans son jardin en ville ?", "fr"),
    ("¿Qué protocolo de seguridad siguen los laboratorios escolares de química con los ácidos?", "es"),
])
def test_it_refuses_everyday_questions_that_share_the_librarys_words(question, language, db):
    services.load_catalogue()
    assert services.ask(question, language).documents == []


@pytest.mark.parametrize(("question", "language", "expected"), [
    ("What should a university lab do to contain a genetically engineered virus?", "en", "WHO_LBM4"),
    ("Quels documents doivent accompagner un conteneur de maïs transgénique destiné à l'alimentation animale ?",
     "fr", "HTPI_DOC_REQS"),
    ("¿Cómo se detecta en el laboratorio si un lote de semillas contiene un evento transgénico?", "es",
     "DI_TRAINING_MANUAL"),
])
def test_it_answers_biosafety_questions_in_any_words(question, language, expected, db):
    services.load_catalogue()
    assert expected in keys(services.ask(question, language))[:3]


def test_it_returns_no_document_for_an_off_topic_question_on_the_catalogue(db):
    services.load_catalogue()
    assert services.ask("Quel est le meilleur itinéraire pour visiter Rome à vélo ?", "fr").documents == []


def test_the_scope_question_banks_ship_with_their_vectors():
    # Otherwise every process would embed them at start (a warning says so): renew them with
    # `load-guidance --write-shipped-vectors` after editing a bank.
    from actionagenda.assistant import scope

    shipped = scope._shipped()
    assert [question for question, _, _ in scope.bank() if question not in shipped] == []


def test_the_title_comes_in_the_askers_language_when_the_document_has_it(db):
    services.load_catalogue()
    answer = services.ask("¿Qué debe hacer la aduana si descubre semillas transgénicas no autorizadas en un envío?",
                          "es")
    found = {f.document.key: f.title for f in answer.documents}
    assert found["UTM_ART17"].startswith("Orientaciones sobre los artículos 17 y 25")


def test_the_scope_banks_are_balanced_and_name_real_documents():
    # A gate trained mostly on one language or one class would refuse (or answer) by language or by default.
    import json
    from collections import Counter

    from actionagenda.assistant import scope

    keys_in_catalogue = {entry["key"] for entry in services.catalogue_entries()}
    lines = [json.loads(line) for line in (scope.BANKS_DIR / "in_scope.jsonl").read_text().splitlines()]
    assert {key for line in lines for key in line["relevant_docs"]} == keys_in_catalogue
    per_language = Counter(line["lang"] for line in lines)
    assert set(per_language) == {"en", "fr", "es"}
    assert min(per_language.values()) >= 0.9 * max(per_language.values())
    labels = Counter(label for _, label, _ in scope.bank())
    assert min(labels.values()) >= 0.9 * max(labels.values())


SALMON_EN = "How do salmon farms keep genetically engineered fish from escaping into the sea?"
SALMON_ES = "¿Qué medidas evitan que escapen salmones transgénicos de las jaulas marinas?"


@pytest.mark.parametrize(("question", "language"), [
    (SALMON_EN, "en"),
    pytest.param(SALMON_ES, "es", marks=pytest.mark.xfail(strict=True, reason=(
        "Known regression since the plain-language bank lines (215e83e): 32 more bank questions name "
        "RA_GUIDANCE_2016, whose vote now ranks it above the uploaded salmon note, which comes second."))),
])
def test_a_new_document_no_bank_question_names_is_ranked_first_from_its_passages(question, language, db):
    # The ranker learns from bank questions naming the catalogue's documents; an upload must not be buried.
    services.load_catalogue()
    make_document("SALMON_NOTE", "Containment of genetically modified salmon in net-pen aquaculture",
                  "Farms raising genetically engineered salmon in sea cages should use sterile triploid fish, double "
                  "netting and escape drills, and monitor nearby rivers for escaped fish interbreeding with wild "
                  "stocks.")
    services.refit()  # as the worker does once the upload is embedded
    retrieval.invalidate()
    assert keys(services.ask(question, language))[0] == "SALMON_NOTE"


def test_the_catalogue_is_ranked_by_the_learned_ranker_and_shows_only_documents_that_fit(db):
    services.load_catalogue()
    assert retrieval.index().models()[1] is not None
    answer = services.ask("What is the Nagoya-Kuala Lumpur Supplementary Protocol about?", "en")
    assert set(keys(answer)) <= {"NKLSP_TEXT", "NKLSP_GUIDE"}  # not five documents for a question two answer
    assert keys(answer)[0] == "NKLSP_TEXT"
    assert all(0 < found.score <= 1 for found in answer.documents)


def test_a_library_the_banks_do_not_name_keeps_the_hand_set_fusion(small_library):
    assert retrieval.index().models()[1] is None
    assert keys(services.ask("risks of gene drive mosquitoes", "en"))[0] == "GENE_DRIVE_NOTE"


def test_the_gate_reads_the_questions_words_as_well_as_their_meaning():
    from actionagenda.assistant import fitting

    words = fitting.shipped().words
    assert words.score("Do we need a permit to import GM maize for feed?") > 0
    assert words.score("How do I get a building permit for a garden shed?") < 0
    assert words.score("¿Quién paga los daños si un transgénico contamina mi parcela?") > 0
