"""Processes of the guidance assistant: loading the catalogue, ingesting files, embedding, answering."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np
from django.db import transaction
from django.db.models import F, Prefetch, Q
from django.utils import timezone

from actionagenda.commitments.models import Commitment
from actionagenda.documents import DocumentError
from actionagenda.vocabularies import catalogue

from . import embedding, fitting, retrieval, scope
from .extraction import ExtractionError, extract, split
from .models import GuidanceDocument, IndexRun, Passage
from .text import normal, tokens

CATALOGUE_DIR = Path(__file__).resolve().parent / "catalogue"
SHIPPED_VECTORS = CATALOGUE_DIR / "vectors.npz"
LANGUAGES = ("en", "fr", "es")
META_FIELDS = ("kind", "title", "titles", "publisher", "year", "url", "languages", "gbf_targets", "ip_elements",
               "bch_record_type")


def catalogue_entries() -> list[dict]:
    """The shipped catalogue: key guidance documents and the assistant's FAQ, with notes in en/fr/es."""
    entries = []
    for path in sorted(CATALOGUE_DIR.glob("*.json")):
        entries.extend(json.loads(path.read_text(encoding="utf-8")))
    return entries


def embedding_input(title: str, heading: str, text: str) -> str:
    """What the model reads for a passage: the document title and heading give the passage its context."""
    return f"{title}. {heading}: {text}" if heading else f"{title}. {text}"


def input_hash(value: str) -> str:
    return hashlib.sha1(value.encode("utf-8")).hexdigest()


@cache
def shipped_vectors() -> dict[str, bytes]:
    """Vectors of the catalogue's passages computed at release time, so the demo ranks semantically at once;
    refused when another model made them."""
    if not SHIPPED_VECTORS.exists():
        return {}
    with np.load(SHIPPED_VECTORS) as data:
        embedding.check_identity(str(data["model"]) if "model" in data else "", SHIPPED_VECTORS)
        return {key: data["vectors"][i].tobytes() for i, key in enumerate(data["keys"].tolist())}


def _catalogue_fields(entry: dict) -> dict:
    fields = {name: entry.get(name, "" if name not in ("languages", "gbf_targets", "ip_elements") else [])
              for name in META_FIELDS}
    fields["titles"] = entry.get("titles", {})
    fields["kind"] = entry.get("kind", GuidanceDocument.Kind.DOCUMENT)
    return fields


def _catalogue_passages(entry: dict) -> list[tuple[int, str, str, str]]:
    """The entry's notes as (position, language, heading, text), one per section and language."""
    return [(position, language, section["heading"][language], section["text"][language])
            for position, section in enumerate(entry["sections"]) for language in LANGUAGES]


def _as_shipped(document: GuidanceDocument, entry: dict) -> bool:
    """Whether the document still reads as the catalogue ships it (no edit in the admin, no uploaded file)."""
    fields = _catalogue_fields(entry)
    return (not document.file and all(getattr(document, name) == value for name, value in fields.items())
            and list(document.passages.order_by("position", "language").values_list(
                "position", "language", "heading", "text")) == sorted(_catalogue_passages(entry)))


@transaction.atomic
def load_catalogue() -> dict:
    """Create the catalogue's documents that the library lacks, with their passages. A document already there is
    left as it is, since the secretariat may have edited it (or uploaded its file) in the admin.

    Returns counts (documents and passages created, passages still waiting for their vector) and the keys of the
    documents left alone that differ from the shipped catalogue ("edited")."""
    vectors = shipped_vectors()
    existing = GuidanceDocument.objects.in_bulk([entry["key"] for entry in catalogue_entries()], field_name="key")
    created, passages, edited = 0, 0, []
    for entry in catalogue_entries():
        if entry["key"] in existing:
            if not _as_shipped(existing[entry["key"]], entry):
                edited.append(entry["key"])
            continue
        document = GuidanceDocument.objects.create(key=entry["key"], from_catalogue=True,
                                                   index_status=GuidanceDocument.IndexStatus.INDEXED,
                                                   **_catalogue_fields(entry))
        rows = [Passage(document=document, position=position, language=language, heading=heading, text=text,
                        vector=vectors.get(input_hash(embedding_input(document.title_in(language), heading, text))))
                for position, language, heading, text in _catalogue_passages(entry)]
        Passage.objects.bulk_create(rows)
        created += 1
        passages += len(rows)
    transaction.on_commit(retrieval.invalidate)
    return {"created": created, "passages": passages, "unchanged": len(existing) - len(edited), "edited": edited,
            "waiting": Passage.objects.filter(vector__isnull=True).count()}


