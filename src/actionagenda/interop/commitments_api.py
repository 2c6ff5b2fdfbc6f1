"""Read endpoints for published commitments and their statistics.

The list runs the very query of the explore page (commitments.explore): same filters, same facet bitmaps. Its
filters are read through `Filters`, so the parameters the OpenAPI document lists are the ones applied. With
`updated_after` it lists what changed instead, tombstones included (commitments.changes). Every read answers
conditional requests (interop.conditional) from the data's version, before any record is built.
"""

import datetime
from decimal import Decimal
from typing import Annotated, Literal

from django.http import HttpResponse
from ninja import Header, Path, Query, Router, Schema
from ninja.errors import HttpError
from pydantic import AwareDatetime, BaseModel, Field, PlainSerializer, ValidationError, WithJsonSchema, WrapValidator
from pydantic_core import PydanticCustomError

from actionagenda import links
from actionagenda.commitments import changes, explore, facets
from actionagenda.commitments.models import KPI, BCHReference, Commitment
from actionagenda.markup import strip_html
from actionagenda.progress import choices, public
from actionagenda.progress import facets as progress_facets
from actionagenda.progress.arithmetic import STATES
from actionagenda.progress.models import ProgressReport
from actionagenda.stats import figures
from actionagenda.vocabularies import catalogue

from . import cbd_format, conditional, own_commitments, problems

router = Router(tags=["commitments"])
statistics_router = Router(tags=["statistics"])
NOT_MODIFIED = {304: None}


