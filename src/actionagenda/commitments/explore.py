"""The explore query: parsed once from request parameters, run the same way by the explore page and the API.

Parameters: `search` (text), facets `actor_type`, `country`, `region`, `gbf_target`, `ip_element`,
`action_area`, `phase`, `scale`, `language`, `bch_record_type` (the type of a BCH record cited), and from the
scorecards `kpi_state` (a commitment with at least one KPI in that state), `traffic_light` and `inactive` (`true` or
`false`); `bch_record` (commitments citing that BCH record, by identifier or address, any revision); each may
repeat: values of one facet are OR-ed, facets AND-ed. Codes are ours or the CBD thesaurus identifiers for them
(vocabularies.cbd: `GBF-TARGET-17`, `CBD-SUBJECT-CPB`, `ke`);
`sort` (newest, oldest) and `page` (explore page) or `limit`/`offset` (API).
Facet counts are "disjunctive": a facet's counts apply every other facet's filter and the search, not its
own, so ticking a second country shows how many more would match.
"""

from dataclasses import dataclass, field
from functools import cache
from urllib.parse import urlencode

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_countries import countries as iso_countries
from pyroaring import BitMap

from actionagenda.progress import facets as progress_facets
from actionagenda.vocabularies import bch, catalogue, cbd

from . import facets, search
from .facets import FACETS
from .models import TERM_LINKS, BCHReference, Commitment

SORTS = ("newest", "oldest")
MAX_SEARCH_LENGTH = 200
MAX_BCH_RECORDS = 20  # records one query may ask for (each is a value of one indexed lookup)


@cache
def _country_codes() -> frozenset[str]:
    return frozenset(code for code, _name in iso_countries)


VOCABULARIES = {
    "actor_type": catalogue.ACTOR_TYPES, "region": catalogue.REGIONS, "gbf_target": catalogue.GBF_TARGETS,
    "ip_element": catalogue.IP_ELEMENTS, "action_area": catalogue.ACTION_AREAS, "phase": catalogue.PHASES,
    "scale": catalogue.SCALES, "language": catalogue.LANGUAGES, "bch_record_type": catalogue.BCH_RECORD_TYPES,
    **progress_facets.VOCABULARIES,
}


def facet_label(facet: str) -> str:
    return {
        "actor_type": _("Actor type"), "country": _("Country"), "region": _("UN region"),
        "gbf_target": _("GBF target"), "ip_element": _("Implementation Plan element"),
        "action_area": _("Action area"), "phase": _("Phase"), "scale": _("Scale"), "language": _("Language"),
        "bch_record_type": _("BCH records cited"),
        **{name: progress_facets.label(name) for name in progress_facets.FACETS},
    }[facet]


def value_label(facet: str, code: str) -> str:
    if facet == "country":
        return str(iso_countries.name(code)) or code
    vocabulary = VOCABULARIES[facet]
    return vocabulary.label_of(code)


def is_known(facet: str, code: str) -> bool:
    if facet == "country":
        return code in _country_codes()
    return code in VOCABULARIES[facet]


@dataclass
class Query:
    search: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    records: list[str] = field(default_factory=list)  # BCH records cited (BCH-LMO-SCBD-14786: any revision)
    sort: str = "newest"
    errors: dict[str, str] = field(default_factory=dict)  # parameter -> message

    @property
    def is_filtered(self) -> bool:
        return bool(self.search or self.filters or self.records)

    def params(self, without: tuple[str, str] | None = None, **changes) -> list[tuple[str, str]]:
        """The query as (name, value) pairs, optionally without one facet value, for links."""
        pairs = [("search", self.search)] if self.search else []
        for facet in FACETS:
            pairs += [(facet, code) for code in self.filters.get(facet, []) if (facet, code) != without]
        pairs += [("bch_record", record) for record in self.records if ("bch_record", record) != without]
        if self.sort != "newest":
            pairs.append(("sort", self.sort))
        pairs += [(name, str(value)) for name, value in changes.items()]
        return pairs


def parse(params) -> Query:
    """A Query from a QueryDict (or a dict of lists); unknown values are reported in `errors`, not applied."""
    query = Query(search=" ".join((_first(params, "search") or "").split())[:MAX_SEARCH_LENGTH])
    for facet in FACETS:
        given = {value.strip(): cbd.ours(facet, value) for value in _all(params, facet) if value.strip()}
        bad = [value for value, code in given.items() if not is_known(facet, code)]
        if bad:
            query.errors[facet] = ngettext("Unknown %(facet)s: %(values)s.", "Unknown %(facet)s values: %(values)s.",
                                           len(bad)) % {"facet": facet, "values": ", ".join(bad)}
        good = list(dict.fromkeys(code for code in given.values() if is_known(facet, code)))
        if good:
            query.filters[facet] = good
    cited = [value.strip() for value in _all(params, "bch_record") if value.strip()]
    found = {value: bch.parse(value) or bch.in_url(value) for value in cited}
    if any(identifier is None for identifier in found.values()):
        query.errors["bch_record"] = _("Give BCH records by identifier (%(example)s) or by their address on "
                                       "bch.cbd.int.") % {"example": bch.EXAMPLE}
    elif len(found) > MAX_BCH_RECORDS:
        query.errors["bch_record"] = _("Ask for %(most)d BCH records at the most.") % {"most": MAX_BCH_RECORDS}
        found = {}
    query.records = list(dict.fromkeys(identifier.record for identifier in found.values() if identifier))
    sort = _first(params, "sort") or "newest"
    if sort in SORTS:
        query.sort = sort
    else:
        query.errors["sort"] = _("Sort by one of: %(sorts)s.") % {"sorts": ", ".join(SORTS)}
    return query


