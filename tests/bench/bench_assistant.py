"""Benchmark of the assistant's answer time over >= 5,000 passages, and the memory of a process with the model.

    ACTIONAGENDA_DATA_DIR=/tmp/bench-assistant .venv/bin/python tests/bench/bench_assistant.py [--passages 6000]

Builds a library in a fresh SQLite database under the data folder: the shipped catalogue plus synthetic
documents whose passages are re-combined catalogue sentences. Their vectors are catalogue vectors with noise
(embedding 5,000 passages would take minutes and does not change the cost of ranking). Every question is
embedded for real. Prints the median and p95 of `services.ask` (the same call the page and the API make)
and the process's resident memory.
"""

import argparse
import os
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("ACTIONAGENDA_DATA_DIR", "/tmp/bench-assistant")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "actionagenda.settings")


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--passages", type=int, default=6000)
    parser.add_argument("--rounds", type=int, default=4, help="Times each question is asked.")
    args = parser.parse_args()

    import django

    from actionagenda import datafolder

    datafolder.prepare()  # the folder and secret key `actionagenda migrate` makes
    django.setup()
    import numpy as np
    from django.core.management import call_command

    from actionagenda.assistant import embedding, evaluation, retrieval, services
    from actionagenda.assistant.models import GuidanceDocument, Passage

    call_command("migrate", verbosity=0)
    GuidanceDocument.objects.all().delete()
    services.load_catalogue()
    catalogue = list(Passage.objects.values_list("language", "text", "vector"))
    sentences = {lang: [part for language, text, _ in catalogue if language == lang
                        for part in re.split(r"(?<=\.)\s+", text)] for lang in ("en", "fr", "es")}
    rng = random.Random(17)
    need = args.passages - len(catalogue)
    documents = GuidanceDocument.objects.bulk_create(
        GuidanceDocument(key=f"SYNTH_{i:04d}", title=f"Synthetic guidance {i}", publisher="Bench", year="2026",
                         index_status="indexed") for i in range(need // 5 + 1))
    rows = []
    for i in range(need):
        language, _, vector = rng.choice(catalogue)
        noisy = embedding.from_bytes(vector) + np.random.default_rng(i).normal(0, 0.02, embedding.DIM)
        noisy /= np.linalg.norm(noisy)
        rows.append(Passage(document=documents[i // 5], position=i % 5, language=language,
                            heading=f"Section {i % 5}", text=" ".join(rng.sample(sentences[language], 3)),
                            vector=embedding.to_bytes(noisy)))
    Passage.objects.bulk_create(rows, batch_size=500)
    retrieval.invalidate()

    started = time.perf_counter()
    embedding.model()
    load_seconds = time.perf_counter() - started
    started = time.perf_counter()
    index = retrieval.index()
    build_seconds = time.perf_counter() - started

    questions = []
    for name in ("heldout.jsonl", "heldout2.jsonl", "qa_dev.jsonl"):
        questions += [line["question"] for line in evaluation.read_questions(ROOT / "tests/assistant/eval_sets" / name)]
    timings = []
    embedding._embed_query.cache_clear()  # every first round question is embedded for real
    for round_ in range(args.rounds):
        for question in questions:
            # Later rounds vary the words, so they are embedded again (a repeated question is not: it is cached).
            varied = question if round_ == 0 else f"{question} {rng.choice(['please', 'merci', 'gracias'])} {round_}"
            started = time.perf_counter()
            services.ask(varied, "en")
            timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p95 = timings[int(0.95 * (len(timings) - 1))]
    embeds = []
    for question in questions:
        started = time.perf_counter()
        embedding.embed_query(question + " ??")
        embeds.append((time.perf_counter() - started) * 1000)
    embeds.sort()
    print(f"passages indexed: {index.size} (semantic: {index.semantic}); model load {load_seconds:.2f} s; "
          f"index build {build_seconds:.2f} s")
    print(f"answers: {len(timings)}  median {statistics.median(timings):.1f} ms  p95 {p95:.1f} ms  "
          f"max {timings[-1]:.1f} ms")
    print(f"of which the question's embedding: median {statistics.median(embeds):.1f} ms  "
          f"p95 {embeds[int(0.95 * (len(embeds) - 1))]:.1f} ms")
    print(f"load average during the run (2 cores): {os.getloadavg()[0]:.1f}")
    print(f"resident memory with the model and index loaded: {rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
