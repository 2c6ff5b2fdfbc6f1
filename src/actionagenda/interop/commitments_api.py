"""Read endpoints for published commitments and their statistics.

The list runs the very query of the explore page (commitments.explore): same filters, same facet bitmaps. Its
filters are read through `Filters`, so the parameters the OpenAPI document lists are the ones applied.
"""

import datetime
from decimal import Decimal

from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import BaseModel, Field

from actionagenda import links
from actionagenda.commitments import explore
from actionagenda.commitments.models import KPI, Commitment
from actionagenda.progress import choices, public
from actionagenda.progress import facets as progress_facets
from actionagenda.progress.models import ProgressReport
from actionagenda.vocabularies import catalogue

from . import problems

router = Router(tags=["commitments"])
statistics_router = Router(tags=["statistics"])


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
    start_date: datetime.date | None
    end_date: datetime.date | None
    phase: str
    scale: str
    partners: str
    resources: str
    expected_impact: str
    website: str
    kpis: list[KPIOut]
    status: str
    published_at: datetime.datetime | None
    url: str


class CommitmentDetailOut(CommitmentOut):
    kpis: list[KPIDetailOut]
    phases: list[PhaseOut]
    scorecard: ScorecardOut
    reports: list[ReportRef] = Field(description="Submitted progress reports (self-reported), newest first")


class CommitmentPage(BaseModel):
    count: int
    items: list[CommitmentOut]


def _codes(vocabulary) -> str:
    return ", ".join(vocabulary.codes)


class Filters(Schema):
    search: str | None = Field(None, description="Words that must all appear (title, description, partners, "
                                                  "actor name); accents and case are ignored")
    actor_type: list[str] = Field([], description=_codes(catalogue.ACTOR_TYPES))
    country: list[str] = Field([], description="ISO 3166-1 alpha-2 code")
    region: list[str] = Field([], description="UN M49 region code: " + _codes(catalogue.REGIONS))
    gbf_target: list[str] = Field([], description=_codes(catalogue.GBF_TARGETS))
    ip_element: list[str] = Field([], description="Implementation Plan element: " + _codes(catalogue.IP_ELEMENTS))
    action_area: list[str] = Field([], description=_codes(catalogue.ACTION_AREAS))
    phase: list[str] = Field([], description=_codes(catalogue.PHASES))
    scale: list[str] = Field([], description=_codes(catalogue.SCALES))
    language: list[str] = Field([], description=_codes(catalogue.LANGUAGES))
    kpi_state: list[str] = Field([], description="Commitments with at least one KPI in this state today: "
                                                 + _codes(progress_facets.VOCABULARIES["kpi_state"]))
    traffic_light: list[str] = Field([], description="Reporting record against the commitment's own cadence: green "
                                                     "(reported for the last period due), amber (one report "
                                                     "overdue), red (two or more)")
    inactive: list[str] = Field([], description="true: no report for two years (marked publicly); false: active")
    sort: str = Field("newest", description=" or ".join(explore.SORTS) + " (by publication)")


def items(ids: list[int]) -> list[dict]:
    """The commitments `ids` (in that order) as the API shows them, in seven queries whatever their number."""
    found = Commitment.objects.select_related("actor").in_bulk(ids)
    linked = explore.links(list(found))
    kpis: dict[int, list] = {}
    for kpi in KPI.objects.filter(commitment_id__in=list(found)).order_by("position", "pk").values(
            "id", "commitment_id", "name", "unit", "baseline_value", "baseline_date", "target_value", "target_date",
            "progress__latest_value"):
        kpis.setdefault(kpi["commitment_id"], []).append(kpi)
    return [item(found[pk], linked, kpis.get(pk, [])) for pk in ids if pk in found]


def item(commitment: Commitment, linked: dict, kpis: list[dict]) -> dict:
    actor = commitment.actor

    def codes(field_name):
        return [code for code, _group in linked[field_name].get(commitment.pk, [])]

    return {
        "id": commitment.pk, "title": commitment.title, "description": commitment.description,
        "language": commitment.language,
        "actor": {"name": actor.display_name, "type": actor.kind, "organization_type": actor.organization_type,
                  "country": str(actor.country or "")},
        "countries": codes("countries"),
        "regions": sorted({group for _code, group in linked["countries"].get(commitment.pk, []) if group}),
        "gbf_targets": codes("gbf_targets"), "ip_elements": codes("ip_elements"),
        "action_areas": codes("action_areas"), "audiences": codes("audiences"),
        "start_date": commitment.start_date, "end_date": commitment.end_date, "phase": commitment.phase,
        "scale": commitment.scale, "partners": commitment.partners, "resources": commitment.resources,
        "expected_impact": commitment.expected_impact, "website": commitment.website,
        "kpis": [{"id": kpi["id"], "name": kpi["name"], "unit": kpi["unit"],
                  "baseline": {"value": kpi["baseline_value"], "date": kpi["baseline_date"]},
                  "target": {"value": kpi["target_value"], "date": kpi["target_date"]},
                  "current": kpi["progress__latest_value"]} for kpi in kpis],
        "status": commitment.status, "published_at": commitment.published_at,
        "url": links.absolute(commitment.get_absolute_url()),
    }


def _invalid(request, errors: dict[str, str]):
    return problems.respond(
        request, 422, "Invalid request", f"{len(errors)} parameter(s) need attention.",
        errors=[{"pointer": f"#/{name}", "field": name, "detail": message} for name, message in errors.items()])


@router.get("", response={200: CommitmentPage, **problems.responses(422)}, summary="Published commitments, filtered")
def list_commitments(request, filters: Query[Filters], limit: int = Query(25, ge=1, le=100),
                     offset: int = Query(0, ge=0)):
    """Values of one filter may repeat (`country=KE&country=NG`: either); different filters all apply."""
    parsed = explore.parse(filters.model_dump())
    if parsed.errors:
        return _invalid(request, parsed.errors)
    result = explore.run(parsed, offset=offset, limit=limit, with_facets=False)
    return {"count": result.count, "items": items(result.ids)}


@router.get("/{commitment_id}", response={200: CommitmentDetailOut, **problems.responses(404, 422)},
            summary="One published commitment, with its progress")
def get_commitment(request, commitment_id: int):
    commitment = Commitment.objects.published().select_related("scorecard").filter(pk=commitment_id).first()
    if commitment is None:
        raise HttpError(404, f"No published commitment with id {commitment_id}.")
    record = items([commitment_id])[0]
    progress = public.api_record(public.read(commitment))
    record["kpis"] = [{**kpi, **progress["kpis"][kpi["id"]]} for kpi in record["kpis"]]
    for report in progress["reports"]:
        report["url"] = links.absolute(report["url"])
    return {**record, "phases": progress["phases"], "scorecard": progress["scorecard"],
            "reports": progress["reports"]}


class StatisticsOut(Schema):
    total: int = Field(description="Published commitments")
    by: dict[str, dict[str, int]] = Field(description="Facet -> code -> number of published commitments")


@statistics_router.get("", response=StatisticsOut, summary="Published commitments counted by facet")
def statistics(request):
    counts = explore.statistics()
    total = counts.pop("total")
    return {"total": total, "by": counts}
