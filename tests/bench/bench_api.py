"""The list API's contract at scale: filtered pages, pages of changes (`updated_after`), revalidations (304) and
the detail, under `actionagenda serve` (gunicorn, 2 workers, DEBUG off); then, in this process, the list against a
raw `.values()` query of the same page.

    python tests/bench/generate.py --commitments 100000 --data-dir /tmp/bench-data     # once
    python tests/bench/bench_api.py --data-dir /tmp/bench-data [--requests 300]
    DATABASE_URL=postgres://... python tests/bench/bench_api.py                       # on PostgreSQL

Budgets (DESIGN.md, issue 19): list API p95 <= 50 ms at 10^5 published commitments, and <= 1.5x the p95 of a raw
`.values()` query of the same page (same filters and order, the commitment's and its actor's columns, no count,
no links). The read rate limits are lifted for the run (RATE_LIMIT_API_READ): their counting stays in the figures.
"""

import argparse
import json
import os
import random
import statistics
import time
import urllib.error
import urllib.parse
import urllib.request

from bench_explore import FACETS, _facet_pair, _list_url, _report, django_in_process, serving

BUDGET_MS = 50
RATIO = 1.5
# The facet -> ORM lookup of the raw query (explore's facets, as columns and links of the commitments table).
LOOKUPS = {"actor_type": "actor__kind", "country": "countries__code", "region": "countries__group",
           "gbf_target": "gbf_targets__code", "ip_element": "ip_elements__code",
           "action_area": "action_areas__code", "phase": "phase", "scale": "scale", "language": "language"}
COLUMNS = ("id", "title", "description", "language", "start_date", "end_date", "phase", "scale", "partners",
           "resources", "expected_impact", "website", "status", "published_at", "updated", "actor__name",
           "actor__kind", "actor__organization_type", "actor__country")


def _get(url: str, headers: dict | None = None) -> tuple[float, int, bytes, dict]:
    request = urllib.request.Request(url, headers=headers or {})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            body, status, answer_headers = response.read(), response.status, dict(response.headers)
    except urllib.error.HTTPError as error:
        body, status, answer_headers = error.read(), error.code, dict(error.headers)
    return (time.perf_counter() - started) * 1000, status, body, answer_headers


def _changes_url(base: str, rng: random.Random, times: list[str]) -> str:
    params = [("updated_after", rng.choice(times)), ("limit", "25")]
    if rng.random() < 0.5:
        params += _facet_pair(rng)[:1]
    return f"{base}/api/v1/commitments?{urllib.parse.urlencode(params)}"


