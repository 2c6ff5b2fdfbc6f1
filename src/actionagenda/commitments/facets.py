"""Facet bitmaps of published commitments: counts and filters in well under a millisecond at 10^5.

Each facet value (actor type, country, UN region, GBF target, IP element, action area, phase, scale, language, the
type of a BCH record cited, and the progress app's KPI state, traffic light and inactivity) holds a roaring bitmap
of the published commitment ids that have it. Filtering is bitmap intersection (the full-text matches are one more
bitmap), counting is intersection cardinality, and a page in newest-first (or oldest-first) order comes from the
published ids kept in that order (see Index.page).

The index is built from the published rows, their actors' kinds, the M2M through tables, the BCH citations and the
progress app's scorecards (`progress.facets`; through the ORM: no other app's table is named here), cached in the
"index" cache (Redis, or this process's memory: see settings.CACHES) under a version key, and kept in the process
once unpickled.
The version combines a token that `invalidate()` renews (called when a commitment's status changes and after demo
data is generated) with the latest `updated` of any commitment (an index Commitment.Meta declares), so an edit
saved in another process (even with a per-process cache) is seen on the next request. `progress.services.refresh`
calls `invalidate()` when a KPI state, traffic light or inactivity changed. Not seen until then: other changes that
save no commitment row (an actor's type changed, M2M links changed without saving the commitment, rows deleted with
a queryset); call `invalidate()` after such bulk work.
"""

import datetime
import hashlib
import uuid
from array import array
from dataclasses import dataclass, field

from django.core.cache import caches
from django.db import transaction
from django.db.models import Aggregate, Count, F, Max, TextField
from django.utils.connection import ConnectionProxy
from pyroaring import BitMap

from actionagenda.progress import facets as progress_facets
from actionagenda.vocabularies.models import Term

from . import search
from .models import TERM_LINKS, BCHReference, Commitment

FACETS = ("actor_type", "country", "region", "gbf_target", "ip_element", "action_area", "phase", "scale",
          "language", "bch_record_type", *progress_facets.FACETS)
# Facets read from M2M links (a linked facet is named after its vocabulary): facet -> Commitment field.
LINKED = {scheme: field_name for field_name, scheme in TERM_LINKS.items() if scheme in FACETS}
VERSION_KEY = "commitments:facets:token"
CACHE_PREFIX = "commitments:facets:index:3:"  # the number changes with the Index's fields (old pickles)
cache = ConnectionProxy(caches, "index")
CACHE_SECONDS = 24 * 3600
SEARCH_CACHE_SECONDS = 600

_memo: dict[str, "Index"] = {}  # this process's unpickled copy of the current index (one entry)


@dataclass
class Index:
    ids: array  # commitment ids, newest first (published_at, then id, descending)
    positions: dict[int, int]  # commitment id -> index in `ids`
    published: BitMap = field(default_factory=BitMap)  # every published id
    values: dict[str, dict[str, BitMap]] = field(default_factory=dict)  # facet -> code -> ids
    actors: int = 0  # actors with at least one published commitment (the landing page's figure)
    key: str = ""  # the cache key of this version of the index ("" for an index never cached)
    # The latest `updated` of any commitment when the index was built (part of its key): what the API's
    # validators (ETag, Last-Modified) are made from, with no query of their own.
    latest: datetime.datetime | None = None

    def matching(self, text: str) -> BitMap:
        """Published ids matching the search `text`, cached with this version of the index.

        People refine a search by ticking facets, which repeats the same full-text query: the matched ids are
        kept (a small roaring bitmap) for ten minutes or until the data changes, whichever comes first. An index
        that is not cached (`build(only=...)`, keyless) keeps nothing: its ids are one person's.
        """
        if not self.key:
            return self.from_ids(search.matching_ids(text))
        found = search.words(text)
        key = f"{self.key}:search:{hashlib.sha256(' '.join(found).encode()).hexdigest()[:32]}"
        matched = cache.get(key)
        if matched is None:
            matched = self.from_ids(search.matching_ids(text))
            cache.set(key, matched, SEARCH_CACHE_SECONDS)
        return matched

    def __len__(self):
        return len(self.ids)

    def from_ids(self, ids) -> BitMap:
        """Those of `ids` that are published."""
        return BitMap(ids) & self.published

    def union(self, facet: str, codes) -> BitMap:
        by_code = self.values.get(facet, {})
        return BitMap.union(BitMap(), *(by_code.get(code, BitMap()) for code in codes))

    def counts(self, facet: str, base: BitMap) -> dict[str, int]:
        """Code -> number of ids in `base` with that value (codes with none left out)."""
        found = {}
        for code, bitmap in self.values.get(facet, {}).items():
            count = bitmap.intersection_cardinality(base)
            if count:
                found[code] = count
        return found

    def page(self, matched: BitMap, offset: int, limit: int, sort: str = "newest") -> list[int]:
        """Ids of one page of `matched`, newest first (or oldest first).

        Either sort the matched ids by position (cost ~ len(matched)) or walk the newest-first order until
        the page is full (cost ~ (offset + limit) * total / len(matched)), whichever is cheaper: at most
        about sqrt(2 * (offset + limit) * total) steps, a fraction of a millisecond at 10^5 for early pages.
        """
        total, wanted = len(matched), offset + limit
        if offset >= total or limit <= 0:
            return []
        newest = sort != "oldest"
        if total == len(self.ids):
            order = self.ids if newest else self.ids[::-1]
            return order[offset:wanted].tolist()
        if total <= 2 * wanted * len(self.ids) / total:
            positions = sorted(map(self.positions.__getitem__, matched.to_array().tolist()), reverse=not newest)
            return [self.ids[position] for position in positions[offset:wanted]]
        found = []
        for commitment_id in (self.ids if newest else reversed(self.ids)):
            if commitment_id in matched:
                found.append(commitment_id)
                if len(found) == wanted:
                    break
        return found[offset:]