def write_shipped_vectors() -> int:
    """Embed every catalogue passage, and the scope gate's question banks, and store the vectors in the package;
    then fit the gate and the ranker against the catalogue and store their weights beside them (before a
    release)."""
    scope.write_vectors()
    inputs = []
    for entry in catalogue_entries():
        for section in entry["sections"]:
            for language in LANGUAGES:
                title = entry.get("titles", {}).get(language) or entry["title"]
                inputs.append(embedding_input(title, section["heading"][language], section["text"][language]))
    vectors = embedding.embed_passages(inputs).astype(np.float16)
    np.savez_compressed(SHIPPED_VECTORS, keys=np.array([input_hash(value) for value in inputs]), vectors=vectors,
                        model=np.array(embedding.identity()))
    shipped_vectors.cache_clear()
    fitting.write_shipped(catalogue_index())
    return len(inputs)


def catalogue_index() -> retrieval.Index:
    """The index of the shipped catalogue as `load_catalogue` stores it, built without the database."""
    vectors = shipped_vectors()
    rows = []
    for number, entry in enumerate(catalogue_entries()):
        titles = entry.get("titles", {})
        for position, language, heading, text in _catalogue_passages(entry):
            title = titles.get(language) or entry["title"]
            rows.append((len(rows), number, position, language, heading, None, text,
                         vectors[input_hash(embedding_input(title, heading, text))], title, entry["key"]))
    return retrieval.Index(rows)


def faq_documents():
    """The FAQ entries (documents of kind FAQ) in the FAQ page's order, with their category and passages: the one
    list the FAQ page and the assistant both answer from."""
    return (GuidanceDocument.objects.filter(kind=GuidanceDocument.Kind.FAQ).select_related("faq_category")
            .prefetch_related(Prefetch("passages", queryset=Passage.objects.order_by("position", "language")))
            .order_by(F("faq_category__position").asc(nulls_last=True), "faq_category_id", "faq_position", "pk"))


def faq_text(document: GuidanceDocument, language: str) -> tuple[str, str, str]:
    """An FAQ entry's (question, answer, language of the answer): the answer in `language` when the entry has
    it, else in English (an entry from the catalogue or the FAQ admin always has one)."""
    passages = {passage.language: passage for passage in document.passages.all() if passage.position == 0}
    shown = language if language in passages else ("en" if "en" in passages else next(iter(passages), language))
    passage = passages.get(shown)
    return document.title_in(shown), passage.text if passage else "", shown


@transaction.atomic
def write_faq(document: GuidanceDocument, questions: dict[str, str], answers: dict[str, str]) -> bool:
    """Store an FAQ entry's question and answer in each language given (English required) as the document's
    title and its one section of passages, the unit the assistant ranks. A passage whose text is unchanged keeps
    its vector; a new one takes the shipped vector of the same text or waits for the worker, which is queued.
    Returns whether some passage waits for its vector."""
    languages = [code for code in LANGUAGES if answers.get(code, "").strip() and questions.get(code, "").strip()]
    # Vectors are of the title, heading and text together (embedding_input): kept only when all three stay.
    kept = {embedding_input(document.title_in(p.language), p.heading, p.text): p.vector
            for p in document.passages.all()} if document.pk else {}
    document.kind = GuidanceDocument.Kind.FAQ
    document.title = questions["en"].strip()
    document.titles = {code: questions[code].strip() for code in languages if code != "en"}
    document.languages = languages
    document.save()
    shipped = shipped_vectors()
    rows = []
    for code in languages:
        heading, text = questions[code].strip(), answers[code].strip()
        read = embedding_input(document.title_in(code), heading, text)
        vector = kept.get(read) or shipped.get(input_hash(read))
        rows.append(Passage(document=document, position=0, language=code, heading=heading, text=text,
                            vector=vector))
    document.passages.all().delete()
    Passage.objects.bulk_create(rows)
    waiting = any(row.vector is None for row in rows)
    document.index_status = (GuidanceDocument.IndexStatus.PENDING if waiting
                             else GuidanceDocument.IndexStatus.INDEXED)
    document.save(update_fields=["index_status", "updated"])
    if waiting:
        from . import tasks  # tasks import this module

        transaction.on_commit(lambda: tasks.embed_passages.enqueue(IndexRun.objects.create().pk))
    transaction.on_commit(retrieval.invalidate)
    return waiting


