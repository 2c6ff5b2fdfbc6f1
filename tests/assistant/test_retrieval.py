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


def _index_with_one_passage(language, cosine, monkeypatch):
    """An index of one passage whose vector meets the question's at `cosine` (the model is not consulted)."""
    import numpy as np

    from actionagenda.assistant import embedding

    question = np.zeros(embedding.DIM, dtype=np.float32)
    question[0] = 1.0
    passage = np.zeros(embedding.DIM, dtype=np.float32)
    passage[0], passage[1] = cosine, (1 - cosine ** 2) ** 0.5
    monkeypatch.setattr(embedding, "embed_query", lambda text: question)
    return retrieval.Index([(1, 1, 0, language, "Overview", None, "Liability and redress.",
                             embedding.to_bytes(passage), "Liability")])


@pytest.mark.parametrize(("language", "expected"), [("fr", []), ("en", [1])])
def test_it_needs_a_closer_meaning_from_a_passage_in_the_askers_own_language(language, expected, monkeypatch):
    # 0.82 is a usual cosine between a French question and an English passage that answers it, but a French
    # passage that answers a French question comes closer: at 0.82 it is taken as off topic.
    index = _index_with_one_passage(language, 0.82, monkeypatch)
    assert [hit.document_id for hit in index.search("Que faire des déchets ménagers ?", "fr")] == expected


def test_it_returns_no_document_for_an_off_topic_question_on_the_catalogue(db):
    services.load_catalogue()
    assert services.ask("Quel est le meilleur itinéraire pour visiter Rome à vélo ?", "fr").documents == []


def test_it_holds_a_translation_to_the_bar_of_the_askers_language_when_the_document_has_both(monkeypatch):
    # The English version of a document that also has a French version says nothing the French one does not:
    # its 0.82 to a French question is no evidence when the French passage itself stays under the bar.
    import numpy as np

    from actionagenda.assistant import embedding

    question = np.zeros(embedding.DIM, dtype=np.float32)
    question[0] = 1.0
    monkeypatch.setattr(embedding, "embed_query", lambda text: question)

    def passage(cosine):
        vector = np.zeros(embedding.DIM, dtype=np.float32)
        vector[0], vector[1] = cosine, (1 - cosine ** 2) ** 0.5
        return embedding.to_bytes(vector)

    index = retrieval.Index([(1, 1, 0, "en", "Overview", None, "Liability and redress.", passage(0.82), "Liability"),
                             (2, 1, 0, "fr", "Aperçu", None, "Responsabilité et réparation.", passage(0.80),
                              "Liability")])
    assert index.search("Que faire des déchets ménagers ?", "fr") == []


def test_the_title_comes_in_the_askers_language_when_the_document_has_it(db):
    services.load_catalogue()
    answer = services.ask("¿Qué debe hacer la aduana si descubre semillas transgénicas no autorizadas en un envío?",
                          "es")
    found = {f.document.key: f.title for f in answer.documents}
    assert found["UTM_ART17"].startswith("Orientaciones sobre los artículos 17 y 25")
