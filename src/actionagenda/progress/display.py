"""What a commitment's pages show of its progress: the scorecard, each KPI's progress and charts, the phase timeline.

The figures come from `public.read`, the one reader of a commitment's progress (it never writes, in a fixed
number of queries); this module only words them and draws the charts.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from actionagenda.commitments.models import KPI, Commitment

from . import arithmetic, charts, public, services
from .choices import State, TrafficLight


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
    reported_elsewhere: bool  # another platform holds it: no reports are owed here


@dataclass(frozen=True)
class Figures:
    kpis: list[KPIFigures]
    scorecard: Card | None  # None for a commitment that is not public
    timeline: charts.Chart


def for_commitment(commitment: Commitment, today: datetime.date | None = None) -> Figures:
    """Everything the detail page and the infographic card show of `commitment`'s progress."""
    return figures(public.read(commitment, today))


def figures(facts: public.Facts) -> Figures:
    """The page's figures from what `public.read` found (no query)."""
    rows = [_kpi_figures(row) for row in facts.kpis]
    return Figures(rows, _card(facts.scorecard, facts.today), _timeline(facts))


def _kpi_figures(row: public.KPIFacts) -> KPIFigures:
    kpi, progress = row.kpi, row.progress
    ident = f"kpi-{kpi.pk}"
    return KPIFigures(kpi, progress, str(State(progress.state).label), charts.progress_text(progress),
                      charts.progress_bar(f"{ident}-bar", kpi.name, row.indicator, progress),
                      charts.readings_chart(f"{ident}-readings", kpi.name, kpi.unit, row.indicator, row.points))


def _card(standing: public.Standing | None, today: datetime.date) -> Card | None:
    if standing is None:
        return None
    overall, due = standing.overall, standing.next_report_due
    text = charts.percent(overall) if overall is not None else str(State.NO_DATA.label)
    return Card(overall, text, standing.traffic_light, str(TrafficLight(standing.traffic_light).label),
                standing.inactive, standing.last_report_on, due, due is not None and due <= today,
                standing.traffic_light == TrafficLight.PARTNER)


def _timeline(facts: public.Facts) -> charts.Chart:
    """The phase moves; without any, the present phase since publication (or the start date)."""
    commitment = facts.commitment
    moves = [charts.Phase(move.phase, move.get_phase_display(), move.started_on) for move in facts.phases]
    if not moves:
        since = services.first_reporting_day(commitment) or commitment.start_date
        if since and commitment.phase:
            moves = [charts.Phase(commitment.phase, commitment.get_phase_display(), since)]
    return charts.phase_timeline(f"phases-{commitment.pk}", moves, facts.today)
