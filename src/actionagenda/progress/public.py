"""What the public sees of a commitment's progress: its KPIs with readings and progress, phases, scorecard, reports.

One function for the API record (and anything else that shows the same figures), reading the derived rows that
`services.refresh` keeps; a commitment never refreshed yet is refreshed first, so nothing shows as missing.
"""

from collections import defaultdict

from actionagenda.commitments.models import KPI, Commitment

from . import arithmetic, services
from .models import InterimTarget, KPIProgress, PhaseChange, ProgressReport, Reading, Scorecard


def progress_record(commitment: Commitment) -> dict:
    """`kpis` (by KPI id: direction, interim targets, readings, progress), `phases`, `scorecard` and `reports`
    of a published commitment, in a fixed number of queries."""
    scorecard = Scorecard.objects.filter(commitment=commitment).first()
    if scorecard is None:
        services.refresh([commitment.pk])
        scorecard = Scorecard.objects.filter(commitment=commitment).first()
    kpis = list(KPI.objects.filter(commitment=commitment).order_by("position", "pk"))
    ids = [kpi.pk for kpi in kpis]
    interim, readings = defaultdict(list), defaultdict(list)
    for target in InterimTarget.objects.filter(kpi_id__in=ids).order_by("date", "pk"):
        interim[target.kpi_id].append({"value": target.value, "date": target.date, "phase": target.phase})
    for reading in Reading.objects.public().filter(kpi_id__in=ids).order_by("date", "pk"):
        readings[reading.kpi_id].append({"date": reading.date, "value": reading.value, "note": reading.note})
    progress = KPIProgress.objects.in_bulk(ids)
    by_kpi = {}
    for kpi in kpis:
        row = progress.get(kpi.pk)
        fraction = row.fraction if row else None
        by_kpi[kpi.pk] = {
            "direction": arithmetic.direction_of(services.indicator(kpi)),
            "cumulative": kpi.cumulative,
            "interim_targets": interim[kpi.pk],
            "readings": readings[kpi.pk],
            "progress": {"fraction": None if fraction is None else str(fraction),
                         "display_percent": arithmetic.display_percent(fraction),
                         "state": row.state if row else arithmetic.NO_DATA},
        }
    phases = [{"phase": change.phase, "started_on": change.started_on, "reason": change.reason}
              for change in PhaseChange.objects.filter(commitment=commitment).order_by("started_on", "pk")]
    reports = [{"id": report.pk, "period_start": report.period_start, "period_end": report.period_end,
                "kind": report.kind, "submitted": report.submitted_at, "url": report.get_absolute_url()}
               for report in ProgressReport.objects.filter(
                   commitment=commitment, status=ProgressReport.Status.SUBMITTED).order_by("-period_end", "-pk")]
    card = {"overall": None if scorecard is None or scorecard.overall is None else str(scorecard.overall),
            "traffic_light": scorecard.traffic_light if scorecard else None,
            "inactive": scorecard.inactive if scorecard else False,
            "next_report_due": scorecard.next_report_due if scorecard else None}
    return {"kpis": by_kpi, "phases": phases, "scorecard": card, "reports": reports}
