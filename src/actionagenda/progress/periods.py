"""Reporting periods: each commitment reports on its own cadence (quarterly by default, half-yearly or yearly).

Periods are calendar quarters, halves or years, so that reports from different actors line up. A period's
report is due `GRACE_DAYS` after it ends. The first period owed is the one containing the day the commitment was
published (or its start date, if later): nobody owes a report for time before they joined. The last one is the
period containing the commitment's last day (its end date, or the day it was completed or discontinued), cut at
that day: its final report is due `GRACE_DAYS` after the commitment ends, and nothing is owed after it.
"""

import datetime
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import takewhile

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


def owed(first_day: datetime.date, cadence: str, last_day: datetime.date | None = None) -> Iterator[Period]:
    """Every period a report is owed for, oldest first: from the one containing `first_day` on, without end, or
    up to `last_day` (the last period cut there). Nothing when the commitment ended before `first_day`."""
    if last_day is not None and last_day < first_day:
        return
    period = period_of(first_day, cadence)
    while last_day is None or period.start <= last_day:
        yield Period(period.start, min(period.end, last_day)) if last_day is not None else period
        period = following(period, cadence)


def due_periods(first_day: datetime.date, cadence: str, today: datetime.date,
                last_day: datetime.date | None = None) -> list[Period]:
    """Every period owed (see `owed`) whose report is due by `today`, oldest first."""
    return list(takewhile(lambda period: period.due_on <= today, owed(first_day, cadence, last_day)))


def next_due(first_day: datetime.date, cadence: str, today: datetime.date,
             last_day: datetime.date | None = None) -> Period | None:
    """The first period owed whose report is not yet due on `today` (the one a reminder speaks of); None when the
    commitment owes nothing more."""
    return next((period for period in owed(first_day, cadence, last_day) if period.due_on > today), None)


def _add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    return datetime.date(day.year + month // 12, month % 12 + 1, 1)
