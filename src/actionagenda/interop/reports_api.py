"""Writing progress through the API: `POST /api/v1/commitments/{id}/reports` with the author's bearer token.

The body is checked by the very function the site's report form calls (`progress.reports.save`), so a refusal
names the same fields, here as JSON pointers in an RFC 9457 problem (`#/readings/0/value`).
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from ninja import Path, Router, Schema, Status
from pydantic import Field

from actionagenda import links, ratelimits
from actionagenda.commitments.models import Commitment
from actionagenda.progress import reports
from actionagenda.progress.models import ProgressReport, Reading

from . import problems, tokens
from .tokens import BearerToken

router = Router(tags=["progress"])


class ReadingIn(Schema):
    kpi: int = Field(description="The id of one of this commitment's KPIs (`kpis[].id` of the record)")
    value: str | float | int = Field(description="A number; a decimal string keeps every digit")
    date: datetime.date | None = Field(None, description="Within the period; the period's end when omitted")
    note: str = ""


class ReportIn(Schema):
    period_start: datetime.date
    period_end: datetime.date
    kind: str = Field("report", description=" or ".join(ProgressReport.Kind.values) + " (a quarterly note: "
                                                                                        "narrative and readings)")
    phase: str = ""
    narrative: str = Field("", description="Markdown; sanitised when shown")
    challenges: str = ""
    support_needed: str = ""
    readings: list[ReadingIn] = []


class ReportCreated(Schema):
    id: int
    url: str
    status: str


@router.post("/{commitment_id}/reports", auth=BearerToken(),
             response={201: ReportCreated, **problems.responses(401, 403, 404, 422, 429)},
             summary="Submit a progress report on one of your commitments")
def create_report(request, body: ReportIn,
                  commitment_id: int = Path(..., description="The id of one of your published commitments")):
    """The report is public at once, marked self-reported, like one filed on the site. Needs a token with write
    access."""
    tokens.count_write(request)
    commitment = Commitment.objects.filter(pk=commitment_id, actor__members=request.user).first()
    if commitment is None:
        # Another actor's commitment is not found rather than forbidden, as on the site.
        return problems.respond(request, 404, "Not Found", f"No commitment of yours with id {commitment_id}.")
    data = reports.ReportInput(
        kind=body.kind, period_start=body.period_start, period_end=body.period_end, phase=body.phase,
        narrative=body.narrative, challenges=body.challenges, support_needed=body.support_needed,
        readings=[reports.ReadingInput(kpi=item.kpi, value=str(item.value), date=item.date, note=item.note)
                  for item in body.readings])
    try:
        report = reports.save(commitment, request.user, data, submit=True, source=Reading.Source.API)
    except PermissionDenied:
        return problems.respond(request, 422, "Invalid request", "Only a published commitment takes reports.",
                                errors=[{"pointer": "#/", "field": "", "detail": "The commitment is not published."}])
    except ValidationError as error:
        entries = [{"pointer": "#/" + name.replace(".", "/"), "field": name, "detail": message}
                   for name, messages in error.message_dict.items() for message in messages]
        return problems.respond(request, 422, "Invalid request", f"{len(entries)} field(s) need attention.",
                                errors=entries)
    except ratelimits.RateLimited as refusal:
        return ratelimits.problem(request, refusal, "Too many reports", "Try again later.")
    return Status(201, {"id": report.pk, "url": links.absolute(report.get_absolute_url()), "status": report.status})
