"""Accessible SVG charts drawn on the server from progress data: a KPI's progress bar, its readings over time
against the planned path and targets, and a commitment's phase timeline.

Pure functions (no database): each returns a `Chart` whose SVG has role="img", a <title> and a <desc> that it
is labelled by, and a `Table` with the same data for the page to show beside it. Colours are SVG presentation
attributes or classes from the static style sheet (the Content-Security-Policy refuses style attributes), and
every colour is doubled by text: a regression is written "regression", never only drawn red.
"""

import datetime
import functools
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils import formats
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from . import arithmetic
from .arithmetic import Indicator, Point, Progress

INK, MUTED, LINE, SOFT = "#1b2a2f", "#4d5f66", "#8a9ba1", "#e4ecea"
BRAND, DANGER, ACCENT = "#0b6e4f", "#a4161a", "#8a4b08"
PHASE_COLOURS = {"planning": "#3d5a80", "development": "#6a4c93", "implementation": "#0b6e4f",
                 "evaluation": "#8a4b08", "completed": "#1b2a2f", "discontinued": "#a4161a"}


@dataclass(frozen=True)
class Table:
    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    links: tuple[str, ...] = ()  # where each row's heading links to ("" for none), when given

    def html(self) -> SafeString:
        """The table as HTML, each row headed by its first cell (written here: a template loop over every
        reading of every KPI costs more than the charts)."""
        head = "".join(f'<th scope="col">{escape(header)}</th>' for header in self.headers)
        links = self.links or ("",) * len(self.rows)
        body = "".join("<tr>" + f'<th scope="row">{_linked(row[0], link)}</th>'
                       + "".join(f"<td>{escape(cell)}</td>" for cell in row[1:]) + "</tr>"
                       for row, link in zip(self.rows, links, strict=True))
        return mark_safe(f"<table><caption>{escape(self.caption)}</caption><thead><tr>{head}</tr></thead>"
                         f"<tbody>{body}</tbody></table>")


def _linked(text: str, link: str) -> str:
    return f'<a href="{escape(link)}">{escape(text)}</a>' if link else escape(text)


@dataclass(frozen=True)
class Chart:
    svg: SafeString
    title: str
    description: str
    table: Table


# Numbers, percentages and dates as a reader of the active language writes them.

def number(value: Decimal | None) -> str:
    """`value` without trailing zeros, localised (70, 1 250,5 in French); an em dash for none."""
    if value is None:
        return "—"
    return _number(get_language(), value)


@functools.lru_cache(maxsize=4096)  # a chart writes many values, a page many charts: format each once
def _number(language: str, value: Decimal) -> str:
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return formats.number_format(Decimal(text), use_l10n=True, force_grouping=True)


def percent(share: Decimal) -> str:
    """A share (0.5) as a whole percentage ("50 %"), sign kept; a share that rounds to nothing reads 0 %, never
    "−0 %"."""
    whole = (share * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP) + 0
    return _("%(number)s %%") % {"number": formats.number_format(whole, use_l10n=True).replace("-", "−")}


def day(value: datetime.date | None) -> str:
    return _day(get_language(), value) if value else "—"


@functools.lru_cache(maxsize=4096)
def _day(language: str, value: datetime.date) -> str:
    return formats.date_format(value, "DATE_FORMAT")


def progress_text(progress: Progress) -> str:
    """The bar's words: the percentage, a regression or an exceeded target said as such, or no data."""
    if progress.fraction is None:
        if progress.state == arithmetic.NO_DATA:
            return _("No data")
        return _("Outside the tolerance") if progress.state == arithmetic.OFF_TRACK else _("Within the tolerance")
    if progress.fraction < 0:
        return _("Regression: %(percent)s (further from the target than the baseline)") % {
            "percent": percent(progress.fraction)}
    if progress.exceeded:
        return _("Target exceeded: %(percent)s of the way (shown as 100 %%)") % {
            "percent": percent(progress.fraction)}
    return _("%(percent)s of the way from the baseline to the target") % {"percent": percent(progress.fraction)}


