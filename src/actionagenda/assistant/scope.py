"""Whether a question is about biosafety at all: a logistic model on the question's embedding and a naive Bayes
score of its words, then a second logistic model that weighs both against what the library offers the question.

The retrieval scores alone cannot tell "how do I get a building permit?" from a question the library answers:
everyday questions share words (risk, permit, import, safety, laboratory) and land at cosines where real
questions land too. So the assistant also asks a classifier trained on two banks of questions written for it,
in English, French and Spanish: `question_banks/in_scope.jsonl` (what the key guidance documents and the FAQ
answer) and `question_banks/out_of_scope.jsonl` (everyday questions, most of them sharing the domain's words).
Their embeddings ship in `question_banks/vectors.npz`. The models are fitted at release, not in a running site
(`fitting`). No question of an evaluation set (tests/assistant/eval_sets/) has a near-twin in the banks, or the gate
would be measured on what it was trained on: `actionagenda assistant-bank-twins SET.jsonl... --remove` drops the bank
questions that are, before the release step refits on what remains.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from . import embedding
from .text import tokens

log = logging.getLogger(__name__)

BANKS_DIR = Path(__file__).resolve().parent / "question_banks"
BANKS = (("in_scope.jsonl", 1.0), ("out_of_scope.jsonl", 0.0))
SHIPPED_VECTORS = BANKS_DIR / "vectors.npz"
L2 = 1.0             # ridge penalty on the standardised features (chosen by cross-validation on the banks)
THRESHOLD = 0.5      # below this probability of being in scope the question is refused
FOLDS = 5
TWIN_COSINE = 0.95   # a bank question this close to an evaluation question is a near-twin of it


def bank() -> list[tuple[str, float, tuple[str, ...]]]:
    """Every training question with its label (1 in scope, 0 out of scope) and the keys of the documents that
    answer it (none out of scope)."""
    rows = []
    for name, label in BANKS:
        for line in (BANKS_DIR / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                rows.append((" ".join(row["question"].split()), label, tuple(row.get("relevant_docs", ()))))
    return rows


def digest(rows: list[tuple[str, float, tuple[str, ...]]]) -> str:
    """A fingerprint of the banks, so that weights fitted on other banks are not used with these."""
    return hashlib.sha1(json.dumps(rows, ensure_ascii=False).encode("utf-8")).hexdigest()


def _shipped() -> dict[str, np.ndarray]:
    """The shipped bank vectors by question; refused when another model made them."""
    if not SHIPPED_VECTORS.exists():
        return {}
    with np.load(SHIPPED_VECTORS) as data:
        embedding.check_identity(str(data["model"]) if "model" in data else "", SHIPPED_VECTORS)
        return dict(zip(data["questions"].tolist(), data["vectors"].astype(np.float32), strict=True))


def write_vectors() -> int:
    """Embed every bank question and store the vectors in the package (a release step)."""
    questions = [question for question, _, _ in bank()]
    vectors = np.stack([embedding.embed_query(question) for question in questions]).astype(np.float16)
    np.savez_compressed(SHIPPED_VECTORS, questions=np.array(questions), vectors=vectors,
                        model=np.array(embedding.identity()))
    training_data.cache_clear()
    return len(questions)


def remove_questions(questions: set[str]) -> int:
    """Drop these questions (spaces normalised as `bank` reads them) from the bank files, leaving every other line
    as it was; how many lines went. The shipped vectors and weights must then be renewed (a release step)."""
    removed = 0
    for name, _ in BANKS:
        path = BANKS_DIR / name
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        kept = [line for line in lines
                if not line.strip() or " ".join(json.loads(line)["question"].split()) not in questions]
        removed += len(lines) - len(kept)
        path.write_text("".join(kept), encoding="utf-8")
    training_data.cache_clear()
    return removed


@dataclass(frozen=True)
class Classifier:
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float

    def logits(self, vectors: np.ndarray) -> np.ndarray:
        return ((vectors - self.mean) / self.scale) @ self.weights + self.bias

    def logit(self, vector: np.ndarray) -> float:
        return float(self.logits(vector[None, :])[0])

    def probability(self, vector: np.ndarray) -> float:
        """The probability that the example with these features is in scope."""
        return float(1 / (1 + np.exp(-np.clip(self.logit(vector), -30, 30))))

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        return {f"{prefix}_mean": self.mean, f"{prefix}_scale": self.scale, f"{prefix}_weights": self.weights,
                f"{prefix}_bias": np.array(self.bias)}

    @classmethod
    def from_arrays(cls, data, prefix: str) -> Classifier:
        return cls(data[f"{prefix}_mean"], data[f"{prefix}_scale"], data[f"{prefix}_weights"],
                   float(data[f"{prefix}_bias"]))


def train(vectors: np.ndarray, labels: np.ndarray, l2: float = L2) -> Classifier:
    """Logistic regression by Newton's method on standardised features, both classes weighted equally."""
    mean = vectors.mean(axis=0)
    scale = vectors.std(axis=0) + 1e-6
    x = np.hstack([(vectors - mean) / scale, np.ones((len(vectors), 1))]).astype(np.float64)
    positives = labels.sum()
    sample_weight = np.where(labels > 0.5, len(labels) / (2 * positives), len(labels) / (2 * (len(labels) - positives)))
    penalty = np.full(x.shape[1], l2)
    penalty[-1] = 0.0  # the bias is not penalised
    w = np.zeros(x.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        gradient = x.T @ (sample_weight * (p - labels)) + penalty * w
        hessian = (x * (sample_weight * p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return Classifier(mean.astype(np.float32), scale.astype(np.float32), w[:-1].astype(np.float32), float(w[-1]))


@dataclass(frozen=True)
class Bank:
    questions: list[str]
    vectors: np.ndarray           # unit vectors, one row a question
    labels: np.ndarray            # 1.0 in scope, 0.0 out of scope
    relevant: list[tuple[str, ...]]  # keys of the documents that answer each question
    digest: str


@cache
def training_data() -> Bank:
    """The banks' questions, vectors, labels and documents, read once per process; a question whose vector did not
    ship (an edited bank) is embedded now."""
    shipped = _shipped()
    rows = bank()
    missing = [question for question, _, _ in rows if question not in shipped]
    if missing:
        log.warning("%d scope questions have no shipped vector; embedding them (run load-guidance "
                    "--write-shipped-vectors before a release)", len(missing))
        shipped.update({question: embedding.embed_query(question) for question in missing})
    return Bank([question for question, _, _ in rows], np.stack([shipped[question] for question, _, _ in rows]),
                np.array([label for _, label, _ in rows], dtype=np.float64), [keys for _, _, keys in rows],
                digest(rows))


@dataclass(frozen=True)
class Twin:
    question: str     # the bank's
    closest: int      # the position of the evaluation question it is closest to
    cosine: float


def near_twins(data: Bank, vectors: np.ndarray) -> list[Twin]:
    """The bank questions whose cosine to one of these (unit) vectors of evaluation questions is TWIN_COSINE or more."""
    cosines = data.vectors @ vectors.T
    closest = cosines.argmax(axis=1)
    return [Twin(question, int(column), float(cosines[row, column]))
            for row, (question, column) in enumerate(zip(data.questions, closest, strict=True))
            if cosines[row, column] >= TWIN_COSINE]


def classifier(data: Bank) -> Classifier:
    """The topic model: the question's embedding alone."""
    return train(data.vectors, data.labels)


@dataclass(frozen=True)
class Words:
    """Naive Bayes over the question's words (each counted once, add-one smoothing): the log-odds each word gives
    for being in scope. The embedding of a plain situation ("a GM fish escaped from a farm") can sit among everyday
    questions; words such as GM, OVM or transgénico weigh in beside it."""

    weights: dict[str, float]

    def score(self, question: str) -> float:
        return float(sum(self.weights.get(word, 0.0) for word in set(tokens(question))))

    def arrays(self) -> dict[str, np.ndarray]:
        return {"words": np.array(list(self.weights)), "word_weights": np.array(list(self.weights.values()))}

    @classmethod
    def from_arrays(cls, data) -> Words:
        return cls(dict(zip(data["words"].tolist(), data["word_weights"].tolist(), strict=True)))


def words_model(questions: list[str], labels: np.ndarray) -> Words:
    inside, outside = Counter(), Counter()
    for question, label in zip(questions, labels, strict=True):
        (inside if label > 0.5 else outside).update(set(tokens(question)))
    n_in = int((labels > 0.5).sum())
    n_out = len(labels) - n_in
    return Words({word: float(np.log((inside[word] + 1) / (n_in + 2)) - np.log((outside[word] + 1) / (n_out + 2)))
                  for word in inside.keys() | outside.keys()})


def words(data: Bank) -> Words:
    return words_model(data.questions, data.labels)


def held_out_logits(data: Bank) -> np.ndarray:
    """Each bank question's topic logit and words score from models trained without it (5 folds): what the second
    stage learns from must look like what it will see on new questions."""
    vectors, labels = data.vectors, data.labels
    order = np.random.default_rng(0).permutation(len(labels))
    logits = np.zeros((len(labels), 2), dtype=np.float32)
    for fold in np.array_split(order, FOLDS):
        rest = np.setdiff1d(order, fold)
        logits[fold, 0] = train(vectors[rest], labels[rest]).logits(vectors[fold])
        lexical = words_model([data.questions[i] for i in rest], labels[rest])
        logits[fold, 1] = [lexical.score(data.questions[i]) for i in fold]
    return logits


@dataclass(frozen=True)
class Gate:
    """In scope or not, from the topic logit, the words score and what the library offers the question: its best
    passage by meaning (cosine) and by words (BM25)."""

    topic: Classifier
    words: Words
    stage: Classifier

    def probability(self, question: str, vector: np.ndarray, best_cosine: float, best_bm25: float) -> float:
        return self.stage.probability(np.array([self.topic.logit(vector), self.words.score(question), best_cosine,
                                                np.log1p(best_bm25)], dtype=np.float32))


def fit_stage(held_out: np.ndarray, labels: np.ndarray, best_cosines: np.ndarray, best_bm25: np.ndarray) -> Classifier:
    """The second stage for a library, from the held-out first-stage scores of the bank questions and the best
    cosine and BM25 score the library gives each: how close the best passage comes depends on what it holds."""
    return train(np.column_stack([held_out, best_cosines, np.log1p(best_bm25)]).astype(np.float32), labels, l2=0.01)
