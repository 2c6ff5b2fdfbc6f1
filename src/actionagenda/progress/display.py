"""What a commitment's pages show of its progress: the scorecard, each KPI's progress and charts, the phase timeline.

`for_commitment` reads the stored figures (KPIProgress, Scorecard, kept by `services.refresh`) and fills any
that were never computed with the same arithmetic, in memory (a page view never writes), in a fixed number of
queries whatever the number of KPIs and readings.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from actionagenda.commitments.models import KPI, Commitment

from . import arithmetic, charts, services
from .choices import State, TrafficLight
from .models import InterimTarget, KPIProgress, PhaseChange, ProgressReport, Reading, Scorecard


@dataclass(frozen=True)
class KPIFigures:
    kpi: KPI
    progress: arithmetic.Progress
    state_label: str
    text: str
    bar: charts.Chart
    readings: charts.Chart


@dataclass(frozen=True)
class Card:
    """The scorecard as shown: overall progress (None: no data), the reporting light and its words."""

    overall: Decimal | None
    overall_text: str
    traffic_light: str
    traffic_light_label: str
    inactive: bool
    last_report_on: datetime.date | None
    next_report_due: datetime.date | None  # when a report is missing: the day the oldest missing one was due
    overdue: bool


@dataclass(frozen=True)
class Figures:
    kpis: list[KPIFigures]
    scorecard: Card | None  # None for a commitment that is not public
    timeline: charts.Chart


def for_commitment(commitment: Commitment, today: datetime.date | None = None) -> Figures:
    """Everything the detail page and the infographic card show of `commitment`'s progress."""
    today = today or timezone.localdate()
    kpis = list(commitment.kpis.all())
    ids = [kpi.pk for kpi in kpis]
    interim, readings = defaultdict(list), defaultdict(list)
    for target in InterimTarget.objects.filter(kpi_id__in=ids).order_by("date", "pk"):
        interim[target.kpi_id].append(target)
    for kpi_id, date, value in Reading.objects.public().filter(kpi_id__in=ids).values_list("kpi_id", "date",
                                                                                            "value"):
        readings[kpi_id].append(arithmetic.Point(date, value))
    stored = {row.kpi_id: row for row in KPIProgress.objects.filter(kpi_id__in=ids)}
    rows = [_kpi_figures(kpi, services.indicator(kpi, interim[kpi.pk]), readings[kpi.pk],
                         stored.get(kpi.pk), today) for kpi in kpis]
    card = _scorecard(commitment, [(row.kpi.weight, row.progress.fraction) for row in rows], today)
    return Figures(rows, card, _timeline(commitment, today))


def _kpi_figures(kpi, indicator, points, row, today) -> KPIFigures:
    if row is None:
        progress = arithmetic.assess(indicator, points, today)
    else:
        progress = arithmetic.Progress(row.latest_value, row.latest_date, row.fraction, row.state,
                                       arithmetic.expected_value(indicator, today))
    ident = f"kpi-{kpi.pk}"
    return KPIFigures(kpi, progress, str(State(progress.state).label), charts.progress_text(progress),
                      charts.progress_bar(f"{ident}-bar", kpi.name, indicator, progress),
                      charts.readings_chart(f"{ident}-readings", kpi.name, kpi.unit, indicator, points))


def _scorecard(commitment, weighted, today) -> Card | None:
    if not commitment.is_public:
        return None
    try:
        stored = commitment.scorecard  # select_related by the caller, or one query
        overall, light, inactive = stored.overall, stored.traffic_light, stored.inactive
        last, due = stored.last_report_on, stored.next_report_due
    except Scorecard.DoesNotExist:  # never refreshed yet: the same figures, computed now and not stored
        reports = [(start, end, timezone.localdate(submitted) if submitted else end)
                   for start, end, submitted in ProgressReport.objects.filter(
                       commitment=commitment, status=ProgressReport.Status.SUBMITTED).values_list(
                       "period_start", "period_end", "submitted_at")]
        record = services.reporting(services.first_reporting_day(commitment), commitment.reporting_cadence,
                                    reports, today)
        overall, light, inactive = arithmetic.overall(weighted), record.traffic_light, record.inactive
        last, due = record.last_report_on, record.next_report_due
    text = charts.percent(overall) if overall is not None else str(State.NO_DATA.label)
    return Card(overall, text, light, str(TrafficLight(light).label), inactive, last, due,
                due is not None and due <= today)


def _timeline(commitment, today) -> charts.Chart:
    """The phase moves; without any, the present phase since publication (or the start date)."""
    moves = [charts.Phase(move.phase, move.get_phase_display(), move.started_on)
             for move in PhaseChange.objects.filter(commitment=commitment).order_by("started_on", "pk")]
    if not moves:
        since = services.first_reporting_day(commitment) or commitment.start_date
        if since and commitment.phase:
            moves = [charts.Phase(commitment.phase, commitment.get_phase_display(), since)]
    return charts.phase_timeline(f"phases-{commitment.pk}", moves, today)
