"""The statistics page and the CSV download of each of its figures, filtered like explore (same parameters)."""

from urllib.parse import urlencode

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from actionagenda import spreadsheets
from actionagenda.commitments import explore, facets

from . import figures, filters, sections


@require_safe
def statistics(request):
    """Every figure of the published commitments the query selects, as accessible SVG charts with their tables."""
    query = explore.parse(request.GET)
    index = facets.current()
    found = figures.for_query(query, index)
    params = urlencode(query.params())
    return render(request, "stats/statistics.html", {
        "query": query, "figures": found, "sections": sections.every(found, query), "params": params,
        "form": filters.form(query, index), "active": explore.active_filters(query),
    })


@require_safe
def statistics_csv(request, slug: str):
    """One figure as CSV (UTF-8 with a byte-order mark), in the page's language and with its filters."""
    query = explore.parse(request.GET)
    section = sections.one(slug, figures.for_query(query), query)
    if section is None:
        raise Http404
    response = HttpResponse(spreadsheets.csv_bytes(section.csv_header, section.csv_rows),
                            content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="statistics-{slug}.csv"'
    return response