# SVG building blocks.

def num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def svg_text(x: float, y: float, content: str, size: int = 13, anchor: str = "start", fill: str = INK,
          weight: str = "normal") -> str:
    return (f'<text x="{num(x)}" y="{num(y)}" font-size="{size}" text-anchor="{anchor}" fill="{fill}"'
            f'{" font-weight=" + chr(34) + weight + chr(34) if weight != "normal" else ""}>{escape(content)}</text>')


def svg(ident: str, width: int, height: int, title: str, description: str, body: list[str]) -> SafeString:
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc" font-family="system-ui, sans-serif">'
        f'<title id="{ident}-title">{escape(title)}</title><desc id="{ident}-desc">{escape(description)}</desc>'
        + "".join(body) + "</svg>")


# The progress bar.

def progress_bar(ident: str, name: str, indicator: Indicator, progress: Progress) -> Chart:
    """A bar from 0 to 100 % of the way to the target, with a tick where the KPI should be today. A regression
    extends the scale below 0 and is drawn from 0 leftwards; an exceeded target fills the bar and says so."""
    width, height, left, right = 320, 46, 8, 312
    words = progress_text(progress)
    fraction = progress.fraction
    low = max(fraction, Decimal(-1)) if fraction is not None and fraction < 0 else Decimal(0)
    span = float(1 - low)

    def x(share: Decimal) -> float:
        return left + (float(share - low) / span) * (right - left)

    body = [f'<rect x="{left}" y="6" width="{right - left}" height="18" rx="4" fill="{SOFT}" stroke="{LINE}"'
            + (' stroke-dasharray="4 3"' if fraction is None else "") + "/>"]
    if fraction is not None and fraction < 0:
        body.append(f'<rect x="{num(x(fraction))}" y="6" width="{num(x(Decimal(0)) - x(fraction))}" height="18" '
                    f'fill="{DANGER}" class="bar-regression"/>')
        body.append(svg_text(x(low), 40, percent(low), 11, "start", MUTED))
    elif fraction is not None:
        shown = min(fraction, Decimal(1))
        if shown > 0:
            body.append(f'<rect x="{left}" y="6" width="{num(x(shown) - left)}" height="18" rx="4" '
                        f'fill="{BRAND}" class="bar-progress"/>')
    if fraction is None:
        body.append(svg_text((left + right) / 2, 19, words, 12, "middle", MUTED))
    due = _expected_fraction(indicator, progress)
    if due is not None:
        tick = x(due)
        body.append(f'<line x1="{num(tick)}" y1="2" x2="{num(tick)}" y2="28" stroke="{INK}" stroke-width="2" '
                    f'class="bar-expected"/>')
    if fraction is not None:  # no scale under "No data": nothing there to read as 0 %
        body.append(f'<line x1="{num(x(Decimal(0)))}" y1="4" x2="{num(x(Decimal(0)))}" y2="26" stroke="{INK}"/>')
        body.append(svg_text(x(Decimal(0)), 40, percent(Decimal(0)), 11, "middle" if low < 0 else "start", MUTED))
        body.append(svg_text(right, 40, percent(Decimal(1)), 11, "end", MUTED))
    description = words
    if due is not None:
        description += " " + _("Expected by today: %(percent)s.") % {"percent": percent(due)}
    title = _("Progress of “%(name)s”") % {"name": name}
    rows = [(_("Latest value"), number(progress.latest)), (_("Date"), day(progress.latest_date)),
            (_("Progress"), percent(fraction) if fraction is not None else words)]
    if due is not None:
        rows.append((_("Expected by today"), percent(due)))
    table = Table(title, (_("Figure"), _("Value")), tuple(rows))
    return Chart(svg(ident, width, height, title, description, body), title, description, table)


def _expected_fraction(indicator: Indicator, progress: Progress) -> Decimal | None:
    if progress.expected is None or indicator.baseline is None or indicator.target is None:
        return None
    due = arithmetic.fraction(indicator.baseline.value, indicator.target.value, progress.expected)
    return None if due is None else min(max(due, Decimal(0)), Decimal(1))


