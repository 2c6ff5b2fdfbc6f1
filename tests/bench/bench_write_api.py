"""Median and p95 times of the write API in one process (Django's test client), with the queries of each call.

Run on demand: .venv/bin/pytest -q -s -p no:cacheprovider tests/bench/bench_write_api.py (DATABASE_URL for
PostgreSQL). Creates, changes and withdraws commitments through the API, then reads the list with the author's
token (their unpublished commitments first) and without one.
"""

import statistics
import time

import pytest
from django.db import connection

from actionagenda.commitments.models import Commitment
from factories import CommitmentFactory
from tests.interop.write_api import body, call, token_for

pytestmark = pytest.mark.django_db

RUNS = 200


def report(name: str, times: list[float], queries: list[int]) -> None:
    p95 = statistics.quantiles(times, n=20)[-1]
    print(f"{name}: median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms over {len(times)} requests, "
          f"{statistics.median(queries):.0f} queries (median)")


def timed(make_call) -> tuple[list[float], list[int]]:
    times, queries = [], []

    def count(execute, *args):
        queries[-1] += 1
        return execute(*args)

    for number in range(RUNS):
        queries.append(0)
        # Counted by a wrapper: the test client's request_started signal empties connection.queries.
        with connection.execute_wrapper(count):
            start = time.perf_counter()
            response = make_call(number)
            times.append((time.perf_counter() - start) * 1000)
        assert response.status_code < 300, response.content[:500]
    return times, queries


def test_bench_write_api(client, settings, author):
    settings.DEBUG = False
    settings.ACTIONAGENDA_RATE_LIMITS = {**settings.ACTIONAGENDA_RATE_LIMITS, "api_write": "100000/3600",
                                         "commitment_submit": "100000/3600"}
    CommitmentFactory.create_batch(300)
    token = token_for(author)
    created = []

    def create(number):
        response = call(client, "post", "/api/v1/commitments", token, body(title=f"Biosafety radio, county {number}"))
        created.append(response.json()["id"])
        return response

    report("POST /api/v1/commitments (submitted)", *timed(create))
    # Returned to the author, so that a PATCH changes them in place.
    Commitment.objects.filter(pk__in=created).update(status=Commitment.Status.RETURNED)
    report("PATCH a returned commitment (title, KPI target)", *timed(lambda number: call(
        client, "patch", f"/api/v1/commitments/{created[number]}", token,
        {"title": f"Biosafety radio, county {number}, again", "kpis": [{"name": "Listeners reached",
         "unit": "people", "baseline": 0, "target": 2000 + number, "target_date": "2028-12-31"}]})))
    report("GET /api/v1/commitments with the token (200 unpublished first)",
           *timed(lambda number: call(client, "get", f"/api/v1/commitments?offset={number % 10}", token)))
    report("GET /api/v1/commitments without a token",
           *timed(lambda number: call(client, "get", f"/api/v1/commitments?offset={number % 10}", None)))
    report("DELETE (withdraw)", *timed(lambda number: call(
        client, "delete", f"/api/v1/commitments/{created[number]}", token)))
