from functools import cache

import pytest

from actionagenda.assistant import embedding, retrieval, services
from actionagenda.assistant.models import GuidanceDocument, Passage

SMALL_LIBRARY = {
    "GENE_DRIVE_NOTE": ("Risk assessment of gene-drive mosquitoes",
                        "Engineered gene drives spread a trait through wild mosquito populations; assess spread, "
                        "persistence and effects on food webs before any field release."),
    "LIABILITY_NOTE": ("Liability for damage caused by modified organisms",
                       "When a living modified organism damages biodiversity, the operator must inform the "
                       "authority and take response measures; the authority may recover its costs."),
    "SCHOOLS_NOTE": ("Teaching biosafety in schools",
                     "Awareness campaigns and school curricula help pupils understand living modified organisms "
                     "and how the public can take part in decisions."),
}


@cache
def passage_vector(text: str) -> bytes:
    """The real model's vector of a passage, embedded once per session: many tests build the same documents."""
    return embedding.to_bytes(embedding.embed_passages([text])[0])


def make_document(key, title, text, *, vectors=True, **fields):
    document = GuidanceDocument.objects.create(key=key, title=title, publisher="SCBD", year="2024",
                                               url=f"https://example.org/{key.lower()}", languages=["en"],
                                               index_status=GuidanceDocument.IndexStatus.INDEXED, **fields)
    vector = passage_vector(f"{title}. {text}") if vectors else None
    Passage.objects.create(document=document, position=0, language="en", heading="Overview", text=text,
                           vector=vector)
    return document


@pytest.fixture
def small_library(db):
    """Three English one-passage documents, embedded."""
    documents = {key: make_document(key, title, text, ip_elements=["IP-RA"] if "GENE" in key else [])
                 for key, (title, text) in SMALL_LIBRARY.items()}
    services.refit()  # as the worker does after embedding a library's new passages
    retrieval.invalidate()
    return documents
