"""The SVG charts as pure functions: accessible markup, and every situation said in words as well as drawn."""

import datetime
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.utils import translation

from actionagenda.progress import arithmetic, charts
from actionagenda.progress.arithmetic import Indicator, Point

SVG = "{http://www.w3.org/2000/svg}"
TODAY = datetime.date(2026, 6, 1)
DECREASING = Indicator(baseline=Point(datetime.date(2024, 1, 1), Decimal(100)),
                       target=Point(datetime.date(2028, 1, 1), Decimal(40)))


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def parsed(chart):
    return ET.fromstring(str(chart.svg))


def assert_accessible(chart, ident):
    svg = parsed(chart)
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == f"{ident}-title {ident}-desc"
    assert svg.find(f"{SVG}title").get("id") == f"{ident}-title"
    assert svg.find(f"{SVG}title").text == chart.title
    assert svg.find(f"{SVG}desc").text == chart.description
    assert chart.table.rows and all(len(row) == len(chart.table.headers) for row in chart.table.rows)


def bar(value):
    progress = arithmetic.assess(DECREASING, [Point(datetime.date(2026, 5, 1), Decimal(value))], TODAY)
    return charts.progress_bar("kpi-1-bar", "Incidents", DECREASING, progress)


def rects(chart, css_class):
    return [rect for rect in parsed(chart).iter(f"{SVG}rect") if rect.get("class") == css_class]


def test_a_progress_bar_has_a_title_a_description_and_its_data_as_a_table():
    chart = bar(70)
    assert_accessible(chart, "kpi-1-bar")
    assert chart.title == "Progress of “Incidents”"
    assert chart.description.startswith("50 % of the way from the baseline to the target")
    assert ("Progress", "50 %") in chart.table.rows and ("Latest value", "70") in chart.table.rows
    assert float(rects(chart, "bar-progress")[0].get("width")) == pytest.approx(152, abs=1)  # half of 304


def test_a_regression_is_drawn_below_zero_and_written_as_regression():
    chart = bar(130)
    assert chart.description.startswith("Regression: −50 %")
    assert ("Progress", "−50 %") in chart.table.rows
    assert rects(chart, "bar-regression") and not rects(chart, "bar-progress")
    assert "−50 %" in [text.text for text in parsed(chart).iter(f"{SVG}text")]  # the scale goes below 0


def test_an_exceeded_target_fills_the_bar_and_keeps_the_raw_percentage():
    chart = bar(30)
    assert chart.description.startswith("Target exceeded: 117 % of the way (shown as 100 %)")
    assert ("Progress", "117 %") in chart.table.rows
    assert float(rects(chart, "bar-progress")[0].get("width")) == pytest.approx(304, abs=1)


def test_no_reading_is_no_data_never_zero():
    progress = arithmetic.assess(DECREASING, [], TODAY)
    chart = charts.progress_bar("kpi-1-bar", "Incidents", DECREASING, progress)
    assert chart.description.startswith("No data")
    assert ("Progress", "No data") in chart.table.rows and ("Progress", "0 %") not in chart.table.rows
    assert not rects(chart, "bar-progress") and not rects(chart, "bar-regression")
    assert [text.text for text in parsed(chart).iter(f"{SVG}text")] == ["No data"]  # no scale to read as 0 %


def test_the_bar_marks_where_the_kpi_should_be_today():
    chart = bar(70)
    tick = next(line for line in parsed(chart).iter(f"{SVG}line") if line.get("class") == "bar-expected")
    assert float(tick.get("x1")) == pytest.approx(8 + 304 * 0.6037, abs=0.5)  # 882 of 1461 days: 60 %
    assert ("Expected by today", "60 %") in chart.table.rows


def test_the_readings_chart_draws_readings_against_the_planned_path_and_target():
    indicator = Indicator(baseline=Point(datetime.date(2025, 1, 1), Decimal(0)),
                          target=Point(datetime.date(2028, 12, 31), Decimal(5000)),
                          interim=(Point(datetime.date(2026, 12, 31), Decimal(2000)),))
    readings = [Point(datetime.date(2025, 12, 31), Decimal(1100)), Point(datetime.date(2025, 6, 30), Decimal(400))]
    chart = charts.readings_chart("kpi-2-readings", "Listeners", "people", indicator, readings)
    assert_accessible(chart, "kpi-2-readings")
    svg = parsed(chart)
    assert len([dot for dot in svg.iter(f"{SVG}circle") if dot.get("class") == "reading"]) == 2
    classes = [element.get("class") for element in svg.iter()]
    assert {"readings", "planned-path", "target-line", "interim-target"} <= set(classes)
    labels = [text.text for text in svg.iter(f"{SVG}text")]
    assert [label for label in labels if label[0].isdigit() and len(label) != 4] == ["0", "2,000", "4,000", "6,000"]
    assert [label for label in labels if len(label) == 4] == ["2025", "2026", "2027", "2028"]
    assert [row[1] for row in chart.table.rows] == ["Baseline", "Reading", "Reading", "Interim target", "Target"]
    assert chart.table.headers[-1] == "Value (people)"
    assert "2 readings, the latest 1,100 people on 31 December 2025." in chart.description


