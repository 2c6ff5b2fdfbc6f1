"""`assistant-bank-twins`: the bank questions that are near-twins of evaluation questions, listed and dropped."""

import json

import pytest
from django.core.management import CommandError, call_command

from actionagenda.assistant import scope

IN_SCOPE = [{"lang": "en", "question": "Who must be told before a living modified organism crosses a border?",
             "relevant_docs": ["CPB_TEXT"]},
            {"lang": "fr", "question": "Comment évaluer les risques d'un moustique à forçage génétique ?",
             "relevant_docs": ["RA_EGD_2024"]}]
OUT_OF_SCOPE = [{"lang": "en", "question": "How long should I boil an egg for a runny yolk?"},
                {"lang": "es", "question": "¿Cómo renuevo mi pasaporte en el consulado?"}]


@pytest.fixture
def banks(tmp_path, monkeypatch):
    """Two small banks in a folder of their own (their questions have no shipped vector: embedded on reading)."""
    folder = tmp_path / "banks"
    folder.mkdir()
    for name, rows in (("in_scope.jsonl", IN_SCOPE), ("out_of_scope.jsonl", OUT_OF_SCOPE)):
        (folder / name).write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows),
                                     encoding="utf-8")
    monkeypatch.setattr(scope, "BANKS_DIR", folder)
    scope.training_data.cache_clear()
    yield folder
    scope.training_data.cache_clear()  # the other tests read the shipped banks


def eval_set(path, *questions):
    path.write_text("".join(json.dumps({"id": f"q{number}", "question": question}, ensure_ascii=False) + "\n"
                            for number, question in enumerate(questions, start=1)), encoding="utf-8")
    return path


def test_it_lists_the_twins_and_leaves_the_banks_alone_without_remove(banks, tmp_path, capsys):
    before = {path.name: path.read_bytes() for path in banks.glob("*.jsonl")}
    # The same question with other spacing is a twin (cosine 1); an unrelated one is not.
    questions = eval_set(tmp_path / "set.jsonl", "Who must be told  before a living modified organism crosses a "
                         "border?", "Quel temps fera-t-il demain à Lyon ?")
    call_command("assistant_bank_twins", str(questions))
    out = capsys.readouterr().out
    assert "set.jsonl q1" in out and f"bank: {IN_SCOPE[0]['question']}" in out
    assert "1 bank questions are near-twins of the 2 questions in 1 sets." in out
    assert {path.name: path.read_bytes() for path in banks.glob("*.jsonl")} == before


def test_it_removes_the_twins_from_either_bank_and_keeps_every_other_line(banks, tmp_path, capsys):
    questions = eval_set(tmp_path / "set.jsonl", IN_SCOPE[1]["question"], OUT_OF_SCOPE[0]["question"])
    call_command("assistant_bank_twins", str(questions), "--remove")
    assert "Removed 2 lines from the banks" in capsys.readouterr().out
    assert [json.loads(line) for line in (banks / "in_scope.jsonl").read_text().splitlines()] == IN_SCOPE[:1]
    assert [json.loads(line) for line in (banks / "out_of_scope.jsonl").read_text().splitlines()] == OUT_OF_SCOPE[1:]
    assert scope.training_data().questions == [IN_SCOPE[0]["question"], OUT_OF_SCOPE[1]["question"]]


def test_it_refuses_a_missing_set(banks, tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        call_command("assistant_bank_twins", str(tmp_path / "missing.jsonl"))
