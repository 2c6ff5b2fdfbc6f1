"""The statistics page's figures, one `Section` each: its chart (or table), and the rows of its CSV download.

Built from `figures.for_query` in the active language. Each section has a slug: its anchor on the page and the
name of its CSV (`/<lang>/statistics/<slug>.csv`, with the page's filters). A value in a chart's table links to
the statistics of that value alone, the other filters kept (values of one facet are OR-ed in explore's query, so
the link replaces the facet's values rather than adding one).
"""

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from actionagenda.commitments import explore
from actionagenda.progress import facets as progress_facets
from actionagenda.progress.arithmetic import STATES
from actionagenda.progress.charts import Chart, number
from actionagenda.vocabularies import catalogue

from . import charts, worldmap

STATE_COLOURS = {"achieved": "#1d6b2c", "on_track": "#0b6e4f", "at_risk": "#8a4b08", "off_track": "#a4161a",
                 "regressing": "#6b1013", "no_data": "#7b8c92"}
LIGHT_COLOURS = {"green": "#1d6b2c", "amber": "#b35c00", "red": "#a4161a"}
# The breakdowns drawn as bars, in the page's order: facet -> vocabulary.
BARS = {"region": catalogue.REGIONS, "actor_type": catalogue.ACTOR_TYPES,
        "organization_type": catalogue.ORGANIZATION_TYPES, "gbf_target": catalogue.GBF_TARGETS,
        "ip_element": catalogue.IP_ELEMENTS, "action_area": catalogue.ACTION_AREAS, "phase": catalogue.PHASES,
        "scale": catalogue.SCALES, "language": catalogue.LANGUAGES}
ZEROS_DRAWN_UP_TO = 6  # longer vocabularies draw only their values with commitments (the table has them all)
TITLES = {"region": gettext_lazy("Commitments by UN region"), "actor_type": gettext_lazy("Commitments by actor type"),
          "organization_type": gettext_lazy("Commitments by organisation type"),
          "gbf_target": gettext_lazy("Commitments by GBF target"),
          "ip_element": gettext_lazy("Commitments by Implementation Plan element"),
          "action_area": gettext_lazy("Commitments by action area"), "phase": gettext_lazy("Commitments by phase"),
          "scale": gettext_lazy("Commitments by scale"), "language": gettext_lazy("Commitments by language")}


@dataclass
class Section:
    slug: str
    title: str
    csv_header: tuple[str, ...]
    csv_rows: list[tuple]
    chart: Chart | None = None
    kind: str = "bars"  # bars, map, time, table
    note: str = ""
    legend: list = field(default_factory=list)
    table_rows: list[dict] = field(default_factory=list)  # for kind "table"


class Context:
    """What every section needs: the figures, the query, and links to the page filtered by one more value."""

    def __init__(self, figures: dict, query: explore.Query):
        self.figures, self.query = figures, query
        self.page = reverse("stats:statistics")

    def link(self, facet: str, code: str) -> str:
        """The statistics of `code` for `facet`, the other filters kept."""
        pairs = [pair for pair in self.query.params() if pair[0] not in (facet, "sort")] + [(facet, code)]
        return f"{self.page}?{urlencode(pairs)}"


def _plain(value):
    """A Decimal as a CSV number (a string would be taken for text, and a minus for a formula)."""
    return int(value) if value == value.to_integral_value() else float(value)


def totals(context: Context) -> Section:
    figures = context.figures
    rows = [("commitments", _("Published commitments"), figures["total"]),
            ("actors", _("Committed actors"), figures["actors"]),
            ("countries", _("Countries"), figures["countries"]), ("kpis", _("KPIs"), figures["kpis"])]
    return Section("totals", _("Totals"), (_("Code"), _("Figure"), _("Value")), rows, kind="totals")


def over_time(context: Context) -> Section:
    rows = context.figures["cumulative"]
    title = _("Commitments published over time")
    return Section("over-time", title, (_("Month"), _("Published that month"), _("Published in all")),
                   [tuple(row) for row in rows], chart=charts.cumulative("chart-over-time", title, rows), kind="time")


@functools.cache
def _country_names(language: str) -> dict[str, str]:
    return {entry.code: str(entry.label) for entry in catalogue.countries()}


def by_country(context: Context) -> Section:
    counts = context.figures["by"].get("country", {})
    names = _country_names(get_language())
    title = _("Commitments per country")
    drawn = worldmap.choropleth("chart-country", title, counts, names, context.figures["total"],
                                {code: context.link("country", code) for code in counts},
                                selected=set(context.query.filters.get("country", ())))
    ordered = sorted(counts.items(), key=lambda item: (-item[1], names.get(item[0], item[0])))
    return Section("country", title, (_("Code"), _("Country"), _("Commitments")),
                   [(code, names.get(code, code), value) for code, value in ordered], chart=drawn.chart, kind="map",
                   legend=drawn.legend)


