"""The reporting record: the traffic light at each cadence, inactivity and its undoing."""

import datetime

import pytest

from actionagenda.progress import periods
from actionagenda.progress.choices import Cadence, TrafficLight
from actionagenda.progress.services import reporting

day = datetime.date
FIRST = day(2025, 2, 10)  # published in the first quarter of 2025


def report(start, end, submitted=None):
    return (start, end, submitted or end + datetime.timedelta(days=5))


def test_periods_are_calendar_quarters_halves_and_years():
    assert periods.period_of(day(2025, 5, 17), Cadence.QUARTERLY) == periods.Period(day(2025, 4, 1), day(2025, 6, 30))
    assert periods.period_of(day(2025, 5, 17), Cadence.HALF_YEARLY) == periods.Period(day(2025, 1, 1),
                                                                                      day(2025, 6, 30))
    assert periods.period_of(day(2025, 12, 31), Cadence.YEARLY) == periods.Period(day(2025, 1, 1), day(2025, 12, 31))
    assert periods.period_of(day(2025, 11, 1), Cadence.QUARTERLY).due_on == day(2026, 1, 30)


@pytest.mark.parametrize(("cadence", "today", "light"), [
    # Q1 2025 is due on 2025-04-30: before that nothing is owed.
    (Cadence.QUARTERLY, day(2025, 4, 29), TrafficLight.GREEN),
    (Cadence.QUARTERLY, day(2025, 4, 30), TrafficLight.AMBER),
    (Cadence.QUARTERLY, day(2025, 7, 30), TrafficLight.RED),
    # H1 2025 is due on 2025-07-30, H2 on 2026-01-30.
    (Cadence.HALF_YEARLY, day(2025, 7, 29), TrafficLight.GREEN),
    (Cadence.HALF_YEARLY, day(2025, 7, 30), TrafficLight.AMBER),
    (Cadence.HALF_YEARLY, day(2026, 1, 30), TrafficLight.RED),
    # 2025 is due on 2026-01-30, 2026 on 2027-01-30.
    (Cadence.YEARLY, day(2025, 12, 31), TrafficLight.GREEN),
    (Cadence.YEARLY, day(2026, 1, 30), TrafficLight.AMBER),
    (Cadence.YEARLY, day(2027, 1, 30), TrafficLight.RED),
])
def test_the_traffic_light_counts_overdue_periods_of_the_commitments_own_cadence(cadence, today, light):
    assert reporting(FIRST, cadence, [], today).traffic_light == light


def test_a_report_for_the_last_period_due_turns_the_light_green_whatever_came_before():
    reports = [report(day(2025, 4, 1), day(2025, 6, 30))]
    assert reporting(FIRST, Cadence.QUARTERLY, reports, day(2025, 8, 15)).traffic_light == TrafficLight.GREEN


def test_one_missing_period_after_a_report_is_amber_two_are_red():
    reports = [report(day(2025, 1, 1), day(2025, 3, 31))]
    assert reporting(FIRST, Cadence.QUARTERLY, reports, day(2025, 7, 30)).traffic_light == TrafficLight.AMBER
    assert reporting(FIRST, Cadence.QUARTERLY, reports, day(2025, 10, 30)).traffic_light == TrafficLight.RED


def test_a_report_covers_a_period_only_if_it_reaches_the_periods_end():
    # January to May covers the first quarter, not the second: one period missing.
    reports = [report(day(2025, 1, 1), day(2025, 5, 31))]
    assert reporting(FIRST, Cadence.QUARTERLY, reports, day(2025, 7, 30)).traffic_light == TrafficLight.AMBER
    assert reporting(FIRST, Cadence.QUARTERLY, [], day(2025, 7, 30)).traffic_light == TrafficLight.RED


def test_the_next_report_due_is_the_oldest_missing_one_or_the_coming_one():
    assert reporting(FIRST, Cadence.QUARTERLY, [], day(2025, 3, 1)).next_report_due == day(2025, 4, 30)
    assert reporting(FIRST, Cadence.QUARTERLY, [], day(2025, 8, 1)).next_report_due == day(2025, 4, 30)
    reports = [report(day(2025, 1, 1), day(2025, 6, 30))]
    assert reporting(FIRST, Cadence.QUARTERLY, reports, day(2025, 8, 1)).next_report_due == day(2025, 10, 30)


def test_two_years_without_a_report_is_inactive_and_the_next_report_undoes_it():
    assert not reporting(FIRST, Cadence.YEARLY, [], day(2027, 2, 9)).inactive
    assert reporting(FIRST, Cadence.YEARLY, [], day(2027, 2, 10)).inactive
    late = [report(day(2026, 1, 1), day(2026, 12, 31), submitted=day(2027, 3, 1))]
    record = reporting(FIRST, Cadence.YEARLY, late, day(2027, 3, 2))
    assert not record.inactive
    assert record.last_report_on == day(2027, 3, 1)
    assert reporting(FIRST, Cadence.YEARLY, late, day(2029, 3, 1)).inactive


def test_an_unpublished_commitment_owes_nothing():
    record = reporting(None, Cadence.QUARTERLY, [], day(2030, 1, 1))
    assert (record.traffic_light, record.inactive, record.next_report_due) == (TrafficLight.GREEN, False, None)


def test_reports_are_owed_up_to_the_period_of_the_last_day_cut_there_and_none_after():
    last = day(2025, 8, 15)  # the commitment ends mid-quarter
    owed = list(periods.owed(FIRST, Cadence.QUARTERLY, last))
    assert owed == [periods.Period(day(2025, 1, 1), day(2025, 3, 31)),
                    periods.Period(day(2025, 4, 1), day(2025, 6, 30)), periods.Period(day(2025, 7, 1), last)]
    assert owed[-1].due_on == day(2025, 9, 14)  # the final report: 30 days after the end
    assert periods.next_due(FIRST, Cadence.QUARTERLY, day(2025, 9, 14), last) is None
    assert list(periods.owed(FIRST, Cadence.QUARTERLY, day(2024, 12, 31))) == []  # ended before it was published


def test_an_ended_commitment_with_every_report_in_owes_nothing_more_and_is_never_inactive():
    last = day(2025, 8, 15)
    reports = [report(day(2025, 1, 1), day(2025, 3, 31)), report(day(2025, 4, 1), day(2025, 6, 30)),
               report(day(2025, 7, 1), last)]  # the final report reaches the last day, not the quarter's end
    years_later = reporting(FIRST, Cadence.QUARTERLY, reports, day(2029, 1, 1), last)
    assert (years_later.traffic_light, years_later.inactive, years_later.next_report_due) == (
        TrafficLight.GREEN, False, None)
    # Without an end, the same reports leave it red and inactive by then.
    unbounded = reporting(FIRST, Cadence.QUARTERLY, reports, day(2029, 1, 1))
    assert (unbounded.traffic_light, unbounded.inactive) == (TrafficLight.RED, True)


def test_a_missing_final_report_stays_owed_after_the_end_but_no_later_period_is():
    last = day(2025, 8, 15)
    reports = [report(day(2025, 1, 1), day(2025, 3, 31)), report(day(2025, 4, 1), day(2025, 6, 30))]
    record = reporting(FIRST, Cadence.QUARTERLY, reports, day(2026, 6, 1), last)
    assert (record.traffic_light, record.next_report_due) == (TrafficLight.AMBER, day(2025, 9, 14))
