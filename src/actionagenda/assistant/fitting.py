"""The scope gate's and the ranker's weights: fitted at release, refitted by the worker, only loaded by the site.

Fitting reads every bank question against the whole library (about 1.4 s at 6,000 passages), so no web process
does it. The release step (`load-guidance --write-shipped-vectors`) fits everything against the shipped catalogue
and writes `question_banks/fitted.npz`. The first stage (topic and words) depends on the banks alone; the second
stage and the ranker also depend on what the library holds, so the worker fits them again after it has embedded
new passages (an upload, a new title) and stores them in the data folder (`ACTIONAGENDA_ASSISTANT_FIT`), where
every process finds them at its next index build. Both files carry the model's identity and the banks' digest;
weights fitted with another model or on other banks are refused.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from django.conf import settings

from . import embedding, ranking, scope

log = logging.getLogger(__name__)

SHIPPED = scope.BANKS_DIR / "fitted.npz"


@dataclass(frozen=True)
class Fitted:
    topic: scope.Classifier
    words: scope.Words
    held_out: np.ndarray          # per bank question: topic logit and words score from folds without it
    stage: scope.Classifier
    ranker: scope.Classifier | None  # None when the library it was fitted on had too few labelled documents
    model: str
    banks: str
    library: str                  # what it was fitted against, for the record

    def save(self, path: Path) -> None:
        arrays = {**self.topic.arrays("topic"), **self.words.arrays(), **self.stage.arrays("stage"),
                  "held_out": self.held_out, "model": np.array(self.model), "banks": np.array(self.banks),
                  "library": np.array(self.library)}
        if self.ranker is not None:
            arrays.update(self.ranker.arrays("ranker"))
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.{os.getpid()}.npz")
        np.savez_compressed(partial, **arrays)
        os.replace(partial, path)  # a process reading it never sees half a file

    @classmethod
    def load(cls, path: Path) -> Fitted:
        """The weights in `path`; ModelMismatch when another model made them, ValueError for other banks."""
        with np.load(path) as data:
            embedding.check_identity(str(data["model"]) if "model" in data else "", path)
            if str(data["banks"]) != scope.training_data().digest:
                raise ValueError(f"{path} was fitted on other question banks: renew it with `actionagenda "
                                 "load-guidance --write-shipped-vectors` (a release step).")
            return cls(scope.Classifier.from_arrays(data, "topic"), scope.Words.from_arrays(data),
                       data["held_out"], scope.Classifier.from_arrays(data, "stage"),
                       scope.Classifier.from_arrays(data, "ranker") if "ranker_bias" in data else None,
                       str(data["model"]), str(data["banks"]), str(data["library"]))

    def gate(self) -> scope.Gate:
        return scope.Gate(self.topic, self.words, self.stage)


@cache
def shipped() -> Fitted:
    return Fitted.load(SHIPPED)


def stored_path() -> Path:
    return Path(settings.ACTIONAGENDA_ASSISTANT_FIT)


def stored_version() -> str:
    """Changes whenever the worker stores new weights (part of the index's stamp)."""
    try:
        return str(stored_path().stat().st_mtime_ns)
    except FileNotFoundError:
        return ""


def current() -> Fitted:
    """The worker's latest weights for this library when there are usable ones, else the shipped ones."""
    path = stored_path()
    if path.exists():
        try:
            return Fitted.load(path)
        except (ValueError, embedding.ModelMismatch) as exc:  # left by an older release: the shipped ones serve
            log.warning("Ignoring the assistant's stored weights: %s", exc)
    return shipped()


def models(keys: list[str]) -> tuple[scope.Gate, ranking.Ranker | None]:
    """The gate and the ranker for a library whose documents have these keys (no fitting: milliseconds)."""
    fitted = current()
    model = fitted.ranker or shipped().ranker
    return fitted.gate(), ranking.for_library(model, scope.training_data(), keys) if model is not None else None


def first_stage(fitted: Fitted) -> tuple[scope.Classifier, scope.Words, np.ndarray]:
    return fitted.topic, fitted.words, fitted.held_out


def fit_first_stage() -> tuple[scope.Classifier, scope.Words, np.ndarray]:
    """The library-independent part, from the banks alone: the topic model, the words model and the held-out
    scores the second stage learns from (the release step)."""
    bank = scope.training_data()
    return scope.classifier(bank), scope.words(bank), scope.held_out_logits(bank)


def fit(index, first: tuple[scope.Classifier, scope.Words, np.ndarray] | None = None, library: str = "") -> Fitted:
    """Weights for the library of `index` (a `retrieval.Index` with every vector): the second stage and the ranker
    fitted against it, on top of the `first` stage (the shipped one unless given)."""
    bank = scope.training_data()
    topic, words, held_out = first or first_stage(shipped())
    cosines, lexical = index.bank_scores(bank)
    best_bm25 = lexical.max(axis=1)
    in_scope = bank.labels > 0.5
    return Fitted(topic, words, held_out, scope.fit_stage(held_out, bank.labels, cosines.max(axis=1), best_bm25),
                  ranking.fit(bank, index.keys, cosines[in_scope], lexical[in_scope], best_bm25[in_scope]),
                  embedding.identity(), bank.digest, library or f"{len(index.keys)} documents, {index.size} passages")


def write_shipped(index) -> Fitted:
    """Fit everything against the shipped catalogue's index and store it in the package (a release step)."""
    fitted = fit(index, fit_first_stage(), library="the shipped catalogue")
    fitted.save(SHIPPED)
    shipped.cache_clear()
    return fitted


def store(index) -> Fitted:
    """Refit for the library as it now is and store the weights where every process finds them (the worker)."""
    fitted = fit(index)
    fitted.save(stored_path())
    return fitted
