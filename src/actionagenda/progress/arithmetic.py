"""Progress arithmetic: how far a KPI has come from its baseline towards its target, and where it should be.

Pure functions over Decimal (no floats, no database), used by the scorecards, the charts, the API and the tests
alike, so every figure a user sees comes from one place:

- fraction = (latest - baseline) / (target - baseline), unclamped: negative is a **regression** (shown as such,
  never hidden or turned into 0), above 1 is a **target exceeded** (shown as 100 %, the raw value kept). The
  formula is the same whichever way the KPI goes; the direction only matters for "maintain", where target and
  baseline are equal and the reading must stay within the author's tolerance (no division by zero).
- expected value on a day: the line through the baseline, the interim targets and the final target (flat
  before the baseline and after the target); the KPI's **state** compares the fraction with the fraction
  expected today.
- a cumulative KPI adds its readings to the baseline (people trained each quarter); a level KPI's latest
  reading is its value (hectares under monitoring now).
"""

import datetime
import itertools
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

INCREASE, DECREASE, MAINTAIN = "increase", "decrease", "maintain"
ACHIEVED, ON_TRACK, AT_RISK, OFF_TRACK, REGRESSING, NO_DATA = (
    "achieved", "on_track", "at_risk", "off_track", "regressing", "no_data")
STATES = (ACHIEVED, ON_TRACK, AT_RISK, OFF_TRACK, REGRESSING, NO_DATA)

# Below where it should be by at most this share of the way from baseline to target: at risk; more: off track.
AT_RISK_MARGIN = Decimal("0.10")
FRACTION_PLACES = Decimal("0.0001")
ZERO, ONE = Decimal(0), Decimal(1)


@dataclass(frozen=True)
class Point:
    date: datetime.date | None
    value: Decimal


@dataclass(frozen=True)
class Indicator:
    """What the arithmetic needs of a KPI (built from the model by `progress.services`)."""

    baseline: Point | None
    target: Point | None
    interim: tuple[Point, ...] = ()
    direction: str = ""  # "" = derived from baseline and target
    cumulative: bool = False
    tolerance: Decimal = ZERO  # for "maintain": how far from the target a reading may stray and stay on track


@dataclass(frozen=True)
class Progress:
    latest: Decimal | None  # the KPI's value now (for a cumulative KPI: baseline plus every reading)
    latest_date: datetime.date | None
    fraction: Decimal | None  # unclamped, 4 places; None: no data (or nothing to measure against)
    state: str
    expected: Decimal | None = None  # the value the KPI should have on the day assessed

    @property
    def display_percent(self) -> int | None:
        return display_percent(self.fraction)

    @property
    def exceeded(self) -> bool:
        return self.fraction is not None and self.fraction > ONE

    @property
    def regression(self) -> bool:
        return self.state == REGRESSING


def display_percent(value: Decimal | None) -> int | None:
    """The bar's length: a fraction clamped to 0-100 % (the fraction itself says regression or excess)."""
    if value is None:
        return None
    clamped = min(max(value, ZERO), ONE)
    return int((clamped * 100).quantize(ONE, rounding=ROUND_HALF_UP))


def direction_of(indicator: Indicator) -> str:
    """The direction the author gave, else the one baseline and target imply ("" when either is missing)."""
    if indicator.direction:
        return indicator.direction
    if indicator.baseline is None or indicator.target is None:
        return ""
    if indicator.target.value > indicator.baseline.value:
        return INCREASE
    if indicator.target.value < indicator.baseline.value:
        return DECREASE
    return MAINTAIN


def latest(indicator: Indicator, readings: list[Point]) -> Point | None:
    """The KPI's value after `readings` (in any order): the newest reading, or for a cumulative KPI the
    baseline plus the sum of every reading, dated by the newest."""
    if not readings:
        return None
    ordered = sorted(readings, key=lambda point: point.date or datetime.date.min)
    newest = ordered[-1]
    if indicator.cumulative:
        start = indicator.baseline.value if indicator.baseline else ZERO
        return Point(newest.date, start + sum((point.value for point in ordered), ZERO))
    return newest


def fraction(baseline: Decimal, target: Decimal, value: Decimal) -> Decimal | None:
    """(value - baseline) / (target - baseline) to 4 places, unclamped; None when target equals baseline."""
    if target == baseline:
        return None
    return ((value - baseline) / (target - baseline)).quantize(FRACTION_PLACES, rounding=ROUND_HALF_UP)


def expected_value(indicator: Indicator, on: datetime.date) -> Decimal | None:
    """Where the KPI should be on `on`: linear between the dated baseline, interim targets and final target."""
    if indicator.baseline is None or indicator.target is None:
        return None
    points = [point for point in (indicator.baseline, *indicator.interim, indicator.target) if point.date]
    if indicator.baseline.date is None or indicator.target.date is None or len(points) < 2:
        return None
    points.sort(key=lambda point: point.date)
    if on <= points[0].date:
        return points[0].value
    for before, after in itertools.pairwise(points):
        if on <= after.date:
            span = (after.date - before.date).days
            if span == 0:
                return after.value
            share = Decimal((on - before.date).days) / Decimal(span)
            return before.value + (after.value - before.value) * share
    return points[-1].value


def assess(indicator: Indicator, readings: list[Point], today: datetime.date) -> Progress:
    """The KPI's latest value, fraction and state on `today`."""
    now = latest(indicator, readings)
    if now is None or indicator.baseline is None or indicator.target is None:
        return Progress(now.value if now else None, now.date if now else None, None, NO_DATA)
    baseline, target = indicator.baseline.value, indicator.target.value
    expected = expected_value(indicator, today)
    if direction_of(indicator) == MAINTAIN or target == baseline:
        return _assess_maintained(indicator, now, today, expected)
    reached = fraction(baseline, target, now.value)
    if reached >= ONE:
        state = ACHIEVED
    elif reached < ZERO:
        state = REGRESSING
    else:
        due = fraction(baseline, target, expected) if expected is not None else ZERO
        due = min(max(due, ZERO), ONE)
        if reached >= due:
            state = ON_TRACK
        elif reached >= due - AT_RISK_MARGIN:
            state = AT_RISK
        else:
            state = OFF_TRACK
    return Progress(now.value, now.date, reached, state, expected)


def _assess_maintained(indicator: Indicator, now: Point, today: datetime.date,
                       expected: Decimal | None) -> Progress:
    """A KPI to be held at its target: whole while the value stays within the tolerance, else nothing."""
    target = indicator.target.value
    within = abs(now.value - target) <= indicator.tolerance
    if not within:
        return Progress(now.value, now.date, ZERO, OFF_TRACK, expected)
    ended = indicator.target.date is not None and today >= indicator.target.date
    return Progress(now.value, now.date, ONE, ACHIEVED if ended else ON_TRACK, expected)


def overall(weighted: list[tuple[Decimal, Decimal | None]]) -> Decimal | None:
    """The commitment's overall progress: the weighted mean of its KPI fractions, weights normalised over the
    KPIs that have data. Each fraction counts within [-1, 1], so one target far exceeded cannot mask another
    KPI's shortfall, and a regression still pulls the mean down."""
    counted = [(weight, min(max(value, -ONE), ONE)) for weight, value in weighted
               if value is not None and weight > 0]
    total = sum((weight for weight, _value in counted), ZERO)
    if not counted or total == 0:
        return None
    mean = sum((weight * value for weight, value in counted), ZERO) / total
    return mean.quantize(FRACTION_PLACES, rounding=ROUND_HALF_UP)
