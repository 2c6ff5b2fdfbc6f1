"""Median and p95 times of the authoring pages: the organisation form, the live SMART panel, a draft save.

Run on demand: ACTIONAGENDA_DATA_DIR=/tmp/bench .venv/bin/pytest -q -s tests/bench/bench_authoring.py
"""

import statistics
import time

import pytest
from django.urls import reverse

from factories import UserFactory
from tests.commitments.authoring_data import post_data

pytestmark = pytest.mark.django_db

RUNS = 200


def timed(call) -> list[float]:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return times


def report(name: str, times: list[float]) -> None:
    p95 = statistics.quantiles(times, n=20)[-1]
    print(f"{name}: median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms over {len(times)} requests")


def test_bench_authoring(client, settings):
    settings.DEBUG = False
    client.force_login(UserFactory())
    form_url = reverse("commitments:new", kwargs={"actor_type": "organization"})
    smart_url = reverse("commitments:smart")
    report("organisation form (GET)", timed(lambda: client.get(form_url)))
    data = post_data()
    report("live SMART panel (POST)", timed(lambda: client.post(smart_url, data)))
    draft = post_data(action="draft")
    report("save a new draft (POST)", timed(lambda: client.post(form_url, draft)))
