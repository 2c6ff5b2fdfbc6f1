"""Hybrid retrieval: BM25 over passage tokens fused with multilingual embeddings, ranked per document.

Each process builds its index from the database on first use and rebuilds it when the library changes (a
stamp shared through the cache and the database, so nothing relies on one process). Until the passages have
vectors the index answers with BM25 alone, and says so.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field

import bm25s
import numpy as np
from django.core.cache import cache
from django.db.models import Count, Max, Q

from . import embedding, fitting, ranking, scope
from .models import GuidanceDocument, Passage
from .text import tokens

logging.getLogger("bm25s").setLevel(logging.WARNING)

STAMP_KEY = "assistant:index-stamp"
STAMP_SECONDS = 10

# Whether a question is in scope at all is decided by `scope`, and the documents are ranked by `ranking`, both
# trained on the shipped question banks. The hand-set fusion below picks the passages to quote, and ranks documents
# only where the banks name too few of the library's documents to learn from. It was tuned on the dev set
# (qa_dev), heldout and heldout2 in tests/assistant/eval_sets/. heldout3-5 were written later by others and
# read once each, at the end of a session; see `assistant-eval` and tests/bench/README.md.
SEMANTIC_WEIGHT = 0.6
DENSE_FLOOR = 0.78      # cosine of multilingual-e5 below which a passage says nothing about the question
DENSE_SPAN = 0.06       # cosines from the floor to floor + span are spread over 0..1
FUSED_DAMPING = 2.0     # in the fusion BM25 is scaled by the query's best BM25 score plus this (weak best, low all)
LEXICAL_SATURATION = 5.0  # BM25 alone: score / (score + this)
MIN_SCORE = 0.25        # under this the best document is not good enough: say so rather than show noise
MIN_SCORE_LEXICAL = 0.3  # the same for BM25 alone (while vectors are missing, and as the evaluation baseline)
KEEP_RATIO = 0.3        # show documents scoring at least this share of the best one
MAX_DOCUMENTS = 5


@dataclass
class PassageHit:
    passage_id: int
    score: float


@dataclass(frozen=True)
class Quoted:
    position: int
    language: str
    heading: str
    page: int | None
    text: str


@dataclass
class DocumentHit:
    document_id: int
    score: float
    passages: list[PassageHit] = field(default_factory=list)


class Index:
    """The ranked view of every passage: token statistics for BM25 and a matrix of unit vectors."""

    def __init__(self, rows: list[tuple]):
        """`rows`: (id, document id, position, language, heading, page, text, vector, document title in the
        passage's language, document key) ordered by document."""
        self.size = len(rows)
        self.passage_ids = np.array([row[0] for row in rows], dtype=np.int64)
        document_ids = np.array([row[1] for row in rows], dtype=np.int64)
        # Passages are grouped by document, so per-document maxima are one reduceat over the scores.
        self.starts = np.flatnonzero(np.r_[True, document_ids[1:] != document_ids[:-1]]) if rows else np.array([])
        self.documents = document_ids[self.starts] if rows else document_ids
        self.keys = [rows[start][9] for start in self.starts]
        self.ends = np.r_[self.starts[1:], self.size].astype(np.int64) if rows else self.starts
        self.passages = {row[0]: Quoted(row[2], row[3], row[4], row[5], row[6]) for row in rows}
        self.variants = {(row[1], row[2], row[3]): row[0] for row in rows}
        self.bm25 = bm25s.BM25()
        if rows:
            self.bm25.index([tokens(f"{row[8]} {row[4]} {row[6]}") or ["_"] for row in rows], show_progress=False)
        self.vectors = np.zeros((self.size, embedding.DIM), dtype=np.float32)
        with_vector = 0
        for i, row in enumerate(rows):
            if row[7]:
                self.vectors[i] = embedding.from_bytes(row[7])
                with_vector += 1
        # Semantic ranking only once every passage has its vector, so no document is hidden by a gap.
        self.semantic = bool(rows) and with_vector == self.size
        self._models: tuple[scope.Gate, ranking.Ranker | None] | None = None

    def models(self) -> tuple[scope.Gate, ranking.Ranker | None]:
        """The in-scope decision and the document ranker for this library, from weights fitted beforehand
        (`fitting`): nothing is fitted here."""
        if self._models is None:
            self._models = fitting.models(self.keys)
        return self._models

    def use(self, fitted: fitting.Fitted) -> None:
        """Answer with these weights (the evaluation of a library the shipped ones were not fitted on)."""
        self._models = (fitted.gate(), ranking.for_library(fitted.ranker, scope.training_data(), self.keys)
                        if fitted.ranker is not None else None)

    def bank_scores(self, bank: scope.Bank) -> tuple[np.ndarray, np.ndarray]:
        """Per bank question and library document: the best passage's cosine and BM25 score (for fitting)."""
        cosines = np.zeros((len(bank.questions), len(self.documents)), dtype=np.float32)
        for start in range(0, len(bank.questions), 64):  # in slices: 64 x 6,000 passages is 1.5 MB
            cosines[start:start + 64] = self.per_document(bank.vectors[start:start + 64] @ self.vectors.T)
        lexical = np.stack([self.per_document(self.lexical_scores(question)) for question in bank.questions])
        return cosines, lexical

    def per_document(self, scores: np.ndarray) -> np.ndarray:
        """Each document's best passage score (along the last axis): passages are grouped by document."""
        return np.maximum.reduceat(scores, self.starts, axis=-1)

    def lexical_scores(self, query: str) -> np.ndarray:
        query_tokens = [t for t in tokens(query) if t in self.bm25.vocab_dict] if self.size else []
        if not query_tokens:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self.bm25.get_scores(query_tokens), dtype=np.float32)

    def search(self, query: str, *, semantic: bool = True, limit: int = MAX_DOCUMENTS) -> list[DocumentHit]:
        """Documents that answer `query`, best first, each with its best passages; [] when the question is out of
        scope or no document is good enough."""
        if not self.size or not query.strip():
            return []
        raw = self.lexical_scores(query)
        if semantic and self.semantic:
            query_vector = embedding.embed_query(query)
            cosines = self.vectors @ query_vector
            gate, ranker = self.models()
            if gate.probability(query, query_vector, float(cosines.max()), float(raw.max())) < scope.THRESHOLD:
                return []  # not about biosafety, whatever words it shares with the library
            dense = np.clip((cosines - DENSE_FLOOR) / DENSE_SPAN, 0.0, 1.0)
            # Per passage, this picks the passages to quote; per document it ranks where the ranker cannot.
            scores = SEMANTIC_WEIGHT * dense + (1 - SEMANTIC_WEIGHT) * raw / (raw.max() + FUSED_DAMPING)
            if ranker is not None:
                best = ranker.scores(query_vector, self.per_document(cosines), self.per_document(raw),
                                     float(raw.max()))
                threshold = cutoff = ranking.FLOOR
            else:
                best = self.per_document(scores)
                threshold, cutoff = MIN_SCORE, best.max() * KEEP_RATIO
        else:
            scores = raw / (raw + LEXICAL_SATURATION)
            best = self.per_document(scores)
            threshold, cutoff = MIN_SCORE_LEXICAL, best.max() * KEEP_RATIO
        order = np.argsort(-best)
        if best[order[0]] < threshold:
            return []
        hits = []
        for doc_index in order[:limit]:
            if best[doc_index] < cutoff:
                break
            start = self.starts[doc_index]
            ranked = start + np.argsort(-scores[start:self.ends[doc_index]])[:3]
            hits.append(DocumentHit(int(self.documents[doc_index]), float(best[doc_index]),
                                    [PassageHit(int(self.passage_ids[i]), float(scores[i])) for i in ranked]))
        return hits


