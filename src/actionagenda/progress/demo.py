"""Demo progress: submitted reports and KPI readings for demo commitments, so that scorecards, traffic lights and
the explore facets show every case (on track, behind, regressing, lapsed, never reported).

Bulk inserts, like `commitments.demo` (generated rows, edited by nobody: no history); fast enough for the
benchmark's 10^6 readings.
"""

import datetime
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from actionagenda.commitments.models import KPI, Commitment

from . import periods, services
from .models import ProgressReport, Reading
from .services import first_reporting_day

BATCH = 5000
# How demo commitments report, with the share of commitments that do so: never; every period (three in ten
# with the last one late); reported then stopped; reported with readings going the wrong way.
PROFILES = (
    ("silent", 0.2), ("regular", 0.45), ("lapsed", 0.2), ("regressing", 0.15),
)


def seed(seed: int = 2030) -> int:
    """Progress for every published commitment that has none yet, then their scorecards; returns readings made."""
    ids = list(Commitment.objects.published().filter(reports__isnull=True).order_by("pk")
               .values_list("pk", flat=True))
    made = generate(ids, seed=seed)
    services.refresh_all()
    return made


def generate(commitment_ids: list[int], seed: int = 2030, today: datetime.date | None = None,
             readings_per_kpi: int | None = None) -> int:
    """Reports and readings for the published `commitment_ids`; returns the number of readings made.

    With `readings_per_kpi`, every KPI gets that many readings (the benchmark's volume) whatever its profile.
    """
    rng = random.Random(seed)
    today = today or timezone.localdate()
    made = 0
    for start in range(0, len(commitment_ids), BATCH):
        made += _generate_batch(commitment_ids[start:start + BATCH], rng, today, readings_per_kpi)
    return made


@transaction.atomic
def _generate_batch(ids: list[int], rng: random.Random, today: datetime.date, per_kpi: int | None) -> int:
    kpis: dict[int, list[KPI]] = {}
    for kpi in KPI.objects.filter(commitment_id__in=ids).select_related("commitment").order_by("pk"):
        kpis.setdefault(kpi.commitment_id, []).append(kpi)
    reports, planned = [], []
    for commitment_kpis in kpis.values():
        commitment = commitment_kpis[0].commitment
        first_day = first_reporting_day(commitment)
        if first_day is None:
            continue
        profile = rng.choices([name for name, _ in PROFILES], weights=[w for _, w in PROFILES])[0]
        due = periods.due_periods(first_day, commitment.reporting_cadence, today)
        if profile == "lapsed":
            due = due[:max(0, len(due) - rng.randint(2, 9))]
        elif profile == "regular" and due and rng.random() < 0.3:
            due = due[:-1]  # one report late: amber
        if profile == "silent":
            due = []
        for number, period in enumerate(due):
            submitted = datetime.datetime.combine(period.end + datetime.timedelta(days=rng.randint(1, 25)),
                                                  datetime.time(10), tzinfo=datetime.UTC)
            reports.append(ProgressReport(
                commitment_id=commitment.pk, period_start=period.start, period_end=period.end,
                kind=ProgressReport.Kind.NOTE if number % 2 else ProgressReport.Kind.REPORT,
                phase=commitment.phase, narrative="Activities went ahead as planned.",
                status=ProgressReport.Status.SUBMITTED, submitted_at=submitted))
        planned.append((commitment_kpis, due, profile, len(reports)))
    ProgressReport.objects.bulk_create(reports, batch_size=1000)
    readings = []
    for commitment_kpis, due, profile, end in planned:
        made_reports = reports[end - len(due):end]
        for kpi in commitment_kpis:
            readings += _readings(kpi, made_reports, profile, rng, today, per_kpi)
    Reading.objects.bulk_create(readings, batch_size=5000)
    return len(readings)


def _readings(kpi: KPI, reports: list[ProgressReport], profile: str, rng: random.Random, today: datetime.date,
              per_kpi: int | None) -> list[Reading]:
    """One reading per report (on the period's last day), or `per_kpi` readings spread up to today."""
    if kpi.baseline_value is None or kpi.target_value is None:
        return []
    start = kpi.baseline_date or today - datetime.timedelta(days=720)
    end = kpi.target_date or today + datetime.timedelta(days=720)
    span = max((end - start).days, 1)
    pace = {"regressing": Decimal("-0.4"), "lapsed": Decimal("0.5")}.get(profile, Decimal(rng.choice(
        ["0.6", "0.9", "1.0", "1.2"])))
    if per_kpi:
        step = max((today - start).days, per_kpi) // per_kpi
        dated = [(start + datetime.timedelta(days=step * (n + 1)), None) for n in range(per_kpi)]
    else:
        dated = [(report.period_end, report) for report in reports]
    made = []
    for date, report in dated:
        share = Decimal(min(max((date - start).days, 0), span)) / Decimal(span)
        value = kpi.baseline_value + (kpi.target_value - kpi.baseline_value) * share * pace
        value *= Decimal(rng.randint(90, 110)) / 100
        made.append(Reading(kpi_id=kpi.pk, date=date, value=value.quantize(Decimal("0.01")), report=report,
                            source=Reading.Source.REPORT if report else Reading.Source.CSV))
    return made
