"""Reporting periods: each commitment reports on its own cadence (quarterly by default, half-yearly or yearly).

Periods are calendar quarters, halves or years, so that reports from different actors line up. A period's
report is due `GRACE_DAYS` after it ends. The first period owed is the one containing the day the commitment was
published (or its start date, if later): nobody owes a report for time before they joined.
"""

import datetime
from dataclasses import dataclass

from .choices import Cadence

GRACE_DAYS = 30

MONTHS = {Cadence.QUARTERLY: 3, Cadence.HALF_YEARLY: 6, Cadence.YEARLY: 12}


@dataclass(frozen=True, order=True)
class Period:
    start: datetime.date
    end: datetime.date  # inclusive

    @property
    def due_on(self) -> datetime.date:
        return self.end + datetime.timedelta(days=GRACE_DAYS)

    def covered_by(self, start: datetime.date, end: datetime.date) -> bool:
        """Whether a report for `start`..`end` reports on this period (it reaches the period's end and
        starts within it or before)."""
        return start <= self.end and end >= self.end


def period_of(day: datetime.date, cadence: str) -> Period:
    """The period of `cadence` that contains `day`."""
    months = MONTHS[Cadence(cadence)]
    first_month = (day.month - 1) // months * months + 1
    start = datetime.date(day.year, first_month, 1)
    return Period(start, _add_months(start, months) - datetime.timedelta(days=1))


def following(period: Period, cadence: str) -> Period:
    return period_of(period.end + datetime.timedelta(days=1), cadence)


def previous(period: Period, cadence: str) -> Period:
    return period_of(period.start - datetime.timedelta(days=1), cadence)


def due_periods(first_day: datetime.date, cadence: str, today: datetime.date) -> list[Period]:
    """Every period from the one containing `first_day` whose report is due by `today`, oldest first."""
    periods = []
    period = period_of(first_day, cadence)
    while period.due_on <= today:
        periods.append(period)
        period = following(period, cadence)
    return periods


def next_due(first_day: datetime.date, cadence: str, today: datetime.date) -> Period:
    """The first period whose report is not yet due on `today` (the one a reminder speaks of)."""
    period = period_of(first_day, cadence)
    while period.due_on <= today:
        period = following(period, cadence)
    return period


def _add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    return datetime.date(day.year + month // 12, month % 12 + 1, 1)
