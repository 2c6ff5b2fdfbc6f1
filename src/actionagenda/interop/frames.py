"""The embeddable components as server-rendered pages, for partner sites that cannot run scripts: each is a
minimal page another site may put in an <iframe> (these pages only: the rest of the site refuses framing).

`/embed/frame/commitments/?country=KE&lang=fr` takes the attributes of the matching element as parameters.
"""

from urllib.parse import urlencode

from csp.decorators import csp_replace
from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from actionagenda.commitments import explore
from actionagenda.commitments.models import Commitment
from actionagenda.progress import choices, public
from actionagenda.vocabularies import catalogue

from .commitments_api import items

FILTERS = ("actor_type", "country", "gbf_target")
DEFAULT_LIMIT, MAX_LIMIT = 5, 100
CHART_ROWS = 10
# The two parts of the Cartagena Protocol Implementation Plan, which group its elements (decision CP-10/3).
IP_GROUPS = {"A": _("Areas for implementation"), "B": _("Enabling environment")}


def framable(view):
    """A read-only page in the `lang` parameter's language that any site may frame."""
    @require_safe
    @xframe_options_exempt
    @csp_replace({"frame-ancestors": ["*"]})
    def wrapped(request, *args, **kwargs):
        language = request.GET.get("lang", "")
        translation.activate(language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE)
        return view(request, *args, **kwargs)
    wrapped.__doc__, wrapped.__name__ = view.__doc__, view.__name__
    return wrapped


def _limit(value) -> int:
    try:
        return min(max(int(value), 1), MAX_LIMIT)
    except (TypeError, ValueError):
        return DEFAULT_LIMIT


@framable
def commitments(request):
    """Published commitments filtered as <aa-commitments> filters them (attributes as parameters)."""
    params = {name: [value for value in request.GET.get(name.replace("_", "-"), request.GET.get(name, "")).replace(
        ",", " ").split() if value] for name in FILTERS}
    params["search"] = [request.GET.get("search", "")]
    query = explore.parse(params)
    result = explore.run(query, offset=0, limit=_limit(request.GET.get("limit")), with_facets=False)
    found = items(result.ids)
    actor_types = catalogue.ACTOR_TYPES
    for item in found:
        item["actor_type_label"] = actor_types.label_of(item["actor"]["type"])
        item["country_names"] = ", ".join(explore.value_label("country", code) for code in item["countries"])
    return render(request, "interop/frame_commitments.html", {
        "count": result.count, "commitments": found, "errors": query.errors,
        "explore_query": urlencode(query.params())})


@framable
def commitment(request, pk):
    """One published commitment with its scorecard and KPI progress, as <aa-commitment> shows it."""
    found = Commitment.objects.published().select_related("scorecard").filter(pk=pk).first()
    if found is None:
        raise Http404
    record = items([pk])[0]
    progress = public.api_record(public.read(found))
    states = dict(choices.State.choices)
    kpis = [{**kpi, **progress["kpis"][kpi["id"]]} for kpi in record["kpis"]]
    for kpi in kpis:
        kpi["state_label"] = states.get(kpi["progress"]["state"], "")
    overall = progress["scorecard"]["overall"]
    overall_percent = None if overall is None else round(min(max(float(overall), 0.0), 1.0) * 100)
    return render(request, "interop/frame_commitment.html", {
        "commitment": record, "kpis": kpis, "overall_percent": overall_percent,
        "country_names": ", ".join(explore.value_label("country", code) for code in record["countries"])})


def statistics_figures(facet: str) -> dict:
    """The totals and the chart rows (the largest CHART_ROWS values of `facet`) that <aa-statistics> shows."""
    counts = explore.statistics()
    values = sorted(((n, code) for code, n in counts.get(facet, {}).items() if n), reverse=True)[:CHART_ROWS]
    vocabulary = explore.VOCABULARIES[facet]
    return {
        "total": counts["total"], "countries": sum(1 for n in counts["country"].values() if n),
        "target17": counts["gbf_target"].get(catalogue.PRIMARY_GBF_TARGET, 0),
        "chart_title": vocabulary.label,
        "rows": [{"label": explore.value_label(facet, code), "count": n} for n, code in values],
        "most": values[0][0] if values else 1,
    }


@framable
def statistics(request):
    """Totals and a bar chart of one facet (`facet`, the UN regions by default), as <aa-statistics> shows them."""
    facet = request.GET.get("facet", "region")
    if facet not in explore.VOCABULARIES:
        facet = "region"
    return render(request, "interop/frame_statistics.html", statistics_figures(facet))


def categories_figures() -> list[dict]:
    """The Implementation Plan elements (the biosafety action categories) by group, with their counts."""
    counts = explore.statistics()["ip_element"]
    groups: dict[str, list] = {}
    for entry in catalogue.IP_ELEMENTS:
        groups.setdefault(entry.group, []).append({"code": entry.code, "label": entry.label,
                                                   "count": counts.get(entry.code, 0)})
    return [{"label": IP_GROUPS.get(group, ""), "entries": entries} for group, entries in groups.items()]


@framable
def categories(request):
    """The biosafety action categories with their counts, as <aa-categories> shows them."""
    return render(request, "interop/frame_categories.html", {"groups": categories_figures()})
