"""What anyone may read of a commitment's progress: its KPIs with their readings and progress, its scorecard,
phase moves and submitted reports. The one reader behind the detail page, the infographic card, the API record
and the embedded frame, so that they all show the same figures.

`read` takes the stored figures (KPIProgress, Scorecard: `services.refresh` keeps them after every write and the
worker's daily job recomputes them) and computes in memory, with the same arithmetic, whatever was never stored.
A read never writes, and needs the same number of queries whatever the number of KPIs and readings.
"""

import datetime
import functools
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone

from actionagenda.commitments.models import KPI, Commitment

from . import arithmetic, services
from .models import InterimTarget, PhaseChange, ProgressReport, Reading


@dataclass(frozen=True)
class PublicReading:
    date: datetime.date
    value: Decimal
    note: str


@dataclass(frozen=True)
class KPIFacts:
    kpi: KPI
    indicator: arithmetic.Indicator
    interim: list[InterimTarget]
    readings: list[PublicReading]  # the public ones, oldest first
    progress: arithmetic.Progress

    @property
    def points(self) -> list[arithmetic.Point]:
        return [arithmetic.Point(reading.date, reading.value) for reading in self.readings]


@dataclass(frozen=True)
class Standing:
    """The scorecard's figures: overall progress (None: no data) and the reporting record."""

    overall: Decimal | None
    traffic_light: str
    inactive: bool
    last_report_on: datetime.date | None
    next_report_due: datetime.date | None  # when a report is missing: the day the oldest missing one was due


@dataclass(frozen=True)
class Facts:
    commitment: Commitment
    today: datetime.date
    kpis: list[KPIFacts]
    phases: list[PhaseChange]  # oldest first

    @functools.cached_property
    def scorecard(self) -> Standing | None:
        """None for a commitment that is not public."""
        return _standing(self) if self.commitment.is_public else None

    @functools.cached_property
    def reports(self) -> list[ProgressReport]:
        """The submitted reports, newest first (read when asked: the pages list the reports a visitor may see)."""
        return list(ProgressReport.objects.filter(commitment=self.commitment, status=ProgressReport.Status.SUBMITTED)
                    .order_by("-period_end", "-pk"))


def read(commitment: Commitment, today: datetime.date | None = None) -> Facts:
    """The progress of `commitment` on `today`: four queries, one more when the caller did not select_related its
    scorecard, one more for its reports when they are asked for or its scorecard was never stored."""
    today = today or timezone.localdate()
    kpis = list(KPI.objects.filter(commitment=commitment).select_related("progress").order_by("position", "pk"))
    ids = [kpi.pk for kpi in kpis]
    interim, readings = defaultdict(list), defaultdict(list)
    for target in InterimTarget.objects.filter(kpi_id__in=ids).order_by("date", "pk"):
        interim[target.kpi_id].append(target)
    for kpi_id, date, value, note in Reading.objects.public().filter(kpi_id__in=ids).order_by(
            "date", "pk").values_list("kpi_id", "date", "value", "note"):
        readings[kpi_id].append(PublicReading(date, value, note))
    rows = [_kpi_facts(kpi, interim[kpi.pk], readings[kpi.pk], today) for kpi in kpis]
    phases = list(PhaseChange.objects.filter(commitment=commitment).order_by("started_on", "pk"))
    return Facts(commitment, today, rows, phases)


def _kpi_facts(kpi: KPI, interim: list[InterimTarget], readings: list[PublicReading],
               today: datetime.date) -> KPIFacts:
    indicator = services.indicator(kpi, interim)
    points = [arithmetic.Point(reading.date, reading.value) for reading in readings]
    stored = _stored(kpi, "progress")
    if stored is None:
        progress = arithmetic.assess(indicator, points, today)
    else:
        progress = arithmetic.Progress(stored.latest_value, stored.latest_date, stored.fraction, stored.state,
                                       arithmetic.expected_value(indicator, today))
    return KPIFacts(kpi, indicator, interim, readings, progress)


def _standing(facts: Facts) -> Standing:
    stored = _stored(facts.commitment, "scorecard")
    if stored is not None:
        return Standing(stored.overall, stored.traffic_light, stored.inactive, stored.last_report_on,
                        stored.next_report_due)
    # Never refreshed yet: the figures `services.refresh` would store, computed now and not stored.
    commitment = facts.commitment
    reports = [(report.period_start, report.period_end,
                timezone.localdate(report.submitted_at) if report.submitted_at else report.period_end)
               for report in facts.reports]
    finished_on = min((move.started_on for move in facts.phases if move.phase in services.FINAL_PHASES),
                      default=None)
    record = services.REPORTED_ELSEWHERE if commitment.reported_elsewhere else services.reporting(
        services.first_reporting_day(commitment), commitment.reporting_cadence, reports, facts.today,
        services.last_reporting_day(commitment, finished_on))
    overall = arithmetic.overall([(row.kpi.weight, row.progress.fraction) for row in facts.kpis])
    return Standing(overall, record.traffic_light, record.inactive, record.last_report_on, record.next_report_due)


def _stored(row, relation: str):
    """The derived row `relation` of `row` (select_related by the caller, or one query), or None."""
    try:
        return getattr(row, relation)
    except ObjectDoesNotExist:
        return None


def api_record(facts: Facts) -> dict:
    """`kpis` (by KPI id: current value and its date, direction, interim targets, readings, progress), `phases`,
    `scorecard` and `reports` as the API's commitment record shows them."""
    by_kpi = {}
    for row in facts.kpis:
        fraction = row.progress.fraction
        by_kpi[row.kpi.pk] = {
            "current": row.progress.latest,
            "current_date": row.progress.latest_date,
            "direction": arithmetic.direction_of(row.indicator),
            "cumulative": row.kpi.cumulative,
            "interim_targets": [{"value": target.value, "date": target.date, "phase": target.phase}
                                for target in row.interim],
            "readings": [{"date": reading.date, "value": reading.value, "note": reading.note}
                         for reading in row.readings],
            "progress": {"fraction": None if fraction is None else str(fraction),
                         "display_percent": arithmetic.display_percent(fraction), "state": row.progress.state},
        }
    card = facts.scorecard
    return {
        "kpis": by_kpi,
        "phases": [{"phase": change.phase, "started_on": change.started_on, "reason": change.reason}
                   for change in facts.phases],
        "scorecard": {"overall": None if card is None or card.overall is None else str(card.overall),
                      "traffic_light": card.traffic_light if card else None,
                      "inactive": card.inactive if card else False,
                      "next_report_due": card.next_report_due if card else None},
        "reports": [{"id": report.pk, "period_start": report.period_start, "period_end": report.period_end,
                     "kind": report.kind, "submitted": report.submitted_at, "url": report.get_absolute_url()}
                    for report in facts.reports],
    }