def _first(params, name):
    values = _all(params, name)
    return values[0] if values else None


def _all(params, name) -> list[str]:
    if hasattr(params, "getlist"):
        return params.getlist(name)
    value = params.get(name)
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


def active_filters(query: Query) -> list[dict]:
    """Each filter value of `query` with its facet's and its own label, and the query without it (for the
    links that remove one filter)."""
    return [{"facet": facet_label(facet), "label": value_label(facet, code),
             "remove": urlencode(query.params(without=(facet, code)))}
            for facet, codes in query.filters.items() for code in codes]


@dataclass
class FacetValue:
    code: str
    label: str
    count: int
    selected: bool


@dataclass
class Result:
    count: int
    ids: list[int]
    facets: dict[str, list[FacetValue]]

    def commitments(self) -> list[Commitment]:
        """The page's commitments in order, for cards (3 queries)."""
        return cards(self.ids)


def cards(ids) -> list[Commitment]:
    """The commitments `ids` in that order, with what a card shows: actor, countries and GBF targets (3 queries)."""
    found = Commitment.objects.select_related("actor").prefetch_related("countries", "gbf_targets").in_bulk(ids)
    commitments = [found[pk] for pk in ids if pk in found]
    for commitment in commitments:
        for country in commitment.countries.all():
            country.name = value_label("country", country.code)  # Term.label rebuilds the vocabulary
    return commitments


def links(ids) -> dict[str, dict[int, list]]:
    """Field -> commitment id -> [(code, group)] of the commitments `ids`, one light query per field."""
    found = {}
    for field_name in TERM_LINKS:
        through = getattr(Commitment, field_name).through
        by_commitment: dict[int, list] = {}
        for commitment_id, code, group in (through.objects.filter(commitment_id__in=ids)
                                           .order_by("term__position")
                                           .values_list("commitment_id", "term__code", "term__group")):
            by_commitment.setdefault(commitment_id, []).append((code, group))
        found[field_name] = by_commitment
    return found


def _selection(query: Query, index: facets.Index) -> tuple[BitMap, dict[str, BitMap], BitMap]:
    """The published ids the search matches, those of each facet's ticked values, and those the query selects."""
    base = index.matching(query.search) if search.words(query.search) else index.published
    selected = {facet: index.union(facet, codes) for facet, codes in query.filters.items()}
    if query.records:
        selected["bch_record"] = index.from_ids(
            BCHReference.objects.filter(record__in=query.records).values_list("commitment_id", flat=True))
    return base, selected, BitMap.intersection(base, *selected.values()) if selected else base


def matched(query: Query, index: facets.Index) -> BitMap:
    """The published ids the query selects."""
    return _selection(query, index)[2]


def run(query: Query, offset: int = 0, limit: int = 20, with_facets: bool = True,
        index: facets.Index | None = None) -> Result:
    """One page of the query's commitments, with the facet counts; `index` when the caller holds it already."""
    index = facets.current() if index is None else index  # (an index without commitments is falsy)
    base, selected, found = _selection(query, index)
    counts = {}
    if with_facets:
        for facet in FACETS:
            others = [bitmap for name, bitmap in selected.items() if name != facet]
            facet_base = BitMap.intersection(base, *others) if others else base
            counts[facet] = _values(facet, index.counts(facet, facet_base), query.filters.get(facet, []))
    return Result(count=len(found), ids=index.page(found, offset, limit, query.sort), facets=counts)


def _values(facet: str, counts: dict[str, int], selected: list[str]) -> list[FacetValue]:
    codes = set(counts) | set(selected)
    values = [FacetValue(code, value_label(facet, code), counts.get(code, 0), code in selected) for code in codes]
    if facet in VOCABULARIES:
        order = {code: position for position, code in enumerate(VOCABULARIES[facet].codes)}
        values.sort(key=lambda value: order.get(value.code, len(order)))
    else:  # countries: the ticked ones first (a long list), then by name
        values.sort(key=lambda value: (not value.selected, value.label))
    return values


def statistics(index: facets.Index | None = None) -> dict:
    """Published commitments counted by every facet value, plus the total (from the same bitmaps); `index` when
    the caller holds it already."""
    index = facets.current() if index is None else index
    return {"total": len(index), **{facet: index.counts(facet, index.published) for facet in FACETS}}
