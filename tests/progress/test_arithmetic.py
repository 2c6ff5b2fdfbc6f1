"""The progress arithmetic: the issue's required cases, their boundaries and every state."""

import datetime
from decimal import Decimal

import pytest

from actionagenda.progress import arithmetic
from actionagenda.progress.arithmetic import Indicator, Point

D = Decimal
day = datetime.date
NEW_YEAR_2025 = day(2025, 1, 1)


def decreasing(**extra):
    """Baseline 100 on 2024-01-01, target 40 on 2028-01-01 (the issue's example)."""
    return Indicator(baseline=Point(day(2024, 1, 1), D(100)), target=Point(day(2028, 1, 1), D(40)), **extra)


def reading(value, on=NEW_YEAR_2025):
    return [Point(on, D(value))]


def test_a_decreasing_kpi_halfway_is_one_half():
    progress = arithmetic.assess(decreasing(), reading(70), day(2025, 1, 1))
    assert progress.fraction == D("0.5")
    assert progress.display_percent == 50


def test_a_decreasing_kpi_that_rises_is_a_regression_never_zero():
    progress = arithmetic.assess(decreasing(), reading(130), day(2025, 1, 1))
    assert progress.fraction == D("-0.5")
    assert progress.state == arithmetic.REGRESSING
    assert progress.regression
    assert progress.display_percent == 0  # the bar is empty, but the state says regression


def test_a_target_exceeded_shows_100_percent_and_keeps_the_raw_fraction():
    progress = arithmetic.assess(decreasing(), reading(30), day(2025, 1, 1))
    assert progress.fraction == D("1.1667")
    assert progress.display_percent == 100
    assert progress.exceeded
    assert progress.state == arithmetic.ACHIEVED
    assert progress.latest == D(30)


def test_reaching_the_target_exactly_is_achieved_not_exceeded():
    progress = arithmetic.assess(decreasing(), reading(40), day(2025, 1, 1))
    assert progress.fraction == D(1)
    assert not progress.exceeded
    assert progress.state == arithmetic.ACHIEVED


def test_an_increasing_kpi_uses_the_baseline_not_actual_over_target():
    # Akvo RSR's actual/target would say 60/100 = 60 %; from a baseline of 50 it is 20 %.
    kpi = Indicator(baseline=Point(day(2024, 1, 1), D(50)), target=Point(day(2028, 1, 1), D(100)))
    assert arithmetic.assess(kpi, reading(60), day(2024, 6, 1)).fraction == D("0.2")


def test_no_reading_is_no_data_not_zero():
    progress = arithmetic.assess(decreasing(), [], day(2025, 1, 1))
    assert progress.fraction is None
    assert progress.display_percent is None
    assert progress.state == arithmetic.NO_DATA


def test_a_kpi_without_a_target_has_no_fraction():
    kpi = Indicator(baseline=Point(day(2024, 1, 1), D(5)), target=None)
    progress = arithmetic.assess(kpi, reading(7), day(2025, 1, 1))
    assert progress.state == arithmetic.NO_DATA
    assert progress.latest == D(7)


@pytest.mark.parametrize(("value", "state", "fraction"), [
    (D("20"), arithmetic.ON_TRACK, D(1)), (D("22"), arithmetic.ON_TRACK, D(1)), (D("18"), arithmetic.ON_TRACK, D(1)),
    (D("22.01"), arithmetic.OFF_TRACK, D(0)), (D("17.5"), arithmetic.OFF_TRACK, D(0)),
])
def test_a_maintained_kpi_is_on_track_within_the_tolerance_without_dividing_by_zero(value, state, fraction):
    kpi = Indicator(baseline=Point(day(2024, 1, 1), D(20)), target=Point(day(2028, 1, 1), D(20)), tolerance=D(2))
    progress = arithmetic.assess(kpi, [Point(day(2025, 1, 1), value)], day(2025, 6, 1))
    assert (progress.state, progress.fraction) == (state, fraction)


def test_a_maintained_kpi_within_tolerance_at_its_target_date_is_achieved():
    kpi = Indicator(baseline=Point(day(2024, 1, 1), D(20)), target=Point(day(2028, 1, 1), D(20)), tolerance=D(2))
    assert arithmetic.assess(kpi, reading(21), day(2028, 1, 1)).state == arithmetic.ACHIEVED


