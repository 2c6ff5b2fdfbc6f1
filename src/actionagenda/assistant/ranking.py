"""Which documents answer a question, and in what order: a logistic model over what each document offers it.

For a question and a document the model reads four things:
- how far the document's best passage falls below the library's best, by meaning (the cosine gap);
- the document's best BM25 score, scaled by the question's best plus a damping term;
- a vote of the labelled questions nearest to this one: `question_banks/in_scope.jsonl` names the documents that
  answer each of its questions, and the nearest ten vote for theirs, weighted by how close they come;
- whether the bank names the document at all.

The model is fitted on the bank itself against the shipped catalogue at release, and again by the worker when
the library changes (`fitting`), each bank question voted on by the others only. In each of three passes the
labels of a fifth of the documents are hidden from the vote, so the model also learns to rank a document no
question names yet (one the secretariat has just uploaded) from its passages alone: with their own labels hidden,
the catalogue's documents still reach the top five as often as under the hand-set fusion this replaced
(tests/bench/README.md).

A library where the bank names too few documents to learn from (a test fixture, a library of new uploads) keeps
the hand-set fusion in `retrieval`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .scope import Bank, Classifier, train

NEIGHBOURS = 10        # bank questions that vote
VOTE_TEMPERATURE = 0.02  # cosine differences among the neighbours are sharpened by this
BM25_DAMPING = 2.0     # a document's BM25 is scaled by the question's best BM25 plus this (weak best, low all)
HIDDEN_SHARE = 0.2     # share of the documents whose labels each training pass hides from the vote
PASSES = 3
CANDIDATES = 20        # per training question: the documents in the top 20 by meaning or by words, and its own
MIN_LABELLED = 30      # bank questions answered by the library's documents needed to learn at all
FLOOR = 0.05           # documents scoring below this are not shown


def vote(similarities: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """For each row of question-to-bank cosines, the documents its nearest bank questions name (rows sum to at most
    1)."""
    nearest = np.argpartition(-similarities, NEIGHBOURS - 1, axis=1)[:, :NEIGHBOURS]
    closeness = np.take_along_axis(similarities, nearest, axis=1)
    weights = np.exp((closeness - closeness.max(axis=1, keepdims=True)) / VOTE_TEMPERATURE)
    spread = np.zeros(similarities.shape, dtype=np.float32)
    np.put_along_axis(spread, nearest, weights / weights.sum(axis=1, keepdims=True), axis=1)
    return spread @ labels


def features(gap: np.ndarray, lexical: np.ndarray, votes: np.ndarray, named: np.ndarray) -> np.ndarray:
    """One row per (question, document): its cosine gap to the question's best document, its BM25 scaled by the
    question's best (plus damping), the vote for it, and whether the bank names it."""
    return np.column_stack([gap, lexical, votes, named]).astype(np.float32)


@dataclass(frozen=True)
class Ranker:
    model: Classifier
    vectors: np.ndarray   # the in-scope bank questions
    labels: np.ndarray    # (bank questions x library documents): 1 where the question names the document
    named: np.ndarray     # per library document: 1 when some bank question names it

    def scores(self, query_vector: np.ndarray, document_cosines: np.ndarray, document_bm25: np.ndarray,
               best_bm25: float) -> np.ndarray:
        """Each library document's score (0-1) for one question."""
        votes = vote((self.vectors @ query_vector)[None, :], self.labels)[0]
        x = features(document_cosines - document_cosines.max(), document_bm25 / (best_bm25 + BM25_DAMPING), votes,
                     self.named)
        return 1 / (1 + np.exp(-np.clip(self.model.logits(x), -30, 30)))


def _top(scores: np.ndarray) -> np.ndarray:
    """Per row, whether each column is among the row's CANDIDATES best."""
    if scores.shape[1] <= CANDIDATES:
        return np.ones(scores.shape, dtype=bool)
    top = np.zeros(scores.shape, dtype=bool)
    np.put_along_axis(top, np.argpartition(-scores, CANDIDATES - 1, axis=1)[:, :CANDIDATES], True, axis=1)
    return top


def labels_for(bank: Bank, keys: list[str]) -> np.ndarray:
    """(in-scope bank questions x library documents): 1 where the question names the document."""
    column = {key: i for i, key in enumerate(keys)}
    in_scope = np.flatnonzero(bank.labels > 0.5)
    labels = np.zeros((len(in_scope), len(keys)), dtype=np.float32)
    for row, question in enumerate(in_scope):
        for key in bank.relevant[question]:
            if key in column:
                labels[row, column[key]] = 1.0
    return labels


def for_library(model: Classifier, bank: Bank, keys: list[str]) -> Ranker | None:
    """The fitted model applied to a library whose documents have these `keys`; None when the bank names too few
    of them to vote."""
    labels = labels_for(bank, keys)
    if (labels.sum(axis=1) > 0).sum() < MIN_LABELLED:
        return None
    return Ranker(model, bank.vectors[bank.labels > 0.5], labels, (labels.sum(axis=0) > 0).astype(np.float32))


def fit(bank: Bank, keys: list[str], document_cosines: np.ndarray, document_bm25: np.ndarray,
        best_bm25: np.ndarray) -> Classifier | None:
    """The ranking model for a library whose documents have these `keys`, from the per-document best cosines and
    BM25 scores it gives each in-scope bank question (rows in bank order, in-scope questions only); None when the
    bank names too few of the library's documents."""
    labels = labels_for(bank, keys)
    if (labels.sum(axis=1) > 0).sum() < MIN_LABELLED:
        return None
    vectors = bank.vectors[bank.labels > 0.5]
    similarities = vectors @ vectors.T
    np.fill_diagonal(similarities, -1.0)  # a question does not vote for itself
    # Training rows: the documents that could reach the top five, not every document of a large library.
    candidates = (labels > 0) | _top(document_cosines) | _top(document_bm25)
    rows, columns = np.nonzero(candidates)
    gap = document_cosines[rows, columns] - document_cosines.max(axis=1)[rows]
    lexical = document_bm25[rows, columns] / (best_bm25[rows] + BM25_DAMPING)
    rng = np.random.default_rng(0)
    x, y = [], []
    for _ in range(PASSES):
        shown = labels * (rng.random(len(keys)) >= HIDDEN_SHARE)
        x.append(features(gap, lexical, vote(similarities, shown)[rows, columns], (shown.sum(axis=0) > 0)[columns]))
        y.append(labels[rows, columns])
    return train(np.concatenate(x), np.concatenate(y).astype(np.float64))
