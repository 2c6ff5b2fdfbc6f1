"""Progress at scale: every scorecard computed from scratch, and explore with a KPI-state facet under serve.

    python tests/bench/generate.py --commitments 100000 --data-dir /tmp/bench-data     # once
    python tests/bench/bench_progress.py --data-dir /tmp/bench-data [--requests 300]
    DATABASE_URL=postgres://... python tests/bench/bench_progress.py                 # on PostgreSQL

Adds demo reports and readings (`progress.demo.generate`, `--readings-per-kpi` each, 10 by default: 10^6
readings for the 10^5 KPIs of generate.py's commitments) when the database has fewer, then prints:
- the time to compute every published commitment's KPI progress and scorecard from nothing (target < 60 s), and
  a second run over existing rows (the worker's daily job);
- the time to build the facet index with the progress facets (what the first request after a change pays);
- median and p95 of the explore page with a KPI-state facet (plus a text search or another facet; counts
  included) and of the detail page, under `actionagenda serve` (gunicorn, 2 workers, DEBUG off).
"""

import argparse
import os
import random
import signal
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_explore  # noqa: E402  (its request helpers and budgets)
from bench_explore import FACETS, WORDS, _free_port, _get, _report  # noqa: E402

STATES = ["achieved", "on_track", "at_risk", "off_track", "regressing", "no_data"]
bench_explore.BUDGETS.update({"explore_kpi_state": 100, "detail": 50})


def _setup(data_dir: str) -> None:
    os.environ["ACTIONAGENDA_DATA_DIR"] = data_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "actionagenda.settings")
    import django

    from actionagenda import datafolder

    datafolder.prepare()
    django.setup()


def fill(readings_per_kpi: int, seed: int) -> None:
    from django.db import connection

    from actionagenda.commitments.models import Commitment
    from actionagenda.progress import demo
    from actionagenda.progress.models import Reading

    published = Commitment.objects.published().count()
    wanted = published * readings_per_kpi
    have = Reading.objects.count()
    if have >= wanted * 0.9:
        print(f"{published} published commitments, {have} readings already there")
        return
    ids = list(Commitment.objects.published().filter(reports__isnull=True).order_by("pk")
               .values_list("pk", flat=True))
    started = time.perf_counter()
    made = demo.generate(ids, seed=seed, readings_per_kpi=readings_per_kpi)
    elapsed = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"Generated {made} readings (and their reports) in {elapsed:.1f} s; {Reading.objects.count()} in all, "
          f"{published} published commitments")


