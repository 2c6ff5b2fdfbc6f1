"""The statistics of published commitments: every figure of the statistics page and API, for any explore query.

Counts by facet come from the explore facet bitmaps (commitments.facets), intersected with the ids the query
selects. What the facet index does not hold is read once per data version into a `Base`: each published
commitment's actor and month of publication, the organisation types as bitmaps, and every KPI of a published
commitment as arrays (its commitment, unit group, state, baseline, target and latest value), sorted by unit so
that a unit's KPIs are one slice. The figures of one query are then computed in milliseconds and cached.

Both the base and the figures live in the "index" cache, under a key made of the facet index's version: they
are rebuilt exactly when the facet index is (`commitments.facets.invalidate()`, and any change of a commitment's
`updated`, which `progress.services.refresh` moves when a KPI's figures change). Not seen until then, as for the
facet index: an actor's organisation type changed, or rows changed in bulk without a call to `invalidate()`.
"""

import datetime
import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

import numpy as np
from django.core.cache import caches
from django.db.models import BigIntegerField, CharField, F, Func
from django.db.models.functions import Cast, Round
from django.utils.connection import ConnectionProxy
from pyroaring import BitMap

from actionagenda.commitments import explore, facets
from actionagenda.commitments.models import KPI, Commitment
from actionagenda.progress.arithmetic import NO_DATA, STATES

from . import units

cache = ConnectionProxy(caches, "index")
CACHE_PREFIX = "stats:1:"  # the number changes with the fields of Base or of the figures (old pickles)
CACHE_SECONDS = 24 * 3600
SCALE = 10_000  # KPI values have four decimal places: kept as whole numbers of ten-thousandths, added exactly
BREAKDOWNS = (*facets.FACETS, "organization_type")

_memo: dict[str, "Base"] = {}  # this process's unpickled copy of the current base (one entry)


@dataclass
class KPIs:
    commitment: np.ndarray  # commitment id of each KPI (uint32), KPIs sorted by unit group
    state: np.ndarray  # index in STATES (int8); a KPI whose progress was never computed has no data
    baseline: np.ndarray  # value * SCALE (int64), 0 where absent
    target: np.ndarray
    latest: np.ndarray
    has_baseline: np.ndarray  # bool
    has_target: np.ndarray
    has_latest: np.ndarray
    units: list[str]  # the label of each unit group that adds up
    slices: list[tuple[int, int]]  # each unit group's KPIs: [start, end) in the arrays
    not_added: int = 0  # KPIs without a unit, or in a percentage: after the groups, never added up
    exact: bool = True  # whether int64 sums cannot overflow (else the sums are taken with Python's integers)


@dataclass
class Base:
    key: str
    commitments: np.ndarray  # published commitment ids, ascending (uint32)
    actors: np.ndarray  # the actor of each (uint32)
    months: dict[str, BitMap] = field(default_factory=dict)  # "YYYY-MM" of publication -> ids
    organization_type: dict[str, BitMap] = field(default_factory=dict)
    kpis: KPIs | None = None


def _base_key(index: facets.Index) -> str:
    return f"{CACHE_PREFIX}base:{index.key}"


def current(index: facets.Index) -> Base:
    """The base for the data as it is now (built at most once per change across processes sharing a cache)."""
    key = _base_key(index)
    base = _memo.get(key)
    if base is not None:
        return base
    base = cache.get(key)
    if base is None:
        base = build(key)
        cache.set(key, base, CACHE_SECONDS)
    _memo.clear()
    _memo[key] = base
    return base


def build(key: str = "") -> Base:
    """The base from the database: the published commitments' actors, months and organisation types grouped by
    the database (as the facet index groups its values), and their KPIs with values as whole ten-thousandths."""
    published = Commitment.objects.published()
    rows = published.order_by("pk").values_list("pk", "actor_id")
    pairs = np.array(list(rows), dtype=np.uint32).reshape(-1, 2)
    months = facets.ids_by_value(published.annotate(month=_Month("published_at")), "month", "id")
    return Base(key=key, commitments=pairs[:, 0].copy(), actors=pairs[:, 1].copy(), months=dict(sorted(months.items())),
                organization_type=facets.ids_by_value(published, "actor__organization_type", "id"), kpis=_kpis())


