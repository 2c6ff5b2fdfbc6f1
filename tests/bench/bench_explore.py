"""Explore, list API and detail page under `actionagenda serve` (gunicorn, 2 workers, DEBUG off).

    python tests/bench/generate.py --commitments 100000 --data-dir /tmp/bench-data     # once
    python tests/bench/bench_explore.py --data-dir /tmp/bench-data [--requests 300]
    DATABASE_URL=postgres://... python tests/bench/bench_explore.py                  # on PostgreSQL

Prints the median and p95 (ms) of each kind of request, over varied queries, after a warm-up, against the
budgets of DESIGN.md: explore (text search + 2 facets, counts included) <= 100 ms, list API (25 items,
filtered) <= 50 ms, detail page <= 50 ms.
"""

import argparse
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

WORDS = ["radio", "laboratory", "biosécurité", "risk", "farmers", "campaign", "detección", "dialogue", "seed",
         "training", "communautés", "consultations", "Kumasi", "Lagos", "Bogotá", "OVM", "mentoring", "grain",
         "BCH", "socio"]
FACETS = {
    "actor_type": ["individual", "organization", "business", "local_government"],
    "country": ["NG", "KE", "GH", "SN", "CM", "MX", "CO", "PE", "IN", "FR", "CA"],
    "region": ["002", "019", "142", "150"],
    "gbf_target": ["GBF-17", "GBF-14", "GBF-20", "GBF-21", "GBF-22"],
    "ip_element": ["IP-PAEP", "IP-DI", "IP-CB", "IP-RA", "IP-BCH", "IP-SEC"],
    "action_area": ["BIOSAFETY", "FOOD-AND-HEALTH", "SPECIES", "GREEN-FINANCE"],
    "phase": ["planning", "development", "implementation", "evaluation"],
    "scale": ["local", "subnational", "national", "regional", "global"],
    "language": ["en", "fr", "es"],
}
BUDGETS = {"explore": 100, "api_list": 50, "detail": 50}
# The API's read limits (interop.read_limits) lifted for the benchmark's one client: still counted, never refused.
NO_LIMIT = {"RATE_LIMIT_API_READ": "100000000/60", "RATE_LIMIT_API_READ_TOKEN": "100000000/60"}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> tuple[float, int, bytes]:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            body, status = response.read(), response.status
    except urllib.error.HTTPError as error:
        body, status = error.read(), error.code
    return (time.perf_counter() - started) * 1000, status, body


def timed_get(client, url: str):
    """A GET through Django's test `client`: its wall time and this process's CPU time (ms), and the response."""
    started, started_cpu = time.perf_counter(), time.process_time()
    response = client.get(url)
    return (time.perf_counter() - started) * 1000, (time.process_time() - started_cpu) * 1000, response


def _facet_pair(rng: random.Random) -> list[tuple[str, str]]:
    return [(name, rng.choice(FACETS[name])) for name in rng.sample(sorted(FACETS), 2)]


def _explore_url(base: str, rng: random.Random) -> str:
    params = [("search", rng.choice(WORDS))] + _facet_pair(rng)
    if rng.random() < 0.3:
        params.append(("page", str(rng.randint(2, 4))))
    return f"{base}/en/commitments/?{urllib.parse.urlencode(params)}"


def _list_url(base: str, rng: random.Random) -> str:
    params = _facet_pair(rng) + [("limit", "25"), ("offset", str(rng.choice([0, 0, 25, 50])))]
    if rng.random() < 0.5:
        params.append(("search", rng.choice(WORDS)))
    return f"{base}/api/v1/commitments?{urllib.parse.urlencode(params)}"


