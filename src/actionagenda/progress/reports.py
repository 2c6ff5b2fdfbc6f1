"""Progress reports: an author saves and submits a report with a reading per KPI; the secretariat comments on it
or returns it.

The site's form and the API call the same functions with the same raw values, and get the same refusals: a
`ValidationError` whose dict names each bad field (`period_end`, `readings.0.value`, `links.1`, `files.0`). Each
function owns its transaction and locks the row it changes. A submitted report is public at once (marked
self-reported); a returned one leaves the public figures (`Reading.objects.public`) until it is submitted again.
A reading that was ever public is never overwritten: changing it stores a new Reading that `corrects` it.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from actionagenda import ratelimits
from actionagenda.accounts import roles
from actionagenda.commitments.models import Commitment, validate_date_range
from actionagenda.concurrency import StaleRecord
from actionagenda.vocabularies import catalogue

from . import periods, services
from .models import EvidenceFile, EvidenceLink, ProgressReport, Reading, ReportDecision
from .tasks import notify_report_decision

Status = ProgressReport.Status
Kind = ProgressReport.Kind
Action = ReportDecision.Action
RATE_SCOPE = "progress_report_submit"
# Fields a quarterly note does not have (it is a narrative and readings only).
FULL_REPORT_ONLY = ("challenges", "support_needed", "links", "files")


@dataclass
class ReadingInput:
    """One reading as typed or sent: `kpi` an id, `value` a number or its text, `date` a date or ISO text
    (empty: the period's end)."""

    kpi: object
    value: object
    date: object = None
    note: str = ""


@dataclass
class ReportInput:
    """What an author sends for a report. `links` are (url, title) pairs and replace the report's links (None
    keeps them); `files` are new uploads; `remove_files` ids of the report's files to drop."""

    kind: str = Kind.REPORT
    period_start: object = None
    period_end: object = None
    phase: str = ""
    narrative: str = ""
    challenges: str = ""
    support_needed: str = ""
    readings: list[ReadingInput] = field(default_factory=list)
    links: list[tuple[str, str]] | None = None
    files: list = field(default_factory=list)
    remove_files: list[int] = field(default_factory=list)


def may_report(user, commitment: Commitment, is_author: bool | None = None) -> bool:
    """Only the actor's members report on a commitment, and only once it is published (`is_author`: as for
    `visible_reports`)."""
    return commitment.is_public and (roles.is_author(user, commitment) if is_author is None else is_author)


def default_period(commitment: Commitment, today: datetime.date | None = None) -> periods.Period:
    """The period a new report is for: the oldest one due and not reported yet, else the one whose report is
    due next (the scorecard's `next_report_due`)."""
    today = today or timezone.localdate()
    submitted = list(commitment.reports.filter(status=Status.SUBMITTED).values_list(
        "period_start", "period_end", "submitted_at"))
    first_day, last_day = services.reporting_days(commitment)
    record = services.reporting(first_day, commitment.reporting_cadence,
                                [(start, end, timezone.localdate(at) if at else end) for start, end, at in submitted],
                                today, last_day)
    if record.next_report_due is None:
        return periods.period_of(today, commitment.reporting_cadence)
    return periods.period_of(record.next_report_due - datetime.timedelta(days=periods.GRACE_DAYS),
                             commitment.reporting_cadence)


def save(commitment: Commitment, user, data: ReportInput, *, report: ProgressReport | None = None,
         submit: bool = False, expected_version: int | None = None, today: datetime.date | None = None,
         source: str = Reading.Source.REPORT) -> ProgressReport:
    """Create or change a report of `commitment` from `data`, and submit it when `submit`.

    A draft (or a returned report) may be incomplete; submitting needs a narrative. Saving a submitted report
    corrects it: it stays public and every changed reading becomes a new version. Raises PermissionDenied
    (not an author, not published, not editable), ValidationError (a dict naming each field),
    concurrency.StaleRecord (changed since `expected_version`) or ratelimits.RateLimited (a public save over
    the limit; nothing is stored).
    """
    today = today or timezone.localdate()
    with transaction.atomic():
        locked = Commitment.objects.select_for_update().get(pk=commitment.pk)
        if not may_report(user, locked):
            raise PermissionDenied
        if report is not None:
            report = ProgressReport.objects.select_for_update().get(pk=report.pk, commitment=locked)
            if expected_version is not None and report.version != expected_version:
                raise StaleRecord(report)
        else:
            report = ProgressReport(commitment=locked, created_by=user)
        was_public = report.pk is not None and report.submitted_at is not None
        publicly = submit or report.is_public
        current = {reading.kpi_id: reading for reading in report.readings.current()} if report.pk else {}
        cleaned = _clean(locked, report, data, current, was_public, publicly, today)
        action = None
        if report.is_public:
            action = Action.CORRECT  # kept only if something changed
        elif submit:
            report.status, report.submitted_at, action = Status.SUBMITTED, timezone.now(), Action.SUBMIT
        report._history_user = user
        report._change_reason = action or ""
        changed = _write(report, cleaned, current, was_public, user, source)
        if action == Action.SUBMIT or (action == Action.CORRECT and changed):
            ReportDecision.objects.create(report=report, action=action, by=user)
            ratelimits.consume(RATE_SCOPE, user.pk)
        services.refresh_after_commit(locked.pk)
    return report


def _clean(commitment, report, data: ReportInput, current, was_public, submitting, today) -> dict:
    """`data` checked and converted, or a ValidationError naming every bad field."""
    errors = defaultdict(list)
    cleaned = {"kind": data.kind, "phase": data.phase or "", "links": None, "files": [], "readings": {}}
    if data.kind not in Kind.values:
        errors["kind"].append(_("Choose a progress report or a quarterly note."))
    if cleaned["phase"] and cleaned["phase"] not in catalogue.PHASES:
        errors["phase"].append(_("Choose one of the phases."))
    for name in ("period_start", "period_end"):
        cleaned[name] = _date(name, getattr(data, name), errors, required=True)
    start, end = cleaned["period_start"], cleaned["period_end"]
    if start and end and end < start:
        errors["period_end"].append(_("The period must end on or after the day it starts."))
    for name in ("narrative", "challenges", "support_needed"):
        value = (getattr(data, name) or "").strip()
        _run_field(ProgressReport, name, value, name, errors)
        cleaned[name] = value
    if submitting and not cleaned["narrative"]:
        errors["narrative"].append(_("Say what happened in this period before submitting the report."))
    if data.kind == Kind.NOTE:
        for name in FULL_REPORT_ONLY:
            if getattr(data, name):
                errors[name].append(_("A quarterly note holds a narrative and readings only: choose a progress "
                                      "report to keep this."))
    _clean_readings(commitment, data.readings, start, end, today, current, was_public, cleaned, errors)
    if data.links is not None:
        cleaned["links"] = []
        for index, (url, title) in enumerate(data.links):
            link = EvidenceLink(url=(url or "").strip(), title=(title or "").strip())
            _full_clean(link, f"links.{index}", errors)
            cleaned["links"].append(link)
    for index, upload in enumerate(data.files):
        evidence = EvidenceFile(file=upload, title=(getattr(upload, "name", "") or "")[:200])
        _full_clean(evidence, f"files.{index}", errors)
        cleaned["files"].append(evidence)
    cleaned["remove_files"] = list(report.evidence_files.filter(pk__in=data.remove_files)) if report.pk else []
    if errors:
        raise ValidationError(dict(errors))
    return cleaned


def _clean_readings(commitment, readings, start, end, today, current, was_public, cleaned, errors) -> None:
    kpis = set(commitment.kpis.values_list("pk", flat=True))
    seen = set()
    for index, reading in enumerate(readings):
        prefix = f"readings.{index}"
        kpi = _integer(reading.kpi)
        if kpi not in kpis:
            errors[f"{prefix}.kpi"].append(_("This KPI is not one of this commitment's indicators."))
            continue
        if kpi in seen:
            errors[f"{prefix}.kpi"].append(_("A report holds one reading per KPI."))
            continue
        seen.add(kpi)
        raw = reading.value
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if kpi in current and was_public:
                errors[f"{prefix}.value"].append(_("A reading that was public can be corrected, not removed."))
            continue
        value = _number(raw, f"{prefix}.value", errors)
        if value is None:
            continue
        day = _date(f"{prefix}.date", reading.date, errors) or end
        if day and start and end and not start <= day <= end:
            errors[f"{prefix}.date"].append(_("Date the reading within the report's period (%(start)s – %(end)s).")
                                            % {"start": date_format(start), "end": date_format(end)})
        elif day and day > today:
            errors[f"{prefix}.date"].append(_("A reading cannot be dated in the future."))
        note = (reading.note or "").strip()
        _run_field(Reading, "note", note, f"{prefix}.note", errors)
        cleaned["readings"][kpi] = (value, day, note)
    if was_public and set(current) - seen:
        errors["readings"].append(_("A reading that was public can be corrected, not removed."))


def _write(report, cleaned, current, was_public, user, source) -> bool:
    """Store `cleaned` on `report` (saved once); returns whether anything changed (text, readings, evidence)."""
    fields = ("kind", "period_start", "period_end", "phase", "narrative", "challenges", "support_needed")
    changed = report.pk is None or any(getattr(report, name) != cleaned[name] for name in fields)
    for name in fields:
        setattr(report, name, cleaned[name])
    report.save()
    for kpi, (value, day, note) in cleaned["readings"].items():
        old = current.pop(kpi, None)
        if old is not None and (old.value, old.date, old.note) == (value, day, note):
            continue
        changed = True
        if old is not None and not was_public:
            old.value, old.date, old.note = value, day, note
            old.save(update_fields=["value", "date", "note"])
        else:
            Reading.objects.create(kpi_id=kpi, report=report, date=day, value=value, note=note, source=source,
                                   created_by=user, corrects=old)
    if current:  # readings left out of a report that was never public
        changed = True
        Reading.objects.filter(pk__in=[reading.pk for reading in current.values()]).delete()
    if cleaned["links"] is not None:
        old_links = list(report.evidence_links.values_list("url", "title"))
        new_links = [(link.url, link.title) for link in cleaned["links"]]
        if old_links != new_links:
            changed = True
            report.evidence_links.all().delete()
            for link in cleaned["links"]:
                link.report = report
            EvidenceLink.objects.bulk_create(cleaned["links"])
    for evidence in cleaned["files"]:
        changed = True
        evidence.report = report
        evidence.save()
    for evidence in cleaned["remove_files"]:
        changed = True
        # The stored file goes once the removal is committed (a refused save keeps the row, and so the file).
        storage, name = evidence.file.storage, evidence.file.name
        transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))
        evidence.delete()
    return changed