class _Month(Func):
    """A datetime's month as "YYYY-MM", in UTC (the zone the database keeps), computed by the database."""

    output_field = CharField()
    template = "substr(%(expressions)s, 1, 7)"  # SQLite keeps datetimes as UTC text, "YYYY-MM-DD HH:MM:SS"

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="to_char(%(expressions)s AT TIME ZONE 'UTC', 'YYYY-MM')",
                           **extra)


def _scaled(field_name: str):
    """A KPI value as a whole number of ten-thousandths (exact: the field has four decimal places), so that no
    Decimal is made per row."""
    return Cast(Round(F(field_name) * SCALE), output_field=BigIntegerField())


def _kpis() -> KPIs:
    rows = KPI.objects.filter(commitment__status=Commitment.Status.PUBLISHED).order_by().values_list(
        "commitment_id", "unit", "progress__state", _scaled("baseline_value"), _scaled("target_value"),
        _scaled("progress__latest_value"))
    spellings: dict[str, Counter] = defaultdict(Counter)
    grouped: dict[str, list] = defaultdict(list)
    keys: dict[str, str] = {}  # each spelling normalised once: a few hundred spellings for 10^5 KPIs
    for row in rows:
        unit_key = keys.get(row[1])
        if unit_key is None:
            unit_key = keys[row[1]] = units.key(row[1]) if units.summable(units.key(row[1])) else ""
        if unit_key:
            spellings[unit_key][" ".join(row[1].split())] += 1
        grouped[unit_key].append(row)
    labels = units.labels(spellings)
    order = sorted((unit_key for unit_key in grouped if unit_key), key=lambda unit_key: labels[unit_key].casefold())
    ordered, slices = [], []
    for unit_key in order:
        slices.append((len(ordered), len(ordered) + len(grouped[unit_key])))
        ordered += grouped[unit_key]
    ordered += grouped.get("", [])
    states = {state: position for position, state in enumerate(STATES)}

    def values(column: int) -> tuple[np.ndarray, np.ndarray]:
        found = [row[column] for row in ordered]
        return (np.array([0 if value is None else value for value in found], dtype=np.int64),
                np.array([value is not None for value in found], dtype=bool))

    (baseline, has_baseline), (target, has_target), (latest, has_latest) = values(3), values(4), values(5)
    largest = max((int(np.abs(array).max(initial=0)) for array in (baseline, target, latest)), default=0)
    return KPIs(commitment=np.array([row[0] for row in ordered], dtype=np.uint32),
                state=np.array([states[row[2] or NO_DATA] for row in ordered], dtype=np.int8),
                baseline=baseline, target=target, latest=latest, has_baseline=has_baseline, has_target=has_target,
                has_latest=has_latest, units=[labels[unit_key] for unit_key in order], slices=slices,
                not_added=len(grouped.get("", [])), exact=largest * max(len(ordered), 1) < 2 ** 62)


# Figures of one query.

def query_key(query: explore.Query, index: facets.Index) -> str:
    """The cache key of `query`'s figures for the data as it is now (what is cached beside them extends it)."""
    wanted = hashlib.sha256(repr(query.params()).encode()).hexdigest()[:32]
    return f"{_base_key(index)}:figures:{wanted}"


def for_query(query: explore.Query, index: facets.Index | None = None) -> dict:
    """Every figure for the published commitments `query` selects (its search and filters; errors ignored),
    cached per data version and query. See `compute` for what it holds."""
    index = facets.current() if index is None else index  # (an index without commitments is falsy)
    return remembered(query_key(query, index),
                      lambda: compute(index, current(index), explore.matched(query, index)))