# Readings over time.

def plotted(indicator: Indicator, readings: list[Point]) -> list[Point]:
    """The KPI's value after each dated reading, oldest first: the reading itself for a level KPI, the baseline
    plus the running total for a cumulative one (so that it compares with the target)."""
    ordered = sorted((point for point in readings if point.date), key=lambda point: point.date)
    if not indicator.cumulative:
        return ordered
    total = indicator.baseline.value if indicator.baseline else Decimal(0)
    points = []
    for point in ordered:
        total += point.value
        points.append(Point(point.date, total))
    return points


def nice_ticks(low: Decimal, high: Decimal, count: int = 5) -> list[Decimal]:
    """Round values spanning `low`..`high` (1, 2, 2.5 or 5 times a power of ten apart), about `count` of them."""
    if high < low:
        low, high = high, low
    if high == low:
        pad = abs(high) / 10 or Decimal(1)
        low, high = low - pad, high + pad
    raw = (high - low) / (count - 1)
    magnitude = Decimal(10) ** raw.adjusted()
    step = next(magnitude * factor for factor in (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10))
                if magnitude * factor >= raw)
    first = (low / step).to_integral_value(rounding="ROUND_FLOOR") * step
    ticks = [first]
    while ticks[-1] < high:
        ticks.append(ticks[-1] + step)
    return ticks


