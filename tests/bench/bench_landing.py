"""The landing page under `actionagenda serve` (gunicorn, 2 workers, DEBUG off), warm.

    python tests/bench/generate.py --commitments 100000 --data-dir /tmp/bench-data     # once
    python tests/bench/bench_landing.py --data-dir /tmp/bench-data [--requests 300]
    DATABASE_URL=postgres://... python tests/bench/bench_landing.py                  # on PostgreSQL

Prints the headline figures as the page shows them, then the median and p95 (ms) of the page in each language
after a warm-up in which both workers build their facet index, against DESIGN.md's budget (p95 <= 50 ms warm).
"""

import argparse
import os
import random
import re
import time

from bench_explore import _get, _report, serving

BUDGET = 50
LANGUAGES = ("en", "fr", "es")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", default=os.environ.get("ACTIONAGENDA_DATA_DIR", "/tmp/actionagenda-bench"))
    parser.add_argument("--requests", type=int, default=300, help=">= 200")
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()
    with serving(args.data_dir) as base:
        started = time.perf_counter()
        _elapsed, status, body = _get(f"{base}/en/")
        page = body.decode()
        print(f"{'PostgreSQL' if os.environ.get('DATABASE_URL') else 'SQLite'}, first landing page {status} in "
              f"{(time.perf_counter() - started) * 1000:.0f} ms (one worker's facet index built by then or now)")
        for number, label in re.findall(r"<li><strong>([\d,]+)</strong> ([^<]+)</li>", page):
            print(f"  {number} {label.strip()}")
        rng = random.Random(args.seed)
        for _ in range(30):  # warm-up: both workers build their index and load templates
            _get(f"{base}/{rng.choice(LANGUAGES)}/")
        print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs "
              "(other processes on the machine inflate the figures)")
        timings, statuses = [], []
        for _ in range(args.requests):
            elapsed, status, _body = _get(f"{base}/{rng.choice(LANGUAGES)}/")
            timings.append(elapsed)
            statuses.append(status)
        _report("landing", timings, statuses, budget=BUDGET)
        print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