def mark_failed(document: GuidanceDocument, error: str) -> None:
    """The document could not be indexed: its status and the reason show in the admin."""
    document.index_status = GuidanceDocument.IndexStatus.FAILED
    document.index_error = error
    document.save(update_fields=["index_status", "index_error", "updated"])


def ingest_file(document: GuidanceDocument) -> int:
    """Replace the document's passages by those of its uploaded file; a broken or empty file marks it failed.

    Returns the number of passages; vectors come later from `embed_missing`."""
    try:
        with document.file.open("rb") as handle:
            data = handle.read()
        blocks = split(extract(document.file.name, data))
    except (DocumentError, OSError) as exc:
        mark_failed(document, str(exc))
        raise ExtractionError(str(exc)) from exc
    language = (document.languages or ["en"])[0]
    with transaction.atomic():
        document.passages.all().delete()
        Passage.objects.bulk_create(
            Passage(document=document, position=i, language=language, heading=block.heading[:300],
                    page=block.page, text=block.text) for i, block in enumerate(blocks))
        document.index_status = GuidanceDocument.IndexStatus.PENDING
        document.index_error = ""
        document.save(update_fields=["index_status", "index_error", "updated"])
    retrieval.invalidate()
    return len(blocks)


def embed_missing(run: IndexRun | None = None, batch: int = 16) -> IndexRun:
    """Give every passage without a vector its embedding, recording progress on `run` as it goes."""
    waiting = Passage.objects.filter(vector__isnull=True).select_related("document").order_by("id")
    run = run or IndexRun.objects.create()
    run.total = waiting.count()
    run.save(update_fields=["total"])
    ids = list(waiting.values_list("id", flat=True))
    for start in range(0, len(ids), batch):
        chunk = list(Passage.objects.filter(id__in=ids[start:start + batch]).select_related("document"))
        vectors = embedding.embed_passages(
            [embedding_input(p.document.title_in(p.language), p.heading, p.text) for p in chunk])
        for passage, vector in zip(chunk, vectors, strict=True):
            passage.vector = embedding.to_bytes(vector)
        Passage.objects.bulk_update(chunk, ["vector"])
        run.done += len(chunk)
        run.save(update_fields=["done"])
    GuidanceDocument.objects.filter(index_status=GuidanceDocument.IndexStatus.PENDING).exclude(
        passages__vector__isnull=True).update(index_status=GuidanceDocument.IndexStatus.INDEXED)
    refit()
    run.finished = timezone.now()
    run.save(update_fields=["finished"])
    retrieval.invalidate()
    return run


def refit() -> bool:
    """Fit the gate's second stage and the ranker to the library as it now is, for every process to load (in the
    worker, after embedding: never in a web process at start). False while some passage lacks its vector."""
    current = retrieval.build()
    if not current.semantic:
        return False
    fitting.store(current)
    return True


@dataclass
class Quote:
    heading: str
    page: int | None
    language: str
    text: str
    segments: list[tuple[str, bool]] = field(default_factory=list)


@dataclass
class Found:
    document: GuidanceDocument
    title: str  # in the asker's language when the document has it
    score: float
    passages: list[Quote]
    related: list = field(default_factory=list)

    @property
    def topics(self) -> list[tuple[str, str]]:
        """The GBF targets and Implementation Plan elements the document covers, as (code, label)."""
        return ([(code, catalogue.GBF_TARGETS.label_of(code)) for code in self.document.gbf_targets]
                + [(code, catalogue.IP_ELEMENTS.label_of(code)) for code in self.document.ip_elements])