def compute() -> None:
    from django.utils import timezone

    from actionagenda.commitments import facets
    from actionagenda.progress import reminders, services
    from actionagenda.progress.models import KPIProgress, ProgressReport, Reading, Scorecard

    KPIProgress.objects.all().delete()
    Scorecard.objects.all().delete()
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"{Reading.objects.count()} readings, {ProgressReport.objects.count()} reports")
    started, cpu = time.perf_counter(), time.process_time()
    count = services.refresh_all()
    print(f"every scorecard from scratch: {count} commitments in {time.perf_counter() - started:.1f} s "
          f"(CPU in this process {time.process_time() - cpu:.1f} s; target < 60 s)")
    started, cpu = time.perf_counter(), time.process_time()
    services.refresh_all()
    print(f"again over existing rows (the daily job): {time.perf_counter() - started:.1f} s "
          f"(CPU {time.process_time() - cpu:.1f} s)")
    started = time.perf_counter()
    planned = reminders.plan(timezone.localdate())
    print(f"planning today's report reminders: {len(planned)} in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    index = facets.build()
    print(f"facet index build with the progress facets: {time.perf_counter() - started:.2f} s; KPI states: "
          + ", ".join(f"{code} {len(ids)}" for code, ids in sorted(index.values["kpi_state"].items())))
    facets.invalidate()


def _explore_url(base: str, rng: random.Random) -> str:
    params = [("kpi_state", rng.choice(STATES))]
    if rng.random() < 0.5:
        params.append(("search", rng.choice(WORDS)))
    other = rng.choice(sorted(FACETS) + ["traffic_light", "inactive"])
    params.append((other, rng.choice({"traffic_light": ["green", "amber", "red"],
                                      "inactive": ["true", "false"]}.get(other) or FACETS.get(other))))
    if rng.random() < 0.3:
        params.append(("page", str(rng.randint(2, 4))))
    return f"{base}/en/commitments/?{urllib.parse.urlencode(params)}"


def serve(data_dir: str, requests: int, seed: int) -> None:
    from actionagenda.commitments.models import Commitment

    ids = list(Commitment.objects.published().order_by("?").values_list("pk", flat=True)[:2000])
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "ACTIONAGENDA_DATA_DIR": data_dir, "DEBUG": "0"}
    command = [str(Path(sys.executable).with_name("actionagenda")), "serve", "--port", str(port), "--workers", "2"]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              start_new_session=True)
    try:
        for _ in range(200):
            try:
                _get(f"{base}/api/v1/statistics")
                break
            except OSError:
                time.sleep(0.2)
        rng = random.Random(seed)
        for _ in range(20):  # warm-up: both workers build their facet index
            _get(_explore_url(base, rng))
            _get(f"{base}/en/commitments/{rng.choice(ids)}/")
        print(f"{'PostgreSQL' if os.environ.get('DATABASE_URL') else 'SQLite'}, load average before: "
              f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        kinds = {"explore_kpi_state": lambda: _explore_url(base, rng),
                 "detail": lambda: f"{base}/en/commitments/{rng.choice(ids)}/"}
        for name, make_url in kinds.items():
            timings, statuses = [], []
            for _ in range(requests):
                elapsed, status, _body = _get(make_url())
                timings.append(elapsed)
                statuses.append(status)
            _report(name, timings, statuses)
        print(f"load average after: {os.getloadavg()[0]:.1f}")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)


def in_process(requests: int, seed: int) -> None:
    """The same requests through Django's test client in this process, with the CPU time of each (a figure the
    other processes on a shared machine hardly change)."""
    os.environ["DEBUG"] = "0"
    from django.test import Client

    from actionagenda.commitments.models import Commitment

    client, rng = Client(), random.Random(seed)
    ids = list(Commitment.objects.published().order_by("?").values_list("pk", flat=True)[:2000])
    kinds = {"explore_kpi_state": lambda: _explore_url("http://testserver", rng),
             "detail": lambda: f"/en/commitments/{rng.choice(ids)}/"}
    for make_url in kinds.values():
        for _ in range(20):
            client.get(make_url())
    print(f"in process, {'PostgreSQL' if os.environ.get('DATABASE_URL') else 'SQLite'}, load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    for name, make_url in kinds.items():
        timings, cpu, statuses = [], [], []
        for _ in range(requests):
            url = make_url()
            started, started_cpu = time.perf_counter(), time.process_time()
            statuses.append(client.get(url).status_code)
            timings.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        _report(name, timings, statuses)
        ordered = sorted(cpu)
        print(f"{'':9s} CPU in this process: median {ordered[len(ordered) // 2]:6.1f} ms  "
              f"p95 {ordered[int(round(0.95 * len(ordered))) - 1]:6.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", default=os.environ.get("ACTIONAGENDA_DATA_DIR", "/tmp/actionagenda-bench"))
    parser.add_argument("--readings-per-kpi", type=int, default=10)
    parser.add_argument("--requests", type=int, default=300, help="per kind of request (>= 200)")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--skip-compute", action="store_true", help="only the requests (scorecards exist)")
    parser.add_argument("--in-process", action="store_true",
                        help="requests through Django's test client in this process, with CPU time per request")
    args = parser.parse_args()
    _setup(args.data_dir)
    fill(args.readings_per_kpi, args.seed)
    if not args.skip_compute:
        compute()
    sys.stdout.flush()
    if args.in_process:
        in_process(args.requests, args.seed)
    else:
        serve(args.data_dir, args.requests, args.seed)


if __name__ == "__main__":
    main()
