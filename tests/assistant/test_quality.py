"""A quality floor on the frozen evaluation sets, with the real model on the shipped catalogue: a change that loses
answers fails here. The floors sit a little under the figures measured when they were set (tests/bench/README.md),
so that one more miss of the kind we know still passes and a real loss does not."""

from functools import cache
from pathlib import Path

import numpy as np
import pytest

from actionagenda.assistant import embedding, evaluation, scope, services

EVAL_SETS = Path(__file__).resolve().parent / "eval_sets"

# Measured on the seven sets the system was built against (282 questions: 222 in scope, 60 out of scope) with the
# weights fitted at release on banks without near-twins of any set (2026-12-01, measured again after 45 out-of-scope
# questions using GM words in everyday senses were added to the banks and the weights refitted: the same three
# figures as before the additions; after heldout8's 5 bank twins were removed and the weights refitted, recall@5
# 0.977, x55 losing its second document).
# About 20 s of CPU for the file with the real model, most of it embedding the questions (once for every test).
FLOORS = {
    "recall@5": 0.97,              # measured 0.977: about three second documents falling out of the top five would pass
    "in scope answered": 0.98,     # measured 1.000 (222 of 222): four in-scope questions refused would still pass
    "out of scope refused": 0.95,  # measured 0.983 (59 of 60, heldout5 y07 is answered): two more answered would pass
}

# Sets written after the banks were frozen, each measured on its own with its own floors, so that the floors of the
# sets the system was built against stay what they were. A new set is committed before anything is measured on it,
# then gets its entry here with floors set a little under what it measured; until it has one,
# `test_every_set_is_either_frozen_or_written_after_the_banks` fails.
WRITTEN_AFTER_THE_BANKS = {
    # heldout7 (90 questions: 63 in scope, 27 out of scope). Written by a helper who had read neither the banks nor
    # the other sets, after the banks were frozen, and committed (93c83a9) before anything was measured on it; its 8
    # in-scope bank twins were removed (2026-12-01). NO LONGER BLIND: its misses chose the categories of the 45
    # out-of-scope questions added to the banks on 2026-12-01 (GM food in cooking, shopping and diets, medicine and
    # vaccines, pets, gardening, DNA homework, school lab safety, biotech shares, films, other treaties, a 2FA
    # request). Blind it refused 20 of 27 (0.741: u22, u27, u29, u53, u54, u82, u90 answered); measured again with
    # the weights refitted on the new banks (2026-12-01):
    "heldout7.jsonl": {
        "recall@5": 0.97,              # measured 1.000: one question losing its only document would pass, two not
        "in scope answered": 0.96,     # measured 1.000 (63 of 63): two refused would pass, three not
        "out of scope refused": 0.77,  # measured 0.815 (22 of 27), 0.852 after heldout8's twins left: one more passes
    },
    # heldout8 (90 questions: 60 in scope, 30 out of scope, 30 per language). Written by a helper who had read
    # neither the banks nor the other sets nor this file, after the banks of ad97c7a were frozen, committed (eda32de)
    # before anything was measured on it, and measured once, blind (2026-12-01); nothing was fitted or tuned on it.
    # Its 5 bank twins (and, for the classes' balance, one out-of-scope line) were then removed and the weights
    # refitted: the same three figures again.
    "heldout8.jsonl": {
        "recall@5": 0.92,              # measured 0.947 (seven lost a second document): about two more would pass
        "in scope answered": 0.96,     # measured 1.000 (60 of 60): two refused would pass, three not
        "out of scope refused": 0.93,  # measured 0.967 (29 of 30; z87, a biotech fund, answered): one more passes
    },
}
# Still answered although out of scope: two GMO recipes (u53, u82), GM papaya in pregnancy (u90), packaging documents
# for lithium batteries (u29); a biotech fund (heldout8 z87).


@cache
def eval_sets() -> dict[str, list[dict]]:
    return {path.name: evaluation.read_questions(path) for path in sorted(EVAL_SETS.glob("*.jsonl"))}


def frozen_questions() -> list[dict]:
    """The lines of the sets the system was built against: every set not written after the banks."""
    return [line for name, lines in eval_sets().items() if name not in WRITTEN_AFTER_THE_BANKS for line in lines]


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
    assert below(measure(frozen_questions()), FLOORS) == {}


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(WRITTEN_AFTER_THE_BANKS))
def test_gate_on_a_set_written_after_the_banks_were_frozen(name):
    assert below(measure(eval_sets()[name]), WRITTEN_AFTER_THE_BANKS[name]) == {}


FROZEN_SETS = {"qa_dev.jsonl", "heldout.jsonl", "heldout2.jsonl", "heldout3.jsonl", "heldout4.jsonl", "heldout5.jsonl",
               "heldout6.jsonl"}


def test_every_set_is_either_frozen_or_written_after_the_banks():
    # A new set dropped into eval_sets/ must not silently join the frozen sets' figures: it gets its own floors in
    # WRITTEN_AFTER_THE_BANKS once it has been measured (blind) for the first time.
    assert set(eval_sets()) == FROZEN_SETS | set(WRITTEN_AFTER_THE_BANKS)
    assert not FROZEN_SETS & set(WRITTEN_AFTER_THE_BANKS)


def test_no_bank_question_is_a_near_twin_of_a_question_in_any_evaluation_set():
    # Otherwise the gate and the ranker are measured on questions they were trained on. A twin is dropped with
    # `actionagenda assistant-bank-twins tests/assistant/eval_sets/*.jsonl --remove`, then the release step refits.
    lines = [line for lines in eval_sets().values() for line in lines]
    twins = scope.near_twins(scope.training_data(), np.stack([question_vector(line["question"]) for line in lines]))
    assert [(twin.question, lines[twin.closest]["id"], round(twin.cosine, 3)) for twin in twins] == []