@transaction.atomic
def decide(report: ProgressReport, action: str, user, comment: str = "") -> ReportDecision:
    """The secretariat comments on a report or returns it to its authors (a return needs a comment, and takes
    the report's readings out of the public figures until it is submitted again); the authors are e-mailed
    after the commit. Raises PermissionDenied (not the secretariat) or ValidationError (a dict)."""
    if not roles.is_secretariat(user):
        raise PermissionDenied
    locked = ProgressReport.objects.select_for_update().get(pk=report.pk)
    comment = (comment or "").strip()
    errors = {}
    if action not in (Action.COMMENT, Action.RETURN):
        errors["action"] = [_("Comment on the report or return it.")]
    elif action == Action.RETURN and locked.status != Status.SUBMITTED:
        errors["action"] = [_("Only a submitted report can be returned.")]
    elif locked.status == Status.DRAFT:
        errors["action"] = [_("A draft is not the secretariat's to comment on yet.")]
    if not comment:
        errors["comment"] = [_("Say what the authors should change before returning the report.")
                             if action == Action.RETURN else _("Write the comment.")]
    else:
        _run_field(ReportDecision, "comment", comment, "comment", errors)
    if errors:
        raise ValidationError(errors)
    if action == Action.RETURN:
        locked.status = Status.RETURNED
        locked._history_user = user
        locked._change_reason = f"return: {comment}"[:100]
        locked.save()
        services.refresh_after_commit(locked.commitment_id)
    decision = ReportDecision.objects.create(report=locked, action=action, comment=comment, by=user)
    transaction.on_commit(lambda: notify_report_decision.enqueue(decision.pk))
    report.refresh_from_db()
    return decision


