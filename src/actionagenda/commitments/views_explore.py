"""Explore published commitments (search, facets, sort, pages) and read one commitment in full."""

from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from actionagenda import ids, links
from actionagenda.accounts import roles
from actionagenda.interop import feeds, jsonld
from actionagenda.progress import display, infographic

from . import explore
from .models import TERM_LINKS, Commitment

PAGE_SIZE = 20


def explore_page(request):
    """Published commitments: full-text search, facets with counts, sort and pages; htmx swaps the results."""
    query = explore.parse(request.GET)
    number = ids.page_number(request.GET.get("page"))
    result = explore.run(query, offset=(number - 1) * PAGE_SIZE, limit=PAGE_SIZE)
    pages = max(1, -(-result.count // PAGE_SIZE))
    if number > pages:
        number = pages
        result = explore.run(query, offset=(number - 1) * PAGE_SIZE, limit=PAGE_SIZE)
    paginator = Paginator(range(result.count), PAGE_SIZE)
    page = Page(result.commitments(), number, paginator)
    active = explore.active_filters(query)
    context = {
        "query": query, "result": result, "page": page,
        "facets": [{"name": facet, "label": explore.facet_label(facet), "values": values,
                    "checkboxes": _facet_items(facet, values)} for facet, values in result.facets.items()],
        "active": active, "sorts": [("newest", _("Newest first")), ("oldest", _("Oldest first"))],
        "page_params": urlencode(query.params()),
        "feed_params": feeds.feed_params(query),
        "clear_search": urlencode([pair for pair in query.params() if pair[0] != "search"]),
    }
    partial = request.headers.get("HX-Request") and not request.headers.get("HX-History-Restore-Request")
    response = render(request, "commitments/_results.html" if partial else "commitments/explore.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _facet_items(facet: str, values) -> str:
    """The checkboxes of one facet (built here: the template loop was the page's largest cost at 10^5)."""
    return format_html_join(
        "\n", '<li><input type="checkbox" name="{}" value="{}" id="f-{}-{}"{}> '
               '<label for="f-{}-{}">{} <span class="count">({})</span></label></li>',
        ((facet, value.code, facet, value.code, mark_safe(" checked") if value.selected else "", facet, value.code,
          value.label, value.count) for value in values))


def detail(request, pk):
    """Everything about one commitment; unpublished ones only for their authors and the secretariat."""
    # Its KPIs come with their progress (progress.public reads them): only the linked terms and the BCH records cited
    # are prefetched here; a partner commitment's provenance (interop.PartnerRecord) comes in the same query.
    commitment = get_object_or_404(Commitment.objects.select_related(
        "actor", "scorecard", "partner_record__source").prefetch_related(*TERM_LINKS, "bch_references"), pk=pk)
    is_author = roles.is_author(request.user, commitment)
    insider = is_author or roles.is_secretariat(request.user)
    if not commitment.is_public and not insider:
        raise Http404  # the rule of actionagenda.refusals: a draft is refused as an unknown id is
    url = links.absolute(commitment.get_absolute_url())
    text = f"{commitment.title} — {commitment.actor.display_name}"
    countries = list(commitment.countries.all())
    regions = sorted({explore.value_label("region", c.group) for c in countries if c.group})
    figures = display.for_commitment(commitment)
    context = {
        "commitment": commitment, "absolute_url": url, "progress_figures": figures,
        # Authors (and the secretariat) read the moderation steps and comments; the public does not.
        "decisions": commitment.decisions.all() if insider else None,
        "is_author": is_author, "countries": countries, "regions": regions,
        "partner_record": getattr(commitment, "partner_record", None),
        # The draft BCH record is for those who would register the commitment on the BCH.
        "bch_cdi_url": reverse("api-v1:cdi_draft", kwargs={"commitment_id": commitment.pk})
        if commitment.is_public and insider else "",
        # Contact details are private unless the authors ticked "show publicly"; insiders always see them.
        "show_contact": commitment.contact_public or insider,
        "share": links.share(url, text),
    }
    if commitment.is_public:
        context |= infographic.page_links(commitment, figures)
        context["json_ld"] = jsonld.script(commitment, countries)
    return render(request, "commitments/detail.html", context)

