"""Retrieval quality on a question set: recall@1/3/5 and MRR, overall and per language.

An out-of-scope line (empty relevant_docs) counts as answered, at every cut-off, when no document comes back.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

CUTOFFS = (1, 3, 5)


def read_questions(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def score_line(ranked: list[str], relevant: list[str]) -> dict[str, float]:
    if not relevant:
        ok = float(not ranked)
        return {**{f"recall@{k}": ok for k in CUTOFFS}, "hit@5": ok, "mrr": ok}
    wanted = set(relevant)
    scores = {f"recall@{k}": len(wanted & set(ranked[:k])) / len(wanted) for k in CUTOFFS}
    scores["hit@5"] = float(bool(wanted & set(ranked[:5])))
    rank = next((i for i, key in enumerate(ranked, start=1) if key in wanted), None)
    scores["mrr"] = 1 / rank if rank else 0.0
    return scores


def evaluate(questions: list[dict], rank: Callable[[str, str], list[str]]) -> tuple[dict, list[dict]]:
    """Mean scores per language and overall ("all"), and one row per question with what came back."""
    groups: dict[str, list[dict]] = defaultdict(list)
    rows = []
    for line in questions:
        ranked = rank(line["question"], line.get("lang", "en"))
        scores = score_line(ranked, line.get("relevant_docs", []))
        groups["all"].append(scores)
        groups[line.get("lang", "en")].append(scores)
        rows.append({"id": line.get("id"), "lang": line.get("lang"), "ranked": ranked[:5],
                     "relevant": line.get("relevant_docs", []), **scores})
    means = {name: {metric: sum(s[metric] for s in items) / len(items) for metric in items[0]} | {"n": len(items)}
             for name, items in groups.items()}
    return means, rows


def format_table(title: str, means: dict) -> str:
    metrics = ["recall@1", "recall@3", "recall@5", "hit@5", "mrr"]
    lines = [title, f"{'':6}{'n':>4} " + " ".join(f"{m:>9}" for m in metrics)]
    for name in ["all"] + sorted(k for k in means if k != "all"):
        row = means[name]
        lines.append(f"{name:6}{row['n']:>4} " + " ".join(f"{row[m]:>9.3f}" for m in metrics))
    return "\n".join(lines)


def format_gains(full: dict, baseline: dict, metric: str = "recall@5") -> str:
    """How many points the full system gains over BM25 alone, overall and per language."""
    gains = ", ".join(f"{name} {100 * (full[name][metric] - baseline[name][metric]):+.1f}"
                      for name in ["all"] + sorted(k for k in full if k != "all"))
    return f"{metric} gain over BM25 alone, in points: {gains}"