def invalidate() -> None:
    """Make the next request rebuild the index (call after a commitment's status changes).

    Renewed at once and again when the surrounding transaction commits, so that no request can cache an
    index built from the data as it was before the commit under the new version.
    """
    _renew()
    transaction.on_commit(_renew)


def _renew() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)
    _memo.clear()


def _version() -> tuple[str, datetime.datetime | None]:
    token = cache.get(VERSION_KEY)
    if token is None:
        token = uuid.uuid4().hex
        cache.add(VERSION_KEY, token, None)
        token = cache.get(VERSION_KEY, token)
    latest = Commitment.objects.aggregate(latest=Max("updated"))["latest"]
    return f"{token}:{latest.isoformat() if latest else '-'}", latest


def current() -> Index:
    """The index for the data as it is now (built at most once per change across processes sharing a cache)."""
    version, latest = _version()
    key = CACHE_PREFIX + version
    index = _memo.get(key)
    if index is not None:
        return index
    index = cache.get(key)
    if index is None:
        index = build()
        index.key, index.latest = key, latest
        cache.set(key, index, CACHE_SECONDS)
    _memo.clear()
    _memo[key] = index
    return index


def build(only: list[int] | None = None) -> Index:
    """The index from the database: ids grouped by value in SQL (one text aggregate per value), so that
    10^5 commitments with their ~10^6 links take about a second, not the many seconds a row-by-row read takes.

    `only`: an index of those commitments instead, whatever their status (an author's unpublished ones, which
    the API lists to their author): never cached, and without the progress facets, which only published ones have.
    """
    if only is None:
        published, linked = Commitment.objects.filter(status=Commitment.Status.PUBLISHED), {
            "commitment__status": Commitment.Status.PUBLISHED}
    else:
        published, linked = Commitment.objects.filter(pk__in=only), {"commitment_id__in": only}
    ids = array("I", published.order_by(F("published_at").desc(nulls_last=True), "-id").values_list("id", flat=True))
    index = Index(ids=ids, positions={pk: position for position, pk in enumerate(ids)}, published=BitMap(ids),
                  actors=published.aggregate(n=Count("actor", distinct=True))["n"])
    index.values["actor_type"] = ids_by_value(published, "actor__kind", "id")
    for column in ("language", "phase", "scale"):
        index.values[column] = ids_by_value(published, column, "id")
    for facet, field_name in LINKED.items():
        links = getattr(Commitment, field_name).through.objects.filter(**linked)
        index.values[facet] = ids_by_value(links, "term__code", "commitment_id")
    country_region = dict(Term.objects.filter(scheme=Term.Scheme.COUNTRY).exclude(group="")
                          .values_list("code", "group"))
    regions: dict[str, BitMap] = {}
    for code, bitmap in index.values["country"].items():
        region = country_region.get(code)
        if region:
            regions[region] = regions.get(region, BitMap()) | bitmap
    index.values["region"] = regions
    index.values["bch_record_type"] = ids_by_value(BCHReference.objects.filter(**linked), "record_type",
                                                   "commitment_id")
    if only is None:
        index.values.update(progress_facets.grouped(Commitment.Status.PUBLISHED, ids_by_value))
    return index


class _JoinedIds(Aggregate):
    """The grouped ids as one comma-separated text: a row per facet value rather than a row per id."""

    function = "GROUP_CONCAT"
    output_field = TextField()

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, function="STRING_AGG",
                           template="%(function)s(CAST(%(expressions)s AS text), ',')", **extra)


def ids_by_value(queryset, key: str, id_field: str) -> dict[str, BitMap]:
    rows = queryset.order_by().values(key).annotate(ids=_JoinedIds(id_field)).values_list(key, "ids")
    return {code: BitMap(list(map(int, joined.split(",")))) for code, joined in rows if code}
