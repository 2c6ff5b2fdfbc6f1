"""A quality floor on the frozen evaluation sets, with the real model on the shipped catalogue: a change that loses
answers fails here. The floors sit a little under the figures measured when they were set (tests/bench/README.md),
so that one more miss of the kind we know still passes and a real loss does not."""

from functools import cache
from pathlib import Path

import numpy as np
import pytest

from actionagenda.assistant import embedding, evaluation, scope, services

EVAL_SETS = Path(__file__).resolve().parent / "eval_sets"
# Written by a helper who had read neither the banks nor the other sets, after the banks were frozen, and committed
# (93c83a9) before anything was measured on it. Nothing has been fitted or tuned on it: it is reported on its own,
# so that the floors of the sets the system was built against stay what they were. Its one effect on the banks: the 8
# in-scope bank questions that were near-twins of its questions were removed (nothing added, no threshold moved).
WRITTEN_AFTER_THE_BANKS = "heldout7.jsonl"

# The three tests on one worker when the suite runs in parallel (pytest-xdist): they share the questions' vectors.
pytestmark = pytest.mark.xdist_group("assistant-quality")

# Measured on the seven other sets together (282 questions: 222 in scope, 60 out of scope) with the weights fitted at
# release on banks without near-twins of any set (2026-12-01, measured again after heldout7's 8 twins were removed
# and the weights refitted: the same three figures as before the removal).
# About 20 s of CPU for the file with the real model, most of it embedding the questions (once for every test).
FLOORS = {
    "recall@5": 0.97,              # measured 0.980: about four second documents falling out of the top five would pass
    "in scope answered": 0.98,     # measured 1.000 (222 of 222): four in-scope questions refused would still pass
    "out of scope refused": 0.95,  # measured 0.983 (59 of 60, heldout5 y07 is answered): two more answered would pass
}

# heldout7 (90 questions: 63 in scope, 27 out of scope), measured with the same weights (2026-12-01; before its twins
# were removed from the banks the three figures were the same):
INDEPENDENT_FLOORS = {
    "recall@5": 0.97,              # measured 1.000: one question losing its only document would pass, two not
    "in scope answered": 0.96,     # measured 1.000 (63 of 63): two refused would pass, three not
    "out of scope refused": 0.70,  # measured 0.741 (20 of 27): one more answered would pass, two not
}
# Answered although out of scope: three GMO recipes (u22, u53, u82), GM papaya in pregnancy (u90), a locked
# account (u54), the Montreal Protocol (u27), packaging documents for lithium batteries (u29).


@cache
def eval_sets() -> dict[str, list[dict]]:
    return {path.name: evaluation.read_questions(path) for path in sorted(EVAL_SETS.glob("*.jsonl"))}


def questions(*, independent: bool) -> list[dict]:
    return [line for name, lines in eval_sets().items() if (name == WRITTEN_AFTER_THE_BANKS) == independent
            for line in lines]


@cache
def question_vector(question: str) -> np.ndarray:
    """The real model's vector of an evaluation question, embedded once for every test: pytest-django runs the
    database tests first and the others at the end of the suite, when the embedding's own cache has long
    forgotten them."""
    return embedding.embed_query(question)


def measure(lines: list[dict]) -> dict[str, float]:
    """Recall@5 and the share answered over the in-scope lines, the share refused over the out-of-scope ones."""
    services.load_catalogue()
    for line in lines:  # the answers below embed the same questions: they find them in the embedding's cache
        question_vector(line["question"])
    _, rows = evaluation.evaluate(lines, lambda question, language: services.ask_keys(question, language))
    in_scope = [row for row in rows if row["relevant"]]
    out_of_scope = [row for row in rows if not row["relevant"]]
    return {"recall@5": np.mean([row["recall@5"] for row in in_scope]),
            "in scope answered": np.mean([bool(row["ranked"]) for row in in_scope]),
            "out of scope refused": np.mean([not row["ranked"] for row in out_of_scope])}


def below(measured: dict[str, float], floors: dict[str, float]) -> dict[str, tuple[float, float]]:
    return {name: (measured[name], floor) for name, floor in floors.items() if measured[name] < floor}


@pytest.mark.django_db
def test_the_assistant_keeps_its_quality_on_the_frozen_sets():
    assert below(measure(questions(independent=False)), FLOORS) == {}


@pytest.mark.django_db
def test_gate_on_the_set_written_after_the_banks_were_frozen():
    assert below(measure(questions(independent=True)), INDEPENDENT_FLOORS) == {}


def test_no_bank_question_is_a_near_twin_of_a_question_in_any_evaluation_set():
    # Otherwise the gate and the ranker are measured on questions they were trained on. A twin is dropped with
    # `actionagenda assistant-bank-twins tests/assistant/eval_sets/*.jsonl --remove`, then the release step refits.
    lines = [line for lines in eval_sets().values() for line in lines]
    twins = scope.near_twins(scope.training_data(), np.stack([question_vector(line["question"]) for line in lines]))
    assert [(twin.question, lines[twin.closest]["id"], round(twin.cosine, 3)) for twin in twins] == []