def _bars_section(context: Context, facet: str, vocabulary) -> Section:
    counts = context.figures["by"].get(facet, {})
    label = explore.facet_label(facet) if facet in explore.VOCABULARIES else _("Organisation type")
    title = str(TITLES[facet])
    linked = facet in explore.VOCABULARIES
    bars = [charts.Bar(str(entry.label), counts.get(entry.code, 0),
                       context.link(facet, entry.code) if linked else "") for entry in vocabulary]
    chart = charts.bars(f"chart-{facet}", title, bars, context.figures["total"], _("Commitments"),
                        _("Share of commitments"), drawn_zeros=len(vocabulary.entries) <= ZEROS_DRAWN_UP_TO)
    note = "" if linked else _("The commitments of organisations, by the type each organisation gave.")
    if facet in ("gbf_target", "ip_element", "action_area", "region"):
        note = _("A commitment counts once for each value it names, so the shares add up to more than 100 %.")
    return Section(facet.replace("_", "-"), title, (_("Code"), label, _("Commitments")),
                   [(entry.code, str(entry.label), counts.get(entry.code, 0)) for entry in vocabulary], chart=chart,
                   note=note)


def kpi_states(context: Context) -> Section:
    figures = context.figures
    vocabulary = progress_facets.VOCABULARIES["kpi_state"]
    title = _("KPIs by state")
    bars = [charts.Bar(vocabulary.label_of(state), figures["kpi_states"].get(state, 0),
                       context.link("kpi_state", state), STATE_COLOURS[state]) for state in STATES]
    chart = charts.bars("chart-kpi-state", title, bars, figures["kpis"], _("KPIs"), _("Share of KPIs"))
    with_state = figures["by"].get("kpi_state", {})
    return Section("kpi-state", title, (_("Code"), _("State"), _("KPIs"), _("Commitments with a KPI in it")),
                   [(state, vocabulary.label_of(state), figures["kpi_states"].get(state, 0),
                     with_state.get(state, 0)) for state in STATES], chart=chart,
                   note=_("Each KPI's state today, from its readings against the line through its baseline, "
                          "interim targets and target."))


def traffic_light(context: Context) -> Section:
    figures = context.figures
    vocabulary = progress_facets.VOCABULARIES["traffic_light"]
    lights = figures["by"].get("traffic_light", {})
    title = _("Reporting on time")
    bars = [charts.Bar(str(entry.label), lights.get(entry.code, 0), context.link("traffic_light", entry.code),
                       LIGHT_COLOURS.get(entry.code, charts.BRAND)) for entry in vocabulary]
    rows = [(entry.code, str(entry.label), lights.get(entry.code, 0)) for entry in vocabulary]
    unassessed = figures["total"] - sum(lights.values())
    if unassessed > 0:
        bars.append(charts.Bar(_("Not assessed yet"), unassessed, colour=charts.LINE))
        rows.append(("", _("Not assessed yet"), unassessed))
    chart = charts.bars("chart-traffic-light", title, bars, figures["total"], _("Commitments"),
                        _("Share of commitments"))
    inactive = figures["by"].get("inactive", {}).get(progress_facets.INACTIVE, 0)
    note = _("Each commitment against its own reporting cadence. Inactive (no report for two years): %(count)s.") % {
        "count": charts.count(inactive)}
    return Section("traffic-light", title, (_("Code"), _("Reporting"), _("Commitments")), rows, chart=chart,
                   note=note)


def kpi_totals(context: Context) -> Section:
    figures = context.figures
    header = (_("Unit"), _("KPIs"), _("Commitments"), _("Baselines added up"), _("KPIs with a baseline"),
              _("Targets added up"), _("KPIs with a target"), _("Latest values added up"),
              _("KPIs with a reading"))
    rows = [(row["unit"], row["kpis"], row["commitments"], _plain(row["baseline"]), row["with_baseline"],
             _plain(row["target"]), row["with_target"], _plain(row["latest"]), row["with_latest"])
            for row in figures["kpi_totals"]]
    shown = [{"unit": row["unit"], "kpis": charts.count(row["kpis"]), "commitments": charts.count(row["commitments"]),
              "baseline": number(row["baseline"]), "target": number(row["target"]),
              "latest": number(row["latest"]) if row["with_latest"] else "—",
              "with_latest": charts.count(row["with_latest"])} for row in figures["kpi_totals"]]
    left_out = figures["kpis_not_added"]
    note = " ".join((
        _("Units are matched ignoring case, accents, spacing, surrounding punctuation, a leading “number of” and a "
          "plain plural -s; other spellings, synonyms and translations stay apart."),
        ngettext("Percentages, shares, rates, scores, averages and KPIs without a unit are not added up "
                 "(%(count)s KPI).", "Percentages, shares, rates, scores, averages and KPIs without a unit are not "
                 "added up (%(count)s KPIs).", left_out) % {"count": charts.count(left_out)}))
    return Section("kpi-totals", _("KPI totals by unit"), header, rows, kind="table", note=note, table_rows=shown)


BUILDERS: dict[str, Callable[[Context], Section]] = {
    "totals": totals, "country": by_country, "over-time": over_time,
    **{facet.replace("_", "-"): functools.partial(_bars_section, facet=facet, vocabulary=vocabulary)
       for facet, vocabulary in BARS.items()},
    "kpi-state": kpi_states, "traffic-light": traffic_light, "kpi-totals": kpi_totals,
}


def one(slug: str, figures: dict, query: explore.Query) -> Section | None:
    builder = BUILDERS.get(slug)
    return builder(Context(figures, query)) if builder else None


def every(figures: dict, query: explore.Query) -> list[Section]:
    context = Context(figures, query)
    return [builder(context) for builder in BUILDERS.values()]