def _measure(name: str, make, requests: int, expected: int = 200) -> None:
    timings, statuses = [], []
    for _ in range(requests):
        url, headers = make()
        elapsed, status, _body, _headers = _get(url, headers)
        timings.append(elapsed)
        statuses.append(200 if status == expected else status)
    _report(name, timings, statuses, budget=BUDGET_MS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", default=os.environ.get("ACTIONAGENDA_DATA_DIR", "/tmp/actionagenda-bench"))
    parser.add_argument("--requests", type=int, default=300, help="per kind of request (>= 200)")
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--skip-serve", action="store_true", help="only the in-process comparison")
    args = parser.parse_args()
    if not args.skip_serve:
        under_serve(args)
    in_process(args)


def under_serve(args) -> None:
    with serving(args.data_dir) as base:
        total = json.loads(_get(f"{base}/api/v1/statistics")[2])["total"]
        print(f"under serve (2 workers), {'PostgreSQL' if os.environ.get('DATABASE_URL') else 'SQLite'}, "
              f"{total} published commitments")
        rng = random.Random(args.seed)
        ids, times = [], []
        for offset in range(0, total, max(100, total // 20)):  # 20 pages across the whole list
            page = json.loads(_get(f"{base}/api/v1/commitments?limit=100&offset={offset}")[2])
            ids += [item["id"] for item in page["items"]]
            times += [item["updated_at"] for item in page["items"]]
        pages = [_list_url(base, rng) for _ in range(40)]
        etags = {url: _get(url)[3]["ETag"] for url in pages}
        for _ in range(20):  # warm-up: both workers build the facet index and the change order
            _get(_list_url(base, rng))
            _get(_changes_url(base, rng, times))
        print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        _measure("api_list", lambda: (_list_url(base, rng), {}), args.requests)
        _measure("changes", lambda: (_changes_url(base, rng, times), {}), args.requests)

        def revalidation():
            url = rng.choice(pages)
            return url, {"If-None-Match": etags[url]}

        _measure("api_304", revalidation, args.requests, expected=304)
        _measure("api_detail", lambda: (f"{base}/api/v1/commitments/{rng.choice(ids)}", {}), args.requests)
        print(f"load average after: {os.getloadavg()[0]:.1f}")


def in_process(args) -> None:
    """The same filtered pages through Django's test client and as a raw `.values()` query, interleaved."""
    django_in_process(args.data_dir)
    from django.test import Client

    from actionagenda.commitments.models import Commitment

    client = Client()
    rng = random.Random(args.seed)

    def page() -> tuple[list[tuple[str, str]], int]:
        return _facet_pair(rng), rng.choice([0, 0, 25, 50])

    def raw(pairs, offset) -> list[dict]:
        query = Commitment.objects.published()
        for facet, code in pairs:
            query = query.filter(**{LOOKUPS[facet]: code})
        if any(facet == "region" for facet, _code in pairs):  # two countries of one region: one row
            query = query.distinct()
        return list(query.order_by("-published_at", "-id").values(*COLUMNS)[offset:offset + 25])

    for _ in range(20):  # warm-up
        pairs, offset = page()
        client.get("/api/v1/commitments", [*pairs, ("limit", 25), ("offset", offset)])
        raw(pairs, offset)
    timings = {"api_list": ([], []), "values()": ([], [])}  # wall, CPU (with SQLite the database's work too)
    same = 0

    def timed(name, call, *arguments, **keywords):
        started, started_cpu = time.perf_counter(), time.process_time()
        result = call(*arguments, **keywords)
        timings[name][0].append((time.perf_counter() - started) * 1000)
        timings[name][1].append((time.process_time() - started_cpu) * 1000)
        return result

    for _ in range(args.requests):
        pairs, offset = page()
        response = timed("api_list", client.get, "/api/v1/commitments", [*pairs, ("limit", 25), ("offset", offset)])
        rows = timed("values()", raw, pairs, offset)
        body = response.json()
        same += [item["id"] for item in body["items"]] == [row["id"] for row in rows]
    # A revalidation of each page, and pages of changes since times of the data (half of them filtered).
    times = [moment.isoformat() for moment in Commitment.objects.order_by("?").values_list("updated", flat=True)[:50]]
    timings.update({"api_304": ([], []), "changes": ([], [])})
    for _ in range(args.requests):
        pairs, offset = page()
        query = [*pairs, ("limit", 25), ("offset", offset)]
        etag = client.get("/api/v1/commitments", query)["ETag"]
        assert timed("api_304", client.get, "/api/v1/commitments", query, HTTP_IF_NONE_MATCH=etag).status_code == 304
        since = [("updated_after", rng.choice(times)), ("limit", 25), *pairs[:rng.randint(0, 1)]]
        assert timed("changes", client.get, "/api/v1/commitments", since).status_code == 200
    print(f"in process, {'PostgreSQL' if os.environ.get('DATABASE_URL') else 'SQLite'}, "
          f"load average {os.getloadavg()[0]:.1f}; the same {args.requests} filtered pages (2 facets of "
          f"{', '.join(sorted(FACETS))}), same ids in {same}; their revalidations; pages of changes")
    p95 = {}
    for name, (wall, cpu) in timings.items():
        p95[name] = _p95(wall), _p95(cpu)
        print(f"{name:9s} median {statistics.median(wall):6.1f} ms  p95 {p95[name][0]:6.1f} ms   "
              f"CPU median {statistics.median(cpu):6.1f} ms  p95 {p95[name][1]:6.1f} ms")
    for kind, position in (("wall", 0), ("CPU", 1)):
        ratio = p95["api_list"][position] / p95["values()"][position]
        print(f"ratio of p95 ({kind}) {ratio:.2f} (budget <= {RATIO})  {'OK' if ratio <= RATIO else 'OVER'}")


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(round(0.95 * len(ordered))) - 1)]


if __name__ == "__main__":
    main()
