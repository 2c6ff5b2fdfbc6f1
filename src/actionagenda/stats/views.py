"""The statistics page and the CSV download of each of its figures, filtered like explore (same parameters)."""

import zlib
from urllib.parse import urlencode

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from actionagenda import spreadsheets
from actionagenda.commitments import explore, facets

from . import figures, filters, sections


@require_safe
def statistics(request):
    """Every figure of the published commitments the query selects, as accessible SVG charts with their tables."""
    query = explore.parse(request.GET)
    index = facets.current()
    key = f"{figures.query_key(query, index)}:page:{get_language()}"
    content = zlib.decompress(figures.remembered(key, lambda: zlib.compress(_content(query, index).encode())))
    return render(request, "stats/statistics.html", {"content": mark_safe(content.decode())})


def _content(query: explore.Query, index) -> str:
    """The page below its heading, which depends only on the data, the query and the language (the header, with
    its sign-in state and CSRF token, is the only part of the page that differs from person to person)."""
    found = figures.for_query(query, index)
    return render_to_string("stats/_content.html", {
        "query": query, "figures": found, "sections": sections.every(found, query),
        "params": urlencode(query.params()), "form": filters.form(query, index),
        "active": explore.active_filters(query),
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
