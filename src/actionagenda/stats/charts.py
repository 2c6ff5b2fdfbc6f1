"""The statistics page's charts, drawn on the server as accessible SVG: bars of counts by value, and commitments
over time. Pure functions built on the progress charts' parts (`progress.charts`): each returns a `Chart` whose
SVG has role="img", a title and a description, with a `Table` of the same figures for the page.

Charts are 400 units wide and shown at most at that size, so that their text stays readable from a phone
(where they shrink a little) to a desktop (where they are not blown up).
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from actionagenda.progress.charts import (
    BRAND,
    LINE,
    MUTED,
    SOFT,
    Chart,
    Table,
    date_ticks,
    nice_ticks,
    num,
    number,
    percent,
    svg,
    svg_text,
)

WIDTH = 400
LABEL_SIZE, LINE_HEIGHT, BAR_HEIGHT, GAP = 14, 17, 14, 10
CHARACTERS_PER_LINE = 50  # about what 400 units hold at 14 units a character on average
VALUE_ROOM = 104  # right of the longest bar, for "12,345 (100 %)"
AREA = "#cfe5dc"


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    link: str = ""  # where the table's row links to (this value as a filter)
    colour: str = BRAND


def wrap(text: str, width: int = CHARACTERS_PER_LINE, lines: int = 2) -> list[str]:
    """`text` in at most `lines` lines of about `width` characters, broken between words, the last one cut
    with an ellipsis when the text is longer."""
    found, current = [], ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            found.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        found.append(current)
    if len(found) > lines:
        found = found[:lines]
        found[-1] = found[-1][:width - 1].rstrip() + "…"
    return found


def share(value: int, total: int) -> str:
    return percent(Decimal(value) / total) if total else "—"


def count(value: int) -> str:
    return number(Decimal(value))


def bars(ident: str, title: str, bars_: list[Bar], total: int, what: str, caption_total: str,
         drawn_zeros: bool = True) -> Chart:
    """One horizontal bar per value, its label above it and its count and share of `total` after it. `what`
    names the counted things in the table's header ("Commitments"), `caption_total` what the shares are of.
    Without `drawn_zeros`, values with none are left out of the drawing (a long vocabulary that most
    commitments leave empty) but stay in the table and are counted in the description.
    """
    most = max((bar.value for bar in bars_), default=0)
    span = WIDTH - VALUE_ROOM
    body, y = [], 4
    for bar in bars_:
        if not (bar.value or drawn_zeros):
            continue
        lines = wrap(bar.label)
        for line in lines:
            y += LINE_HEIGHT
            body.append(svg_text(0, y - 4, line, LABEL_SIZE))
        y += 2
        length = span * bar.value / most if most else 0
        if bar.value:
            body.append(f'<rect x="0" y="{y}" width="{num(max(length, 2))}" height="{BAR_HEIGHT}" rx="2" '
                        f'fill="{bar.colour}"/>')
        else:
            body.append(f'<line x1="0" y1="{y}" x2="0" y2="{y + BAR_HEIGHT}" stroke="{LINE}" stroke-width="2"/>')
        body.append(svg_text(length + 6, y + BAR_HEIGHT - 2, f"{count(bar.value)} ({share(bar.value, total)})", 13,
                             fill=MUTED))
        y += BAR_HEIGHT + GAP
    if not bars_ or (not most and not drawn_zeros):
        y += 30
        body.append(svg_text(WIDTH / 2, y - 10, _("No data"), 14, "middle", MUTED))
    shown = [bar for bar in bars_ if bar.value]
    # Translated whole: French writes a no-break space before the colon.
    description = "; ".join(_("%(label)s: %(count)s (%(share)s)") % {
        "label": bar.label, "count": count(bar.value), "share": share(bar.value, total)} for bar in shown)
    missing = len(bars_) - len(shown)
    description = f"{description or _('No data')}."
    if missing:  # its sentence ends with its own full stop
        description += " " + ngettext("%(count)d other value has none.", "%(count)d other values have none.",
                                      missing) % {"count": missing}
    table = Table(title, ("", what, caption_total), tuple(
        (bar.label, count(bar.value), share(bar.value, total)) for bar in bars_),
        links=tuple(bar.link for bar in bars_))
    return Chart(svg(ident, WIDTH, y + 2, title, description, body), title, description, table)


def month_label(month: str) -> str:
    """"2025-03" as the active language writes a month ("March 2025", "mars 2025")."""
    return formats.date_format(_month(month), "YEAR_MONTH_FORMAT")


def _month(month: str) -> datetime.date:
    return datetime.date(int(month[:4]), int(month[5:7]), 1)


def cumulative(ident: str, title: str, rows: list[tuple[str, int, int]]) -> Chart:
    """Commitments published by the end of each month (a line over a shaded area), from `rows` of (month,
    published that month, published by its end)."""
    height, left, right, top, bottom = 240, 52, 392, 12, 206
    table = Table(title, (_("Month"), _("Published that month"), _("Published in all")),
                  tuple((month_label(month), count(new), count(total)) for month, new, total in rows))
    if not rows:
        description = _("No commitment published yet.")
        body = [svg_text(WIDTH / 2, height / 2, description, 14, "middle", MUTED)]
        return Chart(svg(ident, WIDTH, height, title, description, body), title, description, table)
    busiest = max(rows, key=lambda row: row[1])
    description = ngettext("From %(first)s to %(last)s, %(total)s commitment published; the most in one month: "
                           "%(most)s (%(month)s).",
                           "From %(first)s to %(last)s, %(total)s commitments published; the most in one month: "
                           "%(most)s (%(month)s).", rows[-1][2]) % {
        "first": month_label(rows[0][0]), "last": month_label(rows[-1][0]), "total": count(rows[-1][2]),
        "most": count(busiest[1]), "month": month_label(busiest[0])}
    ticks = nice_ticks(Decimal(0), Decimal(max(rows[-1][2], 1)))
    high = float(ticks[-1])
    first, last = _month(rows[0][0]), _month(rows[-1][0])
    days = max((last - first).days, 1)

    def x(month: datetime.date) -> float:
        return left + (month - first).days / days * (right - left) if last > first else (left + right) / 2

    def y(value: float) -> float:
        return bottom - value / high * (bottom - top)

    body = []
    for tick in ticks:
        body.append(f'<line x1="{left}" y1="{num(y(float(tick)))}" x2="{right}" y2="{num(y(float(tick)))}" '
                    f'stroke="{SOFT}"/>')
        body.append(svg_text(left - 6, y(float(tick)) + 4, number(tick), 13, "end", MUTED))
    marks, date_format = date_ticks(first, last) if last > first else ([first], "M Y")
    for tick in marks:
        body.append(f'<line x1="{num(x(tick))}" y1="{bottom}" x2="{num(x(tick))}" y2="{bottom + 5}" '
                    f'stroke="{MUTED}"/>')
        anchor = "end" if x(tick) > right - 24 else "middle"  # the last month's label stays inside the chart
        body.append(svg_text(min(x(tick), right) if anchor == "end" else x(tick), bottom + 20,
                             formats.date_format(tick, date_format), 13, anchor, MUTED))
    points = [(x(_month(month)), y(total)) for month, _new, total in rows]
    line = " ".join(f"{num(px)},{num(py)}" for px, py in points)
    if len(points) > 1:
        body.append(f'<polygon points="{num(points[0][0])},{bottom} {line} {num(points[-1][0])},{bottom}" '
                    f'fill="{AREA}"/>')
        body.append(f'<polyline points="{line}" fill="none" stroke="{BRAND}" stroke-width="2.5"/>')
    else:
        body.append(f'<circle cx="{num(points[0][0])}" cy="{num(points[0][1])}" r="4.5" fill="{BRAND}"/>')
    body.append(f'<line x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="{MUTED}"/>')
    body.append(f'<line x1="{left}" y1="{top}" x2="{left}" y2="{bottom}" stroke="{MUTED}"/>')
    return Chart(svg(ident, WIDTH, height, title, description, body), title, description, table)