def _report(name: str, timings: list[float], statuses: list[int], budget: int | None = None) -> None:
    ordered = sorted(timings)
    p95 = ordered[max(0, int(round(0.95 * len(ordered))) - 1)]
    budget = budget or BUDGETS[name]
    bad = [s for s in statuses if s != 200]
    print(f"{name:9s} n={len(timings):4d}  min {ordered[0]:6.1f} ms  median {statistics.median(ordered):6.1f} ms  "
          f"p95 {p95:6.1f} ms  "
          f"max {ordered[-1]:6.1f} ms  budget p95 <= {budget} ms  {'OK' if p95 <= budget else 'OVER'}"
          + (f"  non-200: {len(bad)}" if bad else ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", default=os.environ.get("ACTIONAGENDA_DATA_DIR", "/tmp/actionagenda-bench"))
    parser.add_argument("--requests", type=int, default=300, help="per kind of request (>= 200)")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--in-process", action="store_true",
                        help="no server: Django's test client in this process, also printing CPU time per request "
                             "(a figure other processes on the machine hardly change)")
    args = parser.parse_args()
    if args.in_process:
        in_process(args)
        return
    with serving(args.data_dir) as base:
        print(f"{'PostgreSQL' if os.environ.get('DATABASE_URL') else 'SQLite'}, "
              f"{json.loads(_get(base + '/api/v1/statistics')[2])['total']} published commitments")
        rng = random.Random(args.seed)
        ids = []
        for offset in range(0, 2000, 100):
            ids += [item["id"] for item in json.loads(_get(
                f"{base}/api/v1/commitments?limit=100&offset={offset * 37}")[2])["items"]]
        # Warm-up: both workers build their facet index and load templates.
        for _ in range(20):
            _get(_explore_url(base, rng))
            _get(_list_url(base, rng))
            _get(f"{base}/en/commitments/{rng.choice(ids)}/")
        kinds = {
            "explore": lambda: _explore_url(base, rng),
            "api_list": lambda: _list_url(base, rng),
            "detail": lambda: f"{base}/en/commitments/{rng.choice(ids)}/",
        }
        print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs "
              "(other processes on the machine inflate the figures)")
        for name, make_url in kinds.items():
            timings, statuses = [], []
            for _ in range(args.requests):
                elapsed, status, _body = _get(make_url())
                timings.append(elapsed)
                statuses.append(status)
            _report(name, timings, statuses)
        print(f"load average after: {os.getloadavg()[0]:.1f}")


@contextmanager
def serving(data_dir: str):
    """`actionagenda serve` (gunicorn, 2 workers, DEBUG off, read limits lifted) on a free port, once it answers;
    yields its address and stops it after."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "ACTIONAGENDA_DATA_DIR": data_dir, "DEBUG": "0", **NO_LIMIT}
    command = [str(Path(sys.executable).with_name("actionagenda")), "serve", "--port", str(port), "--workers", "2"]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              start_new_session=True)
    try:
        for _ in range(600):  # a loaded machine can take a minute to start the workers
            try:
                _get(f"{base}/api/v1/statistics")
                break
            except OSError:
                if server.poll() is not None:
                    sys.exit(f"serve stopped: {server.stderr.read().decode()[-2000:]}")
                time.sleep(0.2)
        yield base
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)


def django_in_process(data_dir: str) -> None:
    """Django set up in this process on `data_dir` (or DATABASE_URL), DEBUG off, read limits lifted."""
    os.environ.update({**NO_LIMIT, "ACTIONAGENDA_DATA_DIR": data_dir, "DEBUG": "0"})
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "actionagenda.settings")
    import django

    django.setup()


def in_process(args) -> None:
    django_in_process(args.data_dir)
    from django.test import Client

    from actionagenda.commitments.models import Commitment

    client = Client()
    rng = random.Random(args.seed)
    ids = list(Commitment.objects.published().values_list("pk", flat=True)[:2000])
    base = "http://testserver"
    kinds = {
        "explore": lambda: _explore_url(base, rng),
        "api_list": lambda: _list_url(base, rng),
        "detail": lambda: f"{base}/en/commitments/{rng.choice(ids)}/",
    }
    for make_url in kinds.values():  # warm-up
        for _ in range(20):
            client.get(make_url())
    print(f"in process, {'PostgreSQL' if os.environ.get('DATABASE_URL') else 'SQLite'}, "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    for name, make_url in kinds.items():
        timings, cpu, statuses = [], [], []
        for _ in range(args.requests):
            elapsed, used, response = timed_get(client, make_url())
            timings.append(elapsed)
            cpu.append(used)
            statuses.append(response.status_code)
        _report(name, timings, statuses)
        ordered = sorted(cpu)
        print(f"{'':9s} CPU in this process: median {statistics.median(ordered):6.1f} ms  "
              f"p95 {ordered[int(round(0.95 * len(ordered))) - 1]:6.1f} ms")


if __name__ == "__main__":
    main()