def date_ticks(first: datetime.date, last: datetime.date) -> tuple[list[datetime.date], str]:
    """First days of months (or years) within `first`..`last`, at most six, and the date format to label them."""
    months = (last.year - first.year) * 12 + last.month - first.month
    step = next((step for step in (1, 3, 6, 12, 24, 60, 120) if months / step <= 5), 240)
    ticks, year, month = [], first.year, first.month
    while True:
        if (step >= 12 and month == 1 and year % (step // 12) == 0) or (step < 12 and (month - 1) % step == 0):
            tick = datetime.date(year, month, 1)
            if tick > last:
                break
            if tick >= first:
                ticks.append(tick)
        month += 1
        if month > 12:
            year, month = year + 1, 1
        if datetime.date(year, month, 1) > last:
            break
    return ticks, ("Y" if step >= 12 else "M Y")


def readings_chart(ident: str, name: str, unit: str, indicator: Indicator, readings: list[Point]) -> Chart:
    """The KPI's values over time (dots joined by a line) against its planned path from the baseline through
    the interim targets to the target (dashed), with the target as a horizontal line."""
    width, height = 400, 254
    left, right, top, bottom = 52, 388, 32, 218
    values = plotted(indicator, readings)
    milestones = [point for point in (indicator.baseline, *indicator.interim, indicator.target) if point]
    planned = sorted((point for point in milestones if point.date), key=lambda point: point.date)
    dated = planned + values
    title = _("Readings of “%(name)s” over time") % {"name": name}
    description = _describe_readings(name, unit, indicator, values)
    table = _readings_table(title, unit, indicator, values)
    if not dated:
        body = [svg_text(width / 2, height / 2, _("No readings yet"), 14, "middle", MUTED)]
        return Chart(svg(ident, width, height, title, description, body), title, description, table)

    first, last = min(point.date for point in dated), max(point.date for point in dated)
    if first == last:
        first, last = first - datetime.timedelta(days=45), last + datetime.timedelta(days=45)
    ticks = nice_ticks(min(point.value for point in milestones + values),
                       max(point.value for point in milestones + values))
    low, high = ticks[0], ticks[-1]

    def x(when: datetime.date) -> float:
        return left + (when - first).days / (last - first).days * (right - left)

    def y(value: Decimal) -> float:
        return bottom - float((value - low) / (high - low)) * (bottom - top)

    body = _legend(left, bool(indicator.interim))
    for tick in ticks:
        body.append(f'<line x1="{left}" y1="{num(y(tick))}" x2="{right}" y2="{num(y(tick))}" stroke="{SOFT}"/>')
        body.append(svg_text(left - 6, y(tick) + 4, number(tick), 13, "end", MUTED))
    date_marks, date_format = date_ticks(first, last)
    for tick in date_marks:
        body.append(f'<line x1="{num(x(tick))}" y1="{bottom}" x2="{num(x(tick))}" y2="{bottom + 5}" stroke="{MUTED}"/>')
        body.append(svg_text(x(tick), bottom + 20, formats.date_format(tick, date_format), 13, "middle", MUTED))
    body.append(f'<line x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="{MUTED}"/>')
    body.append(f'<line x1="{left}" y1="{top}" x2="{left}" y2="{bottom}" stroke="{MUTED}"/>')
    if indicator.target:
        level = y(indicator.target.value)
        body.append(f'<line x1="{left}" y1="{num(level)}" x2="{right}" y2="{num(level)}" stroke="{ACCENT}" '
                    f'stroke-width="1.5" stroke-dasharray="2 3" class="target-line"/>')
        body.append(svg_text(right - 2, level - 5, _("Target"), 13, "end", ACCENT))
    if len(planned) >= 2:
        path = " ".join(f"{num(x(point.date))},{num(y(point.value))}" for point in planned)
        body.append(f'<polyline points="{path}" fill="none" stroke="{MUTED}" stroke-width="1.5" '
                    f'stroke-dasharray="6 4" class="planned-path"/>')
    for point in indicator.interim:
        if point.date:
            cx, cy = x(point.date), y(point.value)
            body.append(f'<path d="M{num(cx)} {num(cy - 6)}L{num(cx + 6)} {num(cy)}L{num(cx)} {num(cy + 6)}'
                        f'L{num(cx - 6)} {num(cy)}Z" fill="#fff" stroke="{ACCENT}" stroke-width="2" '
                        f'class="interim-target"/>')
    if len(values) >= 2:
        path = " ".join(f"{num(x(point.date))},{num(y(point.value))}" for point in values)
        body.append(f'<polyline points="{path}" fill="none" stroke="{BRAND}" stroke-width="2.5" class="readings"/>')
    for point in values:
        body.append(f'<circle cx="{num(x(point.date))}" cy="{num(y(point.value))}" r="4.5" fill="{BRAND}" '
                    f'class="reading"/>')
    if not values:
        body.append(svg_text((left + right) / 2, top + 16, _("No readings yet"), 13, "middle", MUTED))
    return Chart(svg(ident, width, height, title, description, body), title, description, table)


def _legend(left: float, interim: bool) -> list[str]:
    """What the line, the dashes and the diamonds mean (the target line is labelled where it is drawn)."""
    items = [f'<line x1="{left}" y1="10" x2="{left + 18}" y2="10" stroke="{BRAND}" stroke-width="2.5"/>'
             f'<circle cx="{left + 9}" cy="10" r="3.5" fill="{BRAND}"/>', svg_text(left + 24, 14, _("Readings"), 12),
             f'<line x1="{left + 110}" y1="10" x2="{left + 128}" y2="10" stroke="{MUTED}" stroke-width="1.5" '
             f'stroke-dasharray="6 4"/>', svg_text(left + 134, 14, _("Planned path"), 12)]
    if interim:
        items += [f'<path d="M{left + 246} 5L{left + 251} 10L{left + 246} 15L{left + 241} 10Z" fill="#fff" '
                  f'stroke="{ACCENT}" stroke-width="2"/>', svg_text(left + 257, 14, _("Interim target"), 12)]
    return items


def _describe_readings(name: str, unit: str, indicator: Indicator, values: list[Point]) -> str:
    parts = []
    if indicator.baseline:
        parts.append(_("Baseline %(value)s %(unit)s (%(date)s).") % {
            "value": number(indicator.baseline.value), "unit": unit, "date": day(indicator.baseline.date)})
    if indicator.target:
        parts.append(_("Target %(value)s %(unit)s (%(date)s).") % {
            "value": number(indicator.target.value), "unit": unit, "date": day(indicator.target.date)})
    if indicator.interim:
        count = len(indicator.interim)
        parts.append(ngettext("%(count)d interim target.", "%(count)d interim targets.", count) % {"count": count})
    if values:
        parts.append(ngettext("%(count)d reading, %(value)s %(unit)s on %(date)s.",
                              "%(count)d readings, the latest %(value)s %(unit)s on %(date)s.", len(values)) % {
            "count": len(values), "value": number(values[-1].value), "unit": unit, "date": day(values[-1].date)})
    else:
        parts.append(_("No readings yet."))
    return " ".join(" ".join(parts).split())


def _readings_table(caption: str, unit: str, indicator: Indicator, values: list[Point]) -> Table:
    rows = []
    if indicator.baseline:
        rows.append((indicator.baseline.date, _("Baseline"), indicator.baseline.value))
    interim, reading = _("Interim target"), _("Reading")
    rows += [(point.date, interim, point.value) for point in indicator.interim]
    if indicator.target:
        rows.append((indicator.target.date, _("Target"), indicator.target.value))
    rows += [(point.date, reading, point.value) for point in values]
    rows.sort(key=lambda row: row[0] or datetime.date.max)
    value_header = _("Value (%(unit)s)") % {"unit": unit} if unit else _("Value")
    return Table(caption, (_("Date"), _("What"), value_header),
                 tuple((day(when), what, number(value)) for when, what, value in rows))


# The phase timeline.

@dataclass(frozen=True)
class Phase:
    code: str
    label: str
    started_on: datetime.date


def phase_timeline(ident: str, phases: list[Phase], until: datetime.date) -> Chart:
    """Each phase as a band from the day it began to the next one (the last one until `until`)."""
    width, height, left, right = 400, 92, 4, 396
    phases = sorted(phases, key=lambda phase: phase.started_on)
    title = _("Phase timeline")
    spans = [(phase, (phases[index + 1].started_on if index + 1 < len(phases) else None))
             for index, phase in enumerate(phases)]
    rows = tuple((phase.label, day(phase.started_on), day(end) if end else _("now")) for phase, end in spans)
    table = Table(title, (_("Phase"), _("From"), _("Until")), rows)
    description = " ".join(
        (_("%(phase)s from %(start)s to %(end)s.") if end else _("%(phase)s since %(start)s.")) % {
            "phase": phase.label, "start": day(phase.started_on), "end": day(end)} for phase, end in spans)
    if not phases:
        description = _("No phase recorded.")
        body = [svg_text(width / 2, height / 2, description, 13, "middle", MUTED)]
        return Chart(svg(ident, width, height, title, description, body), title, description, table)
    first, last = phases[0].started_on, max(until, phases[-1].started_on + datetime.timedelta(days=1))
    total = max((last - first).days, 1)

    def x(when: datetime.date) -> float:
        return left + (when - first).days / total * (right - left)

    body = []
    for phase, end in spans:
        start_x, end_x = x(phase.started_on), x(end or last)
        colour = PHASE_COLOURS.get(phase.code, INK)
        body.append(f'<rect x="{num(start_x)}" y="8" width="{num(max(end_x - start_x, 2))}" height="30" '
                    f'fill="{colour}" stroke="#fff" stroke-width="2" class="phase phase-{escape(phase.code)}"/>')
        if end_x - start_x >= 8 * len(phase.label) + 8:
            body.append(svg_text(start_x + 6, 28, phase.label, 13, "start", "#fff", "bold"))
    date_marks, date_format = date_ticks(first, last)
    for tick in date_marks:
        body.append(f'<line x1="{num(x(tick))}" y1="38" x2="{num(x(tick))}" y2="46" stroke="{MUTED}"/>')
        body.append(svg_text(x(tick), 62, formats.date_format(tick, date_format), 12, "middle", MUTED))
    body.append(svg_text(left, 84, day(first), 12, "start", MUTED))
    body.append(svg_text(right, 84, day(until), 12, "end", MUTED))
    return Chart(svg(ident, width, height, title, description, body), title, description, table)
