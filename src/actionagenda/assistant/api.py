"""GET /api/v1/assistant/ask: the assistant's answer as JSON."""

from django.utils import translation
from ninja import Query, Router, Schema
from pydantic import Field

from actionagenda import links, ratelimits
from actionagenda.interop import problems
from actionagenda.validators import OneLine

from . import services

router = Router(tags=["assistant"])


class AskParams(Schema):
    q: OneLine = Field(..., min_length=3, max_length=500, description="The question, in English, French or Spanish.")
    lang: str = Field("en", pattern="^(en|fr|es)$", description="Preferred language of the titles and quoted passages.")


class PassageOut(Schema):
    heading: str
    page: int | None
    language: str
    text: str


class CommitmentRef(Schema):
    id: int
    title: str
    url: str


class DocumentOut(Schema):
    key: str = Field(..., description="Stable key of the guidance document, e.g. RA_GUIDANCE_2016.")
    kind: str
    title: str = Field(..., description="In the language asked for when the document has a title in it.")
    publisher: str
    year: str
    url: str
    score: float
    gbf_targets: list[str]
    ip_elements: list[str]
    passages: list[PassageOut]
    related_commitments: list[CommitmentRef]


class AskOut(Schema):
    documents: list[DocumentOut] = Field(..., description="Best first; empty when no source is good enough.")
    semantic: bool = Field(..., description="False while passages are still being embedded (BM25 alone).")


@router.get("/ask", response={200: AskOut, **problems.responses(422, 429)},
            summary="Guidance documents that answer a question in English, French or Spanish")
def ask(request, params: Query[AskParams]):
    try:
        ratelimits.consume("assistant", ratelimits.client_ip(request))
    except ratelimits.RateLimited as refusal:
        return ratelimits.problem(request, refusal, "Too many questions", "Please wait a minute before asking again.")
    with translation.override(params.lang):
        answer = services.ask(params.q, params.lang)
    return {"semantic": answer.semantic, "documents": [{
        "key": found.document.key, "kind": found.document.kind, "title": found.title,
        "publisher": found.document.publisher, "year": found.document.year, "url": found.document.url,
        "score": found.score, "gbf_targets": found.document.gbf_targets, "ip_elements": found.document.ip_elements,
        "passages": [{"heading": q.heading, "page": q.page, "language": q.language, "text": q.text}
                     for q in found.passages],
        "related_commitments": [{"id": c.pk, "title": c.title, "url": links.absolute(c.get_absolute_url())}
                                for c in found.related],
    } for found in answer.documents]}