def test_direction_is_derived_when_not_given_and_kept_when_given():
    assert arithmetic.direction_of(decreasing()) == arithmetic.DECREASE
    rising = Indicator(baseline=Point(None, D(1)), target=Point(None, D(2)))
    assert arithmetic.direction_of(rising) == arithmetic.INCREASE
    assert arithmetic.direction_of(Indicator(baseline=Point(None, D(1)), target=Point(None, D(1)))) == "maintain"
    assert arithmetic.direction_of(decreasing(direction=arithmetic.MAINTAIN)) == arithmetic.MAINTAIN
    assert arithmetic.direction_of(Indicator(baseline=None, target=None)) == ""


def test_the_expected_value_follows_the_interim_targets():
    # 100 -> 90 by 2025-01-01 (interim), then -> 40 by 2028-01-01.
    kpi = decreasing(interim=(Point(day(2025, 1, 1), D(90)),))
    assert arithmetic.expected_value(kpi, day(2023, 6, 1)) == D(100)
    assert arithmetic.expected_value(kpi, day(2025, 1, 1)) == D(90)
    assert arithmetic.expected_value(kpi, day(2030, 1, 1)) == D(40)
    halfway = arithmetic.expected_value(kpi, day(2024, 7, 2))  # 183 of 366 days
    assert halfway == D(100) - D(10) * D(183) / D(366)


@pytest.mark.parametrize(("value", "state"), [
    # On 2026-01-01 the line through baseline and target is at 100 - 60 * 731/1461 = 69.98: 0.5003 expected.
    (D(69), arithmetic.ON_TRACK),   # 0.5167 >= 0.5003
    (D(73), arithmetic.AT_RISK),    # 0.45: within 0.10 of where it should be
    (D(76), arithmetic.OFF_TRACK),  # 0.40: more than 0.10 behind
    (D(100), arithmetic.OFF_TRACK),  # 0: nothing yet, half the time gone
    (D(101), arithmetic.REGRESSING),
    (D(40), arithmetic.ACHIEVED),
])
def test_the_state_compares_with_where_the_kpi_should_be_today(value, state):
    progress = arithmetic.assess(decreasing(), [Point(day(2025, 12, 1), value)], day(2026, 1, 1))
    assert progress.state == state


def test_an_interim_target_missed_puts_a_kpi_off_track_that_the_straight_line_would_call_on_track():
    on_the_line = arithmetic.assess(decreasing(), reading(92, day(2024, 6, 1)), day(2024, 7, 1))  # due: 92.5
    assert on_the_line.state == arithmetic.ON_TRACK
    steep = decreasing(interim=(Point(day(2024, 7, 1), D(60)),))
    assert arithmetic.assess(steep, reading(92, day(2024, 6, 1)), day(2024, 7, 1)).state == arithmetic.OFF_TRACK


def test_a_cumulative_kpi_adds_its_readings_to_the_baseline():
    kpi = Indicator(baseline=Point(day(2024, 1, 1), D(0)), target=Point(day(2026, 1, 1), D(300)), cumulative=True)
    readings = [Point(day(2024, 6, 30), D(50)), Point(day(2024, 3, 31), D(40)), Point(day(2024, 9, 30), D(60))]
    progress = arithmetic.assess(kpi, readings, day(2024, 10, 1))
    assert progress.latest == D(150)
    assert progress.latest_date == day(2024, 9, 30)
    assert progress.fraction == D("0.5")


def test_a_level_kpi_takes_its_newest_reading_whatever_the_order():
    readings = [Point(day(2025, 6, 1), D(80)), Point(day(2025, 1, 1), D(90))]
    assert arithmetic.assess(decreasing(), readings, day(2025, 7, 1)).latest == D(80)


def test_the_overall_mean_normalises_weights_and_skips_kpis_without_data():
    # Weights 3 and 1 (not summing to one) with a KPI lacking data: (3 * 0.5 + 1 * 1) / 4.
    assert arithmetic.overall([(D(3), D("0.5")), (D(1), D(1)), (D(5), None)]) == D("0.625")


def test_the_overall_mean_lets_a_regression_pull_down_and_caps_an_excess():
    assert arithmetic.overall([(D(1), D("-0.5")), (D(1), D("0.5"))]) == D(0)
    assert arithmetic.overall([(D(1), D("3.0")), (D(1), D(0))]) == D("0.5")


def test_the_overall_mean_without_any_data_is_none():
    assert arithmetic.overall([(D(1), None)]) is None
    assert arithmetic.overall([]) is None