def visible_reports(user, commitment: Commitment, is_author: bool | None = None):
    """The reports of `commitment` that `user` may read: submitted ones for everybody, all for its authors and the
    secretariat (`is_author`: roles.is_author(user, commitment), when the caller knows it already)."""
    reports = commitment.reports.all()
    if is_author is None:
        is_author = roles.is_author(user, commitment)
    if is_author or roles.is_secretariat(user):
        return reports
    return reports.filter(status=Status.SUBMITTED)


def _date(key, raw, errors, required=False) -> datetime.date | None:
    """`raw` (a date or ISO text) as a date within the years the platform accepts; None when empty or wrong."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        if required:
            errors[key].append(_("Enter a date."))
        return None
    day = raw if isinstance(raw, datetime.date) else None
    if day is None and isinstance(raw, str):
        try:
            day = parse_date(raw.strip())
        except ValueError:
            day = None
    if day is None:
        errors[key].append(_("Enter a date as YYYY-MM-DD."))
        return None
    try:
        validate_date_range(day)
    except ValidationError as error:
        errors[key].extend(error.messages)
        return None
    return day


def _number(raw, key, errors) -> Decimal | None:
    """`raw` (a number or its text) as a Decimal that fits a reading; None, with the error, otherwise."""
    try:
        value = None if isinstance(raw, bool) else Decimal(str(raw).strip())
    except (InvalidOperation, ValueError):
        value = None
    if value is None or not value.is_finite():
        errors[key].append(_("Enter a number (digits, with a point for decimals)."))
        return None
    try:
        Reading._meta.get_field("value").run_validators(value)
    except ValidationError as error:
        errors[key].extend(error.messages)
        return None
    return value


def _integer(raw) -> int | None:
    try:
        return int(raw)
    except (TypeError, ValueError):
        return None


def _run_field(model, name, value, key, errors) -> None:
    try:
        model._meta.get_field(name).run_validators(value)
    except ValidationError as error:
        errors[key].extend(error.messages)


def _full_clean(instance, key, errors) -> None:
    try:
        instance.full_clean(exclude=["report"])
    except ValidationError as error:
        errors[key].extend(error.messages)