def iso(moment: datetime.datetime) -> str:
    """To the microsecond, in UTC: a harvester hands `updated_at` back as `updated_after` and must get exactly
    the entries after it (Django's JSON encoder would keep milliseconds)."""
    return moment.astimezone(datetime.UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


Timestamp = Annotated[datetime.datetime, PlainSerializer(iso, return_type=str),
                      WithJsonSchema({"type": "string", "format": "date-time"}, mode="serialization")]
UPDATED_AT = ("When the public record last changed (publication, an approved amendment, a withdrawal, a progress "
              "report, a reading, a phase, the actor), in UTC to the microsecond")


# Output models are plain pydantic models: items are built as dicts, so ninja's ORM-attribute resolution
# (Schema) is not needed and would cost about a millisecond per item.
class ActorOut(BaseModel):
    name: str
    type: str
    organization_type: str
    country: str


class Measure(BaseModel):
    value: Decimal | None
    date: datetime.date | None


class KPIOut(BaseModel):
    id: int
    name: str
    unit: str
    baseline: Measure
    target: Measure
    current: Decimal | None = Field(description="The latest value from the public readings (for readings that "
                                                "add up: the baseline plus every reading); null before any")
    current_date: datetime.date | None = Field(None, description="The date of the reading `current` comes from; "
                                                                 "null before any")


class BCHRecordOut(BaseModel):
    record_type: str = Field(description="The BCH record type: " + ", ".join(catalogue.BCH_RECORD_TYPES.codes))
    identifier: str = Field(description="Its BCH identifier (BCH-LMO-SCBD-14786-6), or empty when only its address "
                                        "was given")
    url: str = Field(description="Its page on bch.cbd.int, or empty when only its identifier was given")


class InterimTargetOut(BaseModel):
    value: Decimal
    date: datetime.date
    phase: str = Field(description="The phase this target closes, or empty")


class ReadingOut(BaseModel):
    date: datetime.date
    value: Decimal
    note: str


class KPIProgressOut(BaseModel):
    fraction: str | None = Field(description="(latest - baseline) / (target - baseline) as a decimal string, "
                                             "unclamped: negative is a regression, above 1 a target exceeded; "
                                             "null without data")
    display_percent: int | None = Field(description="The fraction clamped to 0-100")
    state: str = Field(description=", ".join(choices.State.values))


class KPIDetailOut(KPIOut):
    direction: str = Field(description=", ".join(choices.Direction.values) + " (derived when not given)")
    cumulative: bool = Field(description="Readings add up (true) or each is the level reached (false)")
    interim_targets: list[InterimTargetOut]
    readings: list[ReadingOut] = Field(description="Public readings, oldest first (corrections replace the "
                                                   "readings they correct)")
    progress: KPIProgressOut


class PhaseOut(BaseModel):
    phase: str
    started_on: datetime.date
    reason: str = Field(description="Why the commitment was discontinued, when it was")


class ScorecardOut(BaseModel):
    overall: str | None = Field(description="Weighted mean of the KPI fractions (each within -1..1), as a "
                                            "decimal string; null without data")
    traffic_light: str | None = Field(description=", ".join(choices.TrafficLight.values))
    inactive: bool = Field(description="No report for two years")
    next_report_due: datetime.date | None


class ReportRef(BaseModel):
    id: int
    period_start: datetime.date
    period_end: datetime.date
    kind: str = Field(description=", ".join(ProgressReport.Kind.values))
    submitted: datetime.datetime | None
    url: str


class CommitmentOut(BaseModel):
    id: int
    title: str
    description: str
    language: str
    actor: ActorOut
    countries: list[str] = Field(description="ISO 3166-1 alpha-2 codes")
    regions: list[str] = Field(description="UN M49 region codes, derived from the countries")
    gbf_targets: list[str]
    ip_elements: list[str]
    action_areas: list[str]
    audiences: list[str]
    audiences_as_written: list[str] = Field(description="Target audiences in the authors' own words")
    start_date: datetime.date | None
    end_date: datetime.date | None
    phase: str
    scale: str
    partners: str
    resources: str
    expected_impact: str
    website: str
    kpis: list[KPIOut]
    bch_records: list[BCHRecordOut] = Field(description="Biosafety Clearing-House records the commitment cites")
    status: str
    published_at: datetime.datetime | None
    updated_at: Timestamp = Field(description=UPDATED_AT)
    url: str


class Tombstone(BaseModel):
    """A commitment that was published and no longer is, listed by `updated_after` so that a harvester drops it."""

    id: int = Field(description="The id it was published under")
    status: Literal[tuple(code for code in Commitment.Status.values if code != Commitment.Status.PUBLISHED)] = Field(
        description="withdrawn (by its authors) or archived (by the secretariat)")
    updated_at: Timestamp = Field(description="Its last change: when it stopped being published, or later")


class CommitmentDetailOut(CommitmentOut):
    version: int = Field(description="Goes up with every change of the commitment's own fields: send it back with "
                                     "a change (PATCH) to be told when someone changed it first")
    kpis: list[KPIDetailOut]
    phases: list[PhaseOut]
    reporting_cadence: str = Field(description="How often the commitment reports progress: "
                                               + ", ".join(choices.Cadence.values))
    scorecard: ScorecardOut
    reports: list[ReportRef] = Field(description="Submitted progress reports (self-reported), newest first")


class CommitmentPage(BaseModel):
    count: int = Field(description="Entries that match (with updated_after: from that point on), on every page")
    items: list[Annotated[CommitmentOut | Tombstone, Field(union_mode="left_to_right")]] = Field(
        description="Published commitments; with updated_after, also tombstones of those no longer published")
    next: str | None = Field(description="The next page's address, or null on the last page: follow it to page "
                                         "through (with updated_after, it continues after the last entry's change "
                                         "time and id, so that changes made meanwhile shift nothing)")


class CBDActionPage(BaseModel):
    """A page with `format=cbd`: the same entries, published ones shaped like the CBD Action Agenda's actions."""

    count: int = Field(description="Entries that match (with updated_after: from that point on), on every page")
    items: list[Annotated[cbd_format.CBDActionRecord | Tombstone, Field(union_mode="left_to_right")]] = Field(
        description="Published commitments as CBD actions; with updated_after, also tombstones (as in the native "
                    "format) of those no longer published")
    next: str | None = Field(description="The next page's address, or null on the last page")


Format = Literal["native", "cbd"]
FORMAT = Query("native", description="native (this API's records) or cbd: the records shaped like the CBD Action "
                                     "Agenda's action schema (actor, action, actionDetails, partners), with the CBD "
                                     "thesaurus identifiers")


def _shaped(entries: list[dict], format: Format) -> list[dict]:
    """The entries in the format asked for (tombstones stay as they are)."""
    if format != "cbd":
        return entries
    return [cbd_format.record(entry) if "title" in entry else entry for entry in entries]


def _codes(vocabulary) -> str:
    return ", ".join(vocabulary.codes)


class FacetFilters(Schema):
    search: str | None = Field(None, description="Words that must all appear (title, description, partners, "
                                                  "actor name); accents and case are ignored")
    actor_type: list[str] = Field([], description=_codes(catalogue.ACTOR_TYPES))
    country: list[str] = Field([], description="ISO 3166-1 alpha-2 code, in either case (KE, ke)")
    region: list[str] = Field([], description="UN M49 region code: " + _codes(catalogue.REGIONS))
    gbf_target: list[str] = Field([], description=_codes(catalogue.GBF_TARGETS) + "; or the CBD thesaurus "
                                                  "identifier: GBF-TARGET-01 .. GBF-TARGET-23")
    ip_element: list[str] = Field([], description="Implementation Plan element: " + _codes(catalogue.IP_ELEMENTS))
    action_area: list[str] = Field([], description="Action Agenda action category: " + _codes(catalogue.ACTION_AREAS)
                                                   + "; or a CBD subject term standing for one (CBD-SUBJECT-CPB and "
                                                   "CBD-SUBJECT-BTB for BIOSAFETY)")
    phase: list[str] = Field([], description=_codes(catalogue.PHASES))
    scale: list[str] = Field([], description=_codes(catalogue.SCALES))
    language: list[str] = Field([], description=_codes(catalogue.LANGUAGES))
    bch_record_type: list[str] = Field([], description="Commitments citing a Biosafety Clearing-House record of this "
                                                       "type: " + _codes(catalogue.BCH_RECORD_TYPES))
    bch_record: list[str] = Field([], description="Commitments citing this BCH record, by identifier "
                                                  "(BCH-LMO-SCBD-14786-6; any revision matches) or bch.cbd.int address")
    kpi_state: list[str] = Field([], description="Commitments with at least one KPI in this state today: "
                                                 + _codes(progress_facets.VOCABULARIES["kpi_state"]))
    traffic_light: list[str] = Field([], description="Reporting record against the commitment's own cadence: green "
                                                     "(reported for the last period due), amber (one report "
                                                     "overdue), red (two or more), partner (held by another "
                                                     "platform, which its reports go to)")
    inactive: list[str] = Field([], description="true: no report for two years (marked publicly); false: active")


class Filters(FacetFilters):
    sort: str = Field("newest", description=" or ".join(explore.SORTS) + ": by publication time, then id (the "
                                            "order is total, so pages never overlap); ignored with updated_after")


def _time_with_offset(value, parse):
    try:
        return parse(value)
    except ValidationError:
        raise PydanticCustomError("datetime", "Give an ISO 8601 time with its offset, such as 2026-01-31T00:00:00Z "
                                              "(a date alone or a time without offset is ambiguous).") from None


class Changes(Schema):
    updated_after: Annotated[AwareDatetime, WrapValidator(_time_with_offset)] | None = Field(
        None, description="An ISO 8601 time with its offset (2026-01-31T00:00:00Z): only entries whose updated_at is "
                          "later, oldest change first (then by id), including tombstones of commitments withdrawn "
                          "or archived since, whatever the filters; for incremental harvesting")
    after_id: int | None = Field(None, ge=0, description="With updated_after: also the entries changed at exactly "
                                                         "that time whose id is greater (the next link sets it)")


class Paging(Schema):
    limit: int = Field(25, ge=1, le=100, description="Entries per page")
    offset: int = Field(0, ge=0, description="Entries skipped (prefer the next link)")


def items(ids: list[int]) -> list[dict]:
    """The commitments `ids` (in that order) as the API shows them, in eight queries whatever their number."""
    found = Commitment.objects.select_related("actor").in_bulk(ids)
    linked = explore.links(list(found))
    kpis: dict[int, list] = {}
    for kpi in KPI.objects.filter(commitment_id__in=list(found)).order_by("position", "pk").values(
            "id", "commitment_id", "name", "unit", "baseline_value", "baseline_date", "target_value", "target_date",
            "progress__latest_value", "progress__latest_date"):
        kpis.setdefault(kpi["commitment_id"], []).append(kpi)
    cited: dict[int, list] = {}
    for reference in BCHReference.objects.filter(commitment_id__in=list(found)).order_by("position", "pk").values(
            "commitment_id", "record_type", "identifier", "url"):
        cited.setdefault(reference.pop("commitment_id"), []).append(reference)
    return [item(found[pk], linked, kpis.get(pk, []), cited.get(pk, [])) for pk in ids if pk in found]


def item(commitment: Commitment, linked: dict, kpis: list[dict], cited: list[dict] = ()) -> dict:
    """One record. Its text comes without HTML tags (markup.strip_html), whichever way it was written: a partner
    putting it in a page as HTML runs nothing."""
    actor = commitment.actor
    text = strip_html

    def codes(field_name):
        return [code for code, _group in linked[field_name].get(commitment.pk, [])]

    return {
        "id": commitment.pk, "title": text(commitment.title), "description": text(commitment.description),
        "language": commitment.language,
        "actor": {"name": text(actor.display_name), "type": actor.kind, "organization_type": actor.organization_type,
                  "country": str(actor.country or "")},
        "countries": codes("countries"),
        "regions": sorted({group for _code, group in linked["countries"].get(commitment.pk, []) if group}),
        "gbf_targets": codes("gbf_targets"), "ip_elements": codes("ip_elements"),
        "action_areas": codes("action_areas"), "audiences": codes("audiences"),
        "audiences_as_written": text(commitment.audiences_as_written).splitlines(),
        "start_date": commitment.start_date, "end_date": commitment.end_date, "phase": commitment.phase,
        "scale": commitment.scale, "partners": text(commitment.partners), "resources": text(commitment.resources),
        "expected_impact": text(commitment.expected_impact), "website": commitment.website,
        "kpis": [{"id": kpi["id"], "name": text(kpi["name"]), "unit": text(kpi["unit"]),
                  "baseline": {"value": kpi["baseline_value"], "date": kpi["baseline_date"]},
                  "target": {"value": kpi["target_value"], "date": kpi["target_date"]},
                  "current": kpi["progress__latest_value"], "current_date": kpi["progress__latest_date"]}
                 for kpi in kpis],
        "bch_records": list(cited),
        "status": commitment.status, "published_at": commitment.published_at, "updated_at": commitment.updated,
        "url": links.absolute(commitment.get_absolute_url()),
    }


def _invalid(request, errors: dict[str, str]):
    return problems.respond(
        request, 422, "Invalid request", f"{len(errors)} parameter(s) need attention.",
        errors=[{"pointer": f"#/{name}", "field": name, "detail": message} for name, message in errors.items()])


# Reads need no token; with one, the token's owner also reads their own unpublished commitments.
OPTIONAL_TOKEN = {"security": [{"BearerToken": []}, {}]}


@router.get("", response={200: CommitmentPage | CBDActionPage, **NOT_MODIFIED, **problems.responses(422)},
            openapi_extra=OPTIONAL_TOKEN,
            summary="Published commitments, filtered, or what changed since a time (with your token, your "
                    "unpublished ones first)")
def list_commitments(request, response: HttpResponse, filters: Query[Filters], since: Query[Changes],
                     page: Query[Paging], conditions: Header[conditional.Conditions], format: Format = FORMAT):
    """Values of one filter may repeat (`country=KE&country=NG`: either); different filters all apply. Codes may be
    ours or the CBD thesaurus identifiers for them (`gbf_target=GBF-TARGET-17`, `action_area=CBD-SUBJECT-CPB`).

    Pages come newest first (or oldest first), in an order that does not change while the data does not; the
    `next` link leads on. To keep a copy up to date, page once through `updated_after=1970-01-01T00:00:00Z`, keep
    the last entry's `updated_at` and `id`, and next time ask for what changed after them (a minute earlier
    covers changes being saved while you read: entries seen twice are the same records); an entry with a status
    other than published is a tombstone: drop that id. Send the ETag back as If-None-Match: an unchanged page
    answers 304 with no body. With your token, the list (not the changes) starts with your commitments that are
    not published, with their status."""
    viewer = own_commitments.viewer(request, response)
    parsed = explore.parse(filters.model_dump())
    errors = dict(parsed.errors)
    if since.after_id is not None and since.updated_after is None:
        errors["after_id"] = "after_id goes with updated_after."
    if errors:
        return _invalid(request, errors)
    index = facets.current()
    not_modified = conditional.answer(request, response, conditions, _version(index), index.latest,
                                      CBDActionPage if format == "cbd" else CommitmentPage)
    if not_modified is not None:
        return not_modified
    if since.updated_after is None:
        count, ids = own_commitments.page(parsed, viewer, page.offset, page.limit, index)
        following = page.offset + page.limit
        return {"count": count, "items": _shaped(items(ids), format),
                "next": _link(request, offset=following) if following < count else None}
    found = changes.since(index, explore.matched(parsed, index), since.updated_after, since.after_id,
                          page.offset, page.limit)
    records = {record["id"]: record for record in items([e.id for e in found.entries if e.status == "published"])}
    entries = [records.get(entry.id) or {"id": entry.id, "status": entry.status, "updated_at": entry.updated}
               for entry in found.entries if entry.id in records or entry.status != "published"]
    last = found.entries[-1] if found.entries else None
    more = last is not None and page.offset + len(found.entries) < found.count
    return {"count": found.count, "items": _shaped(entries, format),
            "next": _link(request, updated_after=iso(last.updated), after_id=last.id, offset=None) if more else None}


def _version(index: facets.Index) -> str:
    """The version of everything the lists and statistics show: the latest change of any commitment (every
    public change moves it) and the number published. Not the index's key, whose token is per process without
    Redis: two web processes would give the same page two ETags."""
    return f"{iso(index.latest) if index.latest else '-'}:{len(index)}"


def _link(request, **changed) -> str:
    """This request's address with the parameters `changed` (None: dropped)."""
    params = request.GET.copy()
    for name, value in changed.items():
        params.pop(name, None)
        if value is not None:
            params[name] = str(value)
    return links.absolute(f"{request.path}?{params.urlencode()}")


@router.get("/{commitment_id}", response={200: CommitmentDetailOut | cbd_format.CBDActionRecord, **NOT_MODIFIED,
                                          **problems.responses(404, 422)},
            openapi_extra=OPTIONAL_TOKEN, summary="One published commitment (or one of yours), with its progress")
def get_commitment(request, response: HttpResponse, conditions: Header[conditional.Conditions],
                   commitment_id: int = Path(..., description="The commitment's id (`id` in the list)"),
                   format: Format = FORMAT):
    viewer = own_commitments.viewer(request, response)
    commitment = own_commitments.visible(viewer).select_related("scorecard").filter(pk=commitment_id).first()
    if commitment is None:
        raise HttpError(404, f"No published commitment with id {commitment_id}.")
    not_modified = conditional.answer(request, response, conditions, iso(commitment.updated), commitment.updated,
                                      cbd_format.CBDActionRecord if format == "cbd" else CommitmentDetailOut)
    if not_modified is not None:
        return not_modified
    if format == "cbd":
        return cbd_format.record(items([commitment_id])[0])
    return detail_record(commitment)


def detail_record(commitment: Commitment) -> dict:
    """One commitment as `GET /commitments/{id}` shows it (the write API answers with it too)."""
    record = items([commitment.pk])[0]
    progress = public.api_record(public.read(commitment))
    record["kpis"] = [{**kpi, **progress["kpis"][kpi["id"]]} for kpi in record["kpis"]]
    for report in progress["reports"]:
        report["url"] = links.absolute(report["url"])
    return {**record, "version": commitment.version, "phases": progress["phases"],
            "reporting_cadence": commitment.reporting_cadence, "scorecard": progress["scorecard"],
            "reports": progress["reports"]}


class MonthOut(BaseModel):
    month: str = Field(description="YYYY-MM (UTC)")
    published: int = Field(description="Commitments published that month")
    total: int = Field(description="Commitments published by the end of the month")


class KPITotalOut(BaseModel):
    unit: str = Field(description="The most frequent spelling of the unit")
    kpis: int
    commitments: int
    baseline: Decimal = Field(description="Baselines added up")
    with_baseline: int
    target: Decimal = Field(description="Targets added up")
    with_target: int
    latest: Decimal = Field(description="Latest values added up (the KPIs with a reading)")
    with_latest: int


class StatisticsOut(Schema):
    total: int = Field(description="Published commitments (that the filters select)")
    by: dict[str, dict[str, int]] = Field(description="Facet (the filters', and organization_type) -> code -> "
                                                      "number of those commitments; codes with none left out")
    actors: int = Field(description="Actors with at least one of those commitments")
    countries: int = Field(description="Countries named by at least one")
    kpis: int = Field(description="Their KPIs")
    cumulative: list[MonthOut] = Field(description="Every month from the first publication to the last")
    kpi_states: dict[str, int] = Field(description="KPI state -> KPIs in it today (" + ", ".join(STATES) + ")")
    kpi_totals: list[KPITotalOut] = Field(
        description="Per unit that adds up, most KPIs first. Spellings are matched ignoring case, accents, spacing, "
                    "surrounding punctuation, a leading 'number of' and a plain plural -s; percentages and KPIs "
                    "without a unit are left out")
    kpis_not_added: int = Field(description="KPIs without a unit or in a percentage or share")


@statistics_router.get("", response={200: StatisticsOut, **NOT_MODIFIED, **problems.responses(422)},
                       summary="Published commitments counted by facet, over time, and their KPIs")
def statistics(request, response: HttpResponse, filters: Query[FacetFilters],
               conditions: Header[conditional.Conditions]):
    """The figures of the statistics page, for the commitments the filters select (the parameters of
    `GET /api/v1/commitments`; none: every published commitment). Send the ETag back as If-None-Match: while
    nothing changed, 304 with no body."""
    parsed = explore.parse(filters.model_dump())
    if parsed.errors:
        return _invalid(request, parsed.errors)
    index = facets.current()
    not_modified = conditional.answer(request, response, conditions, _version(index), index.latest,
                                      StatisticsOut)
    if not_modified is not None:
        return not_modified
    found = figures.for_query(parsed, index)
    return {**found, "cumulative": [{"month": month, "published": new, "total": total}
                                    for month, new, total in found["cumulative"]]}
