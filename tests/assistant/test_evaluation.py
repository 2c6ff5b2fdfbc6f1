import json

import pytest
from django.core.management import call_command

from actionagenda.assistant.evaluation import format_gains, score_line


def test_an_out_of_scope_question_counts_as_answered_only_when_nothing_comes_back():
    assert score_line([], [])["recall@5"] == 1.0
    assert score_line(["CPB_TEXT"], [])["mrr"] == 0.0


def test_recall_counts_the_share_of_relevant_documents_found():
    scores = score_line(["A", "B", "C"], ["C", "Z"])
    assert (scores["recall@1"], scores["recall@3"], scores["mrr"]) == (0.0, 0.5, pytest.approx(1 / 3))


@pytest.mark.django_db
def test_the_command_prints_both_systems_per_language(tmp_path, capsys):
    questions = tmp_path / "qa.jsonl"
    questions.write_text("\n".join(json.dumps(line) for line in [
        {"id": "1", "lang": "en", "question": "Risk assessment of gene drive mosquitoes",
         "relevant_docs": ["RA_EGD_2024"]},
        {"id": "2", "lang": "fr", "question": "Quelle est la meilleure recette de crêpes ?", "relevant_docs": []},
    ]))
    call_command("assistant_eval", str(questions))
    out = capsys.readouterr().out
    assert "Full system" in out and "BM25 alone" in out
    assert "recall@1" in out and "recall@5" in out and "mrr" in out
    assert "\nfr " in out and "\nen " in out
    assert "recall@5 gain over BM25 alone, in points: all " in out and ", fr " in out


def test_the_gain_over_bm25_is_given_in_points_per_language():
    full = {"all": {"recall@5": 0.95}, "fr": {"recall@5": 1.0}, "es": {"recall@5": 0.9}}
    bm25 = {"all": {"recall@5": 0.75}, "fr": {"recall@5": 0.5}, "es": {"recall@5": 0.9}}
    assert format_gains(full, bm25) == "recall@5 gain over BM25 alone, in points: all +20.0, es +0.0, fr +50.0"
