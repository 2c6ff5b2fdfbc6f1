"""A world choropleth of commitments per country, as accessible SVG: each country a path titled with its name and
count, coloured by class, with a legend and the same figures as a table.

The shapes are `data/world.json`, made at release from Natural Earth by `actionagenda build-world-map` (see
`stats.mapbuild`), read once per process. Classes are quantiles of the countries' non-zero counts (at most
five, whole-number ranges that touch), so that the map separates countries whatever the scale of the data;
countries too small to see also get a dot in their colour.
"""

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path

from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from actionagenda.progress.charts import INK, Chart, Table, svg

from .charts import count, share

SHAPES = Path(__file__).with_name("data") / "world.json"
COLOURS = ("#c7e9c0", "#a1d99b", "#74c476", "#31a354", "#006d2c")  # light to dark: few to many
NONE = "#e6eaea"  # land of a country without commitments (and territories without an ISO code)
DOT_RADIUS = 7


@functools.cache
def shapes() -> dict:
    """The shipped map: `width`, `height`, `shapes` (ISO code -> SVG path) and `dots` (code -> [x, y])."""
    return json.loads(SHAPES.read_text(encoding="utf-8"))


def classes(values) -> list[tuple[int, int]]:
    """At most five (low, high) ranges covering the positive `values`: one per value when there are five or
    fewer distinct ones, else upper bounds at the quintiles, each range starting after the one before."""
    ordered = sorted(value for value in values if value > 0)
    if not ordered:
        return []
    distinct = sorted(set(ordered))
    if len(distinct) <= len(COLOURS):
        return [(value, value) for value in distinct]
    uppers: list[int] = []
    for step in range(1, len(COLOURS) + 1):
        upper = ordered[math.ceil(step * len(ordered) / len(COLOURS)) - 1]
        if not uppers or upper > uppers[-1]:
            uppers.append(upper)
    lows = [ordered[0]] + [upper + 1 for upper in uppers[:-1]]
    return list(zip(lows, uppers, strict=True))


def palette(classes_count: int) -> tuple[str, ...]:
    """The colours of `classes_count` classes, spread over the whole scale (two classes: the lightest and the
    darkest), so that the most committed countries are always drawn darkest."""
    if classes_count <= 1:
        return COLOURS[-1:] * classes_count
    last = len(COLOURS) - 1
    return tuple(COLOURS[round(position * last / (classes_count - 1))] for position in range(classes_count))


def colour(value: int, ranges: list[tuple[int, int]]) -> str:
    for (low, high), shade in zip(ranges, palette(len(ranges)), strict=True):
        if low <= value <= high:
            return shade
    return NONE


def range_label(low: int, high: int) -> str:
    return count(low) if low == high else _("%(low)s–%(high)s") % {"low": count(low), "high": count(high)}


@dataclass(frozen=True)
class Choropleth:
    chart: Chart
    legend: list[tuple[str, str]]  # (colour, what it stands for), lightest first, "none" last


def choropleth(ident: str, title: str, counts: dict[str, int], names: dict[str, str], total: int,
               links: dict[str, str], selected=()) -> Choropleth:
    """The map of `counts` (ISO code -> commitments) with each country's name from `names` (codes without a
    name are drawn untitled, as land); `links` (code -> URL) for the table's rows, `selected` outlined."""
    world = shapes()
    ranges = classes(counts.values())

    def titled(code: str) -> str:
        value = counts.get(code, 0)
        if value:
            text = ngettext("%(country)s: %(count)s commitment", "%(country)s: %(count)s commitments", value) % {
                "country": names[code], "count": count(value)}
        else:
            text = _("%(country)s: no commitment") % {"country": names[code]}
        return f"<title>{escape(text)}</title>"

    def outline(code: str, plain: str = "#fff") -> str:
        return f' stroke="{INK}" stroke-width="4"' if code in selected else f' stroke="{plain}" stroke-width="1"'

    body = []
    for code, path in world["shapes"].items():
        if code in names:
            body.append(f'<path d="{path}" fill="{colour(counts.get(code, 0), ranges)}"{outline(code)} '
                        f'data-code="{code}">{titled(code)}</path>')
        else:
            body.append(f'<path d="{path}" fill="{NONE}" stroke="#fff" stroke-width="1"/>')
    for code, (x, y) in world["dots"].items():
        if counts.get(code) and code in names:
            body.append(f'<circle cx="{x}" cy="{y}" r="{DOT_RADIUS}" fill="{colour(counts[code], ranges)}"'
                        f'{outline(code, INK)} data-code="{code}">{titled(code)}</circle>')
    ordered = sorted(counts.items(), key=lambda item: (-item[1], names.get(item[0], item[0])))
    description = _describe(ordered, names, ranges, world)
    table = Table(title, (_("Country"), _("Commitments"), _("Share of commitments")), tuple(
        (names.get(code, code), count(value), share(value, total)) for code, value in ordered),
        links=tuple(links.get(code, "") for code, _value in ordered))
    legend = [(shade, range_label(low, high)) for (low, high), shade in zip(ranges, palette(len(ranges)), strict=True)]
    legend.append((NONE, _("No commitment")))
    return Choropleth(Chart(svg(ident, world["width"], world["height"], title, description, body), title,
                            description, table), legend)


def _describe(ordered, names, ranges, world) -> str:
    if not ordered:
        return _("No country is named by a published commitment yet.")
    parts = [ngettext("%(count)s country named by at least one commitment.",
                      "%(count)s countries named by at least one commitment.", len(ordered)) % {
        "count": count(len(ordered))}]
    parts.append(_("Most: %(countries)s.") % {"countries": ", ".join(
        f"{names.get(code, code)} ({count(value)})" for code, value in ordered[:5])})
    if ranges:
        parts.append(_("Darker is more: from %(lightest)s to %(darkest)s commitments.") % {
            "lightest": range_label(*ranges[0]), "darkest": range_label(*ranges[-1])})
    undrawn = [code for code, _value in ordered if code not in world["shapes"]]
    if undrawn:
        parts.append(ngettext("%(count)s of them is not drawn (no shape on this map): see the table.",
                              "%(count)s of them are not drawn (no shape on this map): see the table.",
                              len(undrawn)) % {"count": len(undrawn)})
    return " ".join(parts)