def remembered(key: str, make):
    """The value cached under `key`, else `make()`, cached there for the next request."""
    value = cache.get(key)
    if value is None:
        value = make()
        cache.set(key, value, CACHE_SECONDS)
    return value


def compute(index: facets.Index, base: Base, matched: BitMap) -> dict:
    """The figures of the commitments `matched`:

    - `total`, `actors` (with at least one of them), `countries` (named by at least one), `kpis`;
    - `by`: facet (explore's, and organisation type) -> code -> commitments, values with none left out;
    - `cumulative`: (month "YYYY-MM", published that month, published by its end), every month from the
      first publication to the last;
    - `kpi_states`: state -> KPIs in it (a KPI never assessed has no data);
    - `kpi_totals`: per unit group that adds up, the KPIs, their commitments, and the totals of baselines,
      targets and latest values (Decimal) with the number of KPIs that have each; `kpis_not_added`.
    """
    everything = len(matched) == len(base.commitments)
    selected = None if everything else np.frombuffer(matched.to_array(), dtype=np.uint32)
    by = {facet: index.counts(facet, matched) for facet in facets.FACETS}
    by["organization_type"] = _counts(base.organization_type, matched)
    actors = base.actors if everything else base.actors[np.isin(base.commitments, selected, assume_unique=True)]
    figures = {"total": len(matched), "actors": int(np.unique(actors).size), "countries": len(by["country"]),
               "by": by, "cumulative": _cumulative(base.months, matched)}
    return figures | _kpi_figures(base.kpis, selected)


def _counts(values: dict[str, BitMap], matched: BitMap) -> dict[str, int]:
    counts = {code: bitmap.intersection_cardinality(matched) for code, bitmap in values.items()}
    return {code: count for code, count in counts.items() if count}


def _cumulative(months: dict[str, BitMap], matched: BitMap) -> list[tuple[str, int, int]]:
    counts = _counts(months, matched)
    if not counts:
        return []
    first, last = min(counts), max(counts)
    rows, total = [], 0
    month = datetime.date(int(first[:4]), int(first[5:]), 1)
    while (label := month.strftime("%Y-%m")) <= last:
        total += counts.get(label, 0)
        rows.append((label, counts.get(label, 0), total))
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return rows


def _kpi_figures(kpis: KPIs, selected: np.ndarray | None) -> dict:
    mask = np.ones(len(kpis.commitment), dtype=bool) if selected is None else np.isin(kpis.commitment, selected)
    states = np.bincount(kpis.state[mask], minlength=len(STATES))
    totals = []
    for label, (start, end) in zip(kpis.units, kpis.slices, strict=True):
        inside = mask[start:end]
        count = int(inside.sum())
        if not count:
            continue
        row = {"unit": label, "kpis": count,
               "commitments": int(np.unique(kpis.commitment[start:end][inside]).size)}
        for name in ("baseline", "target", "latest"):
            present = inside & getattr(kpis, f"has_{name}")[start:end]
            row[name] = _sum(getattr(kpis, name)[start:end][present], kpis.exact)
            row[f"with_{name}"] = int(present.sum())
        totals.append(row)
    totals.sort(key=lambda row: -row["kpis"])
    added = sum(end - start for start, end in kpis.slices)
    return {"kpis": int(mask.sum()), "kpi_states": {state: int(n) for state, n in zip(STATES, states, strict=True)},
            "kpi_totals": totals, "kpis_not_added": int(mask[added:].sum())}


def _sum(values: np.ndarray, exact: bool) -> Decimal:
    """The exact total of `values` (in ten-thousandths), without trailing zeros (and never as 5E+3)."""
    total = Decimal(int(values.sum()) if exact else sum(values.tolist())).scaleb(-4)
    return total.quantize(Decimal(1)) if total == total.to_integral_value() else total.normalize()