def test_a_decreasing_kpi_with_a_single_reading_is_one_dot_on_a_scale_that_holds_it():
    chart = charts.readings_chart("k", "Incidents", "cases", DECREASING, [Point(datetime.date(2026, 5, 1),
                                                                                  Decimal(130))])
    svg = parsed(chart)
    dots = [dot for dot in svg.iter(f"{SVG}circle") if dot.get("class") == "reading"]
    assert len(dots) == 1 and not [e for e in svg.iter() if e.get("class") == "readings"]
    ticks = [text.text for text in svg.iter(f"{SVG}text") if text.get("text-anchor") == "end"]
    assert ticks[0] == "25" and ticks[-2] == "150"  # 40..130 on a scale of 25; the last one says "Target"
    baseline_y = 218 - (100 - 25) / 125 * 186
    path = next(e for e in svg.iter() if e.get("class") == "planned-path").get("points").split()
    assert float(path[0].split(",")[1]) == pytest.approx(baseline_y, abs=0.1)
    assert float(path[-1].split(",")[1]) > float(path[0].split(",")[1])  # the path goes down the value axis


def test_without_any_reading_the_chart_says_so():
    chart = charts.readings_chart("k", "Incidents", "cases", DECREASING, [])
    assert "No readings yet" in [text.text for text in parsed(chart).iter(f"{SVG}text")]
    assert chart.description.endswith("No readings yet.")
    empty = charts.readings_chart("k", "Incidents", "", Indicator(None, None), [])
    assert "No readings yet" in str(empty.svg) and empty.table.rows == ()


def test_a_cumulative_kpi_is_plotted_as_its_running_total():
    indicator = Indicator(baseline=Point(datetime.date(2025, 1, 1), Decimal(10)),
                          target=Point(datetime.date(2027, 1, 1), Decimal(100)), cumulative=True)
    points = charts.plotted(indicator, [Point(datetime.date(2025, 9, 1), Decimal(5)),
                                        Point(datetime.date(2025, 3, 1), Decimal(20))])
    assert [point.value for point in points] == [Decimal(30), Decimal(35)]


def test_user_text_is_escaped():
    chart = charts.readings_chart("k", "<script>alert(1)</script>", "&", DECREASING, [])
    assert "<script>" not in str(chart.svg) and "&lt;script&gt;" in str(chart.svg)
    parsed(chart)


@pytest.mark.parametrize(("low", "high", "expected"), [
    (Decimal(0), Decimal(5000), ["0", "2000", "4000", "6000"]),
    (Decimal(30), Decimal(130), ["25", "50", "75", "100", "125", "150"]),
    (Decimal("0.2"), Decimal("0.9"), ["0.2", "0.4", "0.6", "0.8", "1.0"]),
    (Decimal(7), Decimal(7), ["6.0", "6.5", "7.0", "7.5", "8.0"]),
    (Decimal(-20), Decimal(10), ["-20", "-10", "0", "10"]),
])
def test_value_ticks_are_round_and_span_the_values(low, high, expected):
    assert charts.nice_ticks(low, high) == [Decimal(tick) for tick in expected]


def test_date_ticks_are_years_over_years_and_months_over_months():
    years, year_format = charts.date_ticks(datetime.date(2024, 1, 1), datetime.date(2028, 1, 1))
    assert years == [datetime.date(year, 1, 1) for year in range(2024, 2029)] and year_format == "Y"
    months, month_format = charts.date_ticks(datetime.date(2026, 1, 10), datetime.date(2026, 12, 1))
    assert months == [datetime.date(2026, 4, 1), datetime.date(2026, 7, 1), datetime.date(2026, 10, 1)]
    assert month_format == "M Y"


def test_the_phase_timeline_has_a_band_per_phase_and_a_table():
    phases = [charts.Phase("development", "Development", datetime.date(2025, 6, 1)),
              charts.Phase("planning", "Planning", datetime.date(2025, 1, 1))]
    chart = charts.phase_timeline("phases-1", phases, TODAY)
    assert_accessible(chart, "phases-1")
    assert chart.table.rows == (("Planning", "1 January 2025", "1 June 2025"), ("Development", "1 June 2025", "now"))
    assert chart.description == "Planning from 1 January 2025 to 1 June 2025. Development since 1 June 2025."
    bands = [rect for rect in parsed(chart).iter(f"{SVG}rect") if "phase" in rect.get("class", "")]
    assert [band.get("class") for band in bands] == ["phase phase-planning", "phase phase-development"]
    assert float(bands[0].get("width")) < float(bands[1].get("width"))  # 5 months against 12


def test_figures_are_written_the_way_the_language_writes_them():
    with translation.override("fr"):
        assert charts.number(Decimal("1250.5000")) == "1\u00a0250,5"
        assert charts.percent(Decimal("-0.5")) == "−50\u00a0%"
        assert charts.percent(Decimal("-0.0040")) == "0\u00a0%"  # a regression too small to show: not "−0 %"