@dataclass
class Answer:
    question: str
    language: str
    documents: list[Found]
    semantic: bool


_WORDS = re.compile(r"\w+")


def highlight(text: str, query_tokens: set[str]) -> list[tuple[str, bool]]:
    """The text cut in pieces, each marked when it is a word of the question (compared folded and stemmed)."""
    pieces, last = [], 0
    for match in _WORDS.finditer(text):
        if normal(match.group()) in query_tokens:
            if match.start() > last:
                pieces.append((text[last:match.start()], False))
            pieces.append((match.group(), True))
            last = match.end()
    if last < len(text):
        pieces.append((text[last:], False))
    return pieces


def _quotes(index: retrieval.Index, hit: retrieval.DocumentHit, language: str,
            query_tokens: set[str]) -> list[Quote]:
    """The one or two best passages of a document, in the asker's language when a version exists."""
    best = hit.passages[0].score
    chosen: dict[int, int] = {}  # position in the document -> its best-ranked passage
    for ranked in hit.passages:
        position = index.passages[ranked.passage_id].position
        if ranked.score >= 0.85 * best and position not in chosen and len(chosen) < 2:
            chosen[position] = ranked.passage_id
    quotes = []
    for position, passage_id in chosen.items():
        passage = index.passages[index.variants.get((hit.document_id, position, language), passage_id)]
        quotes.append(Quote(passage.heading, passage.page, passage.language, passage.text,
                            highlight(passage.text, query_tokens)))
    return quotes


def related_commitments(documents: list[GuidanceDocument], limit: int = 3) -> dict[int, list]:
    """Published commitments sharing each document's Implementation Plan elements (or, lacking those, its GBF
    targets), newest first: a few queries for all the documents together."""
    wanted_ip = {code for d in documents for code in d.ip_elements}
    wanted_gbf = {code for d in documents if not d.ip_elements for code in d.gbf_targets}
    if not (wanted_ip or wanted_gbf):
        return {}
    candidates = list(Commitment.objects.published().filter(
        Q(ip_elements__code__in=wanted_ip) | Q(gbf_targets__code__in=wanted_gbf)).distinct()
        .order_by("-published_at", "-pk").prefetch_related("ip_elements", "gbf_targets")[:60])
    related = {}
    for document in documents:
        codes, field_name = (set(document.ip_elements), "ip_elements") if document.ip_elements else (
            set(document.gbf_targets), "gbf_targets")
        related[document.pk] = [c for c in candidates
                                if codes & {t.code for t in getattr(c, field_name).all()}][:limit]
    return related


def warm_up() -> None:
    """Load the model and build this process's index (with its gate and ranker) before anyone asks."""
    embedding.model()
    retrieval.index()


def ask(question: str, language: str = "en", *, semantic: bool = True, with_related: bool = True) -> Answer:
    """The guidance documents that answer `question`, best first, with their passages; none when none fits."""
    question = " ".join(question.split())[:500]
    current = retrieval.index()
    hits = current.search(question, semantic=semantic)
    documents = GuidanceDocument.objects.in_bulk([hit.document_id for hit in hits])
    # A document deleted since this process built its index stays in it until the next rebuild: skip it.
    hits = [hit for hit in hits if hit.document_id in documents]
    related = related_commitments(list(documents.values())) if with_related and hits else {}
    query_tokens = set(tokens(question))
    found = [Found(documents[hit.document_id], documents[hit.document_id].title_in(language), round(hit.score, 4),
                   _quotes(current, hit, language, query_tokens), related.get(hit.document_id, []))
             for hit in hits]
    return Answer(question, language, found, semantic and current.semantic)


def ask_keys(question: str, language: str = "en", *, semantic: bool = True,
             using: retrieval.Index | None = None) -> list[str]:
    """Just the ranked keys, for the evaluation."""
    current = using or retrieval.index()
    hits = current.search(question, semantic=semantic)
    keys = dict(GuidanceDocument.objects.filter(id__in=[h.document_id for h in hits]).values_list("id", "key"))
    return [keys[hit.document_id] for hit in hits if hit.document_id in keys]
