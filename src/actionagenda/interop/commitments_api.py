"""Read endpoints for published commitments and their statistics (the interoperability issue adds writes).

The list runs the very query of the explore page (commitments.query): same filters, same facet bitmaps.
"""

import datetime
from decimal import Decimal

from django.conf import settings
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from actionagenda.commitments import query as explore_query
from actionagenda.commitments.models import Commitment

from . import problems

router = Router(tags=["commitments"])
statistics_router = Router(tags=["statistics"])


class ActorOut(Schema):
    name: str
    type: str
    organization_type: str
    country: str


class Measure(Schema):
    value: Decimal | None
    date: datetime.date | None


class KPIOut(Schema):
    name: str
    unit: str
    baseline: Measure
    target: Measure
    current: Decimal | None


class CommitmentOut(Schema):
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


class CommitmentPage(Schema):
    count: int
    items: list[CommitmentOut]


class Filters(Schema):
    search: str | None = Field(None, description="Words that must all appear (title, description, partners, "
                                                  "actor name); accents and case are ignored")
    actor_type: list[str] = Field([], description="individual, organization, business, local_government")
    country: list[str] = Field([], description="ISO 3166-1 alpha-2 code")
    region: list[str] = Field([], description="UN M49 region code: 002, 019, 142, 150, 009")
    gbf_target: list[str] = Field([], description="GBF-1 .. GBF-23")
    ip_element: list[str] = Field([], description="Implementation Plan element key (IP-*)")
    action_area: list[str] = Field([], description="Action area code")
    phase: list[str] = Field([], description="planning, development, implementation, evaluation")
    scale: list[str] = Field([], description="local, subnational, national, regional, global")
    language: list[str] = Field([], description="Language code")
    sort: str = Field("newest", description="newest or oldest (by publication)")


def _terms(terms) -> list[str]:
    return [term.code for term in terms]


def item(commitment: Commitment) -> dict:
    """A commitment as the API shows it (relations must be prefetched: no query per item)."""
    actor = commitment.actor
    countries = list(commitment.countries.all())
    return {
        "id": commitment.pk, "title": commitment.title, "description": commitment.description,
        "language": commitment.language,
        "actor": {"name": actor.name, "type": actor.kind, "organization_type": actor.organization_type,
                  "country": str(actor.country or "")},
        "countries": _terms(countries),
        "regions": sorted({country.group for country in countries if country.group}),
        "gbf_targets": _terms(commitment.gbf_targets.all()), "ip_elements": _terms(commitment.ip_elements.all()),
        "action_areas": _terms(commitment.action_areas.all()), "audiences": _terms(commitment.audiences.all()),
        "start_date": commitment.start_date, "end_date": commitment.end_date, "phase": commitment.phase,
        "scale": commitment.scale, "partners": commitment.partners, "resources": commitment.resources,
        "expected_impact": commitment.expected_impact, "website": commitment.website,
        "kpis": [{"name": kpi.name, "unit": kpi.unit,
                  "baseline": {"value": kpi.baseline_value, "date": kpi.baseline_date},
                  "target": {"value": kpi.target_value, "date": kpi.target_date},
                  "current": kpi.current_value} for kpi in commitment.kpis.all()],
        "status": commitment.status, "published_at": commitment.published_at,
        "url": settings.SITE_URL + commitment.get_absolute_url(),
    }


def _invalid(request, errors: dict[str, str]):
    return problems.respond(
        request, 422, "Invalid request", f"{len(errors)} parameter(s) need attention.",
        errors=[{"pointer": f"#/{name}", "field": name, "detail": message} for name, message in errors.items()])


@router.get("", response={200: CommitmentPage, 422: dict}, summary="Published commitments, filtered")
def list_commitments(request, filters: Query[Filters], limit: int = Query(25, ge=1, le=100),
                     offset: int = Query(0, ge=0)):
    """Values of one filter may repeat (`country=KE&country=NG`: either); different filters all apply."""
    parsed = explore_query.parse(request.GET)
    if parsed.errors:
        return _invalid(request, parsed.errors)
    result = explore_query.run(parsed, offset=offset, limit=limit, with_facets=False)
    return {"count": result.count, "items": [item(commitment) for commitment in result.commitments()]}


@router.get("/{commitment_id}", response=CommitmentOut, summary="One published commitment")
def get_commitment(request, commitment_id: int):
    commitment = Commitment.objects.published().with_relations().filter(pk=commitment_id).first()
    if commitment is None:
        raise HttpError(404, f"No published commitment with id {commitment_id}.")
    return item(commitment)


class StatisticsOut(Schema):
    total: int = Field(description="Published commitments")
    by: dict[str, dict[str, int]] = Field(description="Facet -> code -> number of published commitments")


@statistics_router.get("", response=StatisticsOut, summary="Published commitments counted by facet")
def statistics(request):
    counts = explore_query.statistics()
    total = counts.pop("total")
    return {"total": total, "by": counts}