def current_stamp() -> str:
    stamp = cache.get(STAMP_KEY)
    if stamp is None:
        figures = Passage.objects.aggregate(n=Count("id"), last=Max("id"), vectors=Count("id", filter=Q(
            vector__isnull=False)))
        changed = GuidanceDocument.objects.aggregate(last=Max("updated"))["last"]
        stamp = f"{figures['n']}:{figures['last']}:{figures['vectors']}:{changed}:{fitting.stored_version()}"
        cache.set(STAMP_KEY, stamp, STAMP_SECONDS)
    return stamp


def invalidate() -> None:
    """Call after the library changed: every process rebuilds its index within STAMP_SECONDS."""
    cache.delete(STAMP_KEY)


_built: dict[str, Index] = {}
_build_lock = threading.Lock()


def build(languages: list[str] | None = None) -> Index:
    """A fresh index of the library, optionally of the passages in some languages only (for evaluation)."""
    rows = Passage.objects.order_by("document_id", "position", "id")
    if languages:
        rows = rows.filter(language__in=languages)
    return Index([(*row[:8], (row[9] or {}).get(row[3]) or row[8], row[10]) for row in rows.values_list(
        "id", "document_id", "position", "language", "heading", "page", "text", "vector", "document__title",
        "document__titles", "document__key")])


def index() -> Index:
    """This process's index of the library, rebuilt when the library changed."""
    stamp = current_stamp()
    found = _built.get(stamp)
    if found is not None:
        return found
    with _build_lock:
        found = _built.get(stamp)
        if found is None:
            found = build()
            if found.semantic:
                found.models()  # loaded with the index, not on someone's question
            _built.clear()
            _built[stamp] = found
    return found
