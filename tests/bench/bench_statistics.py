"""The statistics page under `actionagenda serve` (gunicorn, 2 workers, DEBUG off): warm, cold for the query, and
cold after a data change.

    python tests/bench/generate.py --commitments 100000 --data-dir /tmp/bench-data     # once
    python tests/bench/bench_statistics.py --data-dir /tmp/bench-data [--requests 300] [--changes 20]
    DATABASE_URL=postgres://... python tests/bench/bench_statistics.py                # on PostgreSQL

Prints the page's size and headline figures, then the median and p95 (ms) of:
- warm: a set of varied queries (none, one or two explore facets, a search, in en/fr/es), each asked before;
  budget p95 <= 50 ms;
- cold query: queries never asked before, so their figures are computed (the facet index and the statistics
  base are warm); budget p95 <= 1 s;
- cold after a change: the first page after a commitment's `updated` is touched, so that the facet index, the
  statistics base and the figures are all rebuilt in the worker that answers; budget p95 <= 1 s.
With --in-process, the same through Django's test client, with each request's CPU time (what the machine's load
hardly changes). generate.py's commitments have KPIs but no readings or scorecards; add them with
bench_progress.py's data (or `progress.demo.seed`) to see the KPI states and reporting filled in (the cost is
the same).
"""

import argparse
import gzip
import itertools
import os
import random
import re
import time
import urllib.parse

from bench_explore import FACETS, WORDS, _get, _report, serving

LANGUAGES = ("en", "fr", "es")
WARM_BUDGET, COLD_BUDGET = 50, 1000


def _query(rng: random.Random) -> list[tuple[str, str]]:
    shape = rng.choice(["none", "one", "one", "two", "two", "search"])
    if shape == "none":
        return []
    if shape == "search":
        return [("search", rng.choice(WORDS)), (name := rng.choice(sorted(FACETS)), rng.choice(FACETS[name]))]
    return [(name, rng.choice(FACETS[name])) for name in rng.sample(sorted(FACETS), 1 if shape == "one" else 2)]


def _url(base: str, language: str, params: list[tuple[str, str]]) -> str:
    return f"{base}/{language}/statistics/" + (f"?{urllib.parse.urlencode(params)}" if params else "")


def _unasked(base: str, seen: set) -> "itertools.Iterator[str]":
    """Queries of three facets (country, actor type, language or phase): thousands, each asked once."""
    for country, actor_type, (name, value) in itertools.product(
            FACETS["country"], FACETS["actor_type"],
            [("language", code) for code in FACETS["language"]] + [("phase", code) for code in FACETS["phase"]]):
        url = _url(base, "en", [("country", country), ("actor_type", actor_type), (name, value)])
        if url not in seen:
            yield url


def _touch() -> None:
    """A data change another process sees: one commitment's `updated` moved (the facet index's version)."""
    from django.utils import timezone

    from actionagenda.commitments.models import Commitment

    first = Commitment.objects.published().order_by("pk").values_list("pk", flat=True).first()
    Commitment.objects.filter(pk=first).update(updated=timezone.now())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", default=os.environ.get("ACTIONAGENDA_DATA_DIR", "/tmp/actionagenda-bench"))
    parser.add_argument("--requests", type=int, default=300, help="warm requests (>= 200)")
    parser.add_argument("--cold", type=int, default=60, help="queries never asked before")
    parser.add_argument("--changes", type=int, default=20, help="data changes, each followed by one page")
    parser.add_argument("--queries", type=int, default=40, help="distinct queries in the warm set")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--in-process", action="store_true",
                        help="no server: Django's test client in this process, also printing CPU time per request "
                             "(a figure other processes on the machine hardly change)")
    args = parser.parse_args()
    os.environ["ACTIONAGENDA_DATA_DIR"] = args.data_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "actionagenda.settings")
    import django

    django.setup()
    if args.in_process:
        in_process(args)
        return
    with serving(args.data_dir) as base:
        engine = "PostgreSQL" if os.environ.get("DATABASE_URL") else "SQLite"
        elapsed, status, body = _get(_url(base, "en", []))
        print(f"{engine}, first statistics page {status} in {elapsed:.0f} ms (one worker's facet index and "
              f"statistics built then); {len(body):,} bytes, {len(gzip.compress(body)):,} gzipped")
        for number, label in re.findall(r"<li><strong>([\d,]+)</strong> ([^<]+)</li>", body.decode()):
            print(f"  {number} {label.strip()}")
        rng = random.Random(args.seed)
        urls = list(dict.fromkeys(_url(base, rng.choice(LANGUAGES), _query(rng)) for _ in range(args.queries)))
        for url in urls * 3:  # warm-up: both workers build their index and base, every query's figures cached
            _get(url)
        print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs "
              "(other processes on the machine inflate the figures)")
        timings, statuses = [], []
        for _ in range(args.requests):
            elapsed, status, _body = _get(rng.choice(urls))
            timings.append(elapsed)
            statuses.append(status)
        _report("warm", timings, statuses, budget=WARM_BUDGET)
        timings, statuses = [], []
        for url in itertools.islice(_unasked(base, set(urls)), args.cold):
            elapsed, status, _body = _get(url)
            timings.append(elapsed)
            statuses.append(status)
        _report("cold query", timings, statuses, budget=COLD_BUDGET)
        timings, statuses = [], []
        for _ in range(args.changes):
            _touch()
            elapsed, status, _body = _get(_url(base, rng.choice(LANGUAGES), []))
            timings.append(elapsed)
            statuses.append(status)
            for _warm in range(3):  # the other worker rebuilds too, before the next change
                _get(_url(base, "en", []))
        _report("cold after a change", timings, statuses, budget=COLD_BUDGET)
        print(f"load average after: {os.getloadavg()[0]:.1f}")


def in_process(args) -> None:
    """The same three kinds of request through Django's test client, with the CPU time of each."""
    from django.test import Client

    client = Client()
    rng = random.Random(args.seed)
    base = "http://testserver"
    urls = list(dict.fromkeys(_url(base, rng.choice(LANGUAGES), _query(rng)) for _ in range(args.queries)))
    for url in urls:
        client.get(url)

    def measure(name: str, make_urls, budget: int, before=None) -> None:
        timings, cpu, statuses = [], [], []
        for url in make_urls:
            if before:
                before()
            started, processed = time.perf_counter(), time.process_time()
            statuses.append(client.get(url).status_code)
            timings.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - processed) * 1000)
        _report(name, timings, statuses, budget=budget)
        _report(f"{name} CPU", cpu, statuses, budget=budget)

    print(f"{'PostgreSQL' if os.environ.get('DATABASE_URL') else 'SQLite'}, in process; load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    measure("warm", [rng.choice(urls) for _ in range(args.requests)], WARM_BUDGET)
    measure("cold query", itertools.islice(_unasked(base, set(urls)), args.cold), COLD_BUDGET)
    measure("cold after a change", [_url(base, "en", [])] * args.changes, COLD_BUDGET, before=_touch)


if __name__ == "__main__":
    main()
