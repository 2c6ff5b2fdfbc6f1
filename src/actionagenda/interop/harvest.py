"""Harvesting partner sources (`actionagenda harvest [SOURCE]`, and the worker on each source's schedule).

Another actionagenda platform is read through its API's changes (`GET /api/v1/commitments?updated_after=...`,
oldest change first, tombstones included), from where its last harvest stopped: each published record is written
as the CBD-format import writes one (`cbd_format.record`, then `cbd_import`: upsert by source and identifier, the
record kept as received, a link back to its page), with what only the platform's own record holds (phase, scale,
KPIs and their current values, BCH citations...), and each tombstone withdraws the commitment here. A CBD-format
feed, or a CSV in the open data columns (commitments.csv), is read whole each time; a commitment whose record a
later file no longer holds is withdrawn here. Each record is saved in a transaction of its own and the cursor only
after its page: a harvest run twice, or killed midway and run again, duplicates nothing. The scorecards of a page's
commitments are computed together when the page is done. New commitments of a trusted source are published at
once, the others wait in the moderation queue. What a record could not be taken for is written in the harvest's log
(interop.HarvestLog), and the harvest goes on with the next.
"""

import csv
import dataclasses
import datetime
import io
import json
import logging
import urllib.request
from collections.abc import Callable, Iterator
from decimal import Decimal, InvalidOperation
from urllib.parse import urlencode, urlsplit

from django.core.cache import cache
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from actionagenda.commitments import services as commitments
from actionagenda.commitments.models import Commitment
from actionagenda.progress import services as progress

from . import cbd_format, cbd_import
from .models import HarvestLog, PartnerRecord, PartnerSource

logger = logging.getLogger(__name__)

PAGE = 100  # records per page asked of another platform (its API's maximum)
MAX_BYTES = 20 * 1024 * 1024  # a page or a feed larger than this is refused
TIMEOUT = 30  # seconds per request
MAX_ERRORS = 500  # records not taken kept in a log; the count says how many in all
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
WITHDRAWN = "withdrawn"
Fetch = Callable[[str], object]


class HarvestError(Exception):
    """The source could not be read (unreachable, not JSON, too large, a next link elsewhere)."""


def fetch_bytes(url: str, accept: str = "application/json") -> bytes:
    """GET `url`, within TIMEOUT and MAX_BYTES."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise HarvestError(f"not a web address: {url}")
    request = urllib.request.Request(url, headers={"Accept": accept, "User-Agent": "actionagenda-harvester/1"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310 (scheme checked above)
            body = response.read(MAX_BYTES + 1)
    except OSError as error:
        raise HarvestError(f"{url}: {error}") from error
    if len(body) > MAX_BYTES:
        raise HarvestError(f"{url}: larger than {MAX_BYTES // (1024 * 1024)} MB")
    return body


def fetch_json(url: str) -> object:
    """GET `url` as JSON."""
    try:
        return json.loads(fetch_bytes(url))
    except ValueError as error:
        raise HarvestError(f"{url}: not JSON ({error})") from error


def fetch_text(url: str) -> str:
    """GET `url` as UTF-8 text (a byte-order mark, as spreadsheets write one, is dropped)."""
    try:
        return fetch_bytes(url, accept="text/csv").decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise HarvestError(f"{url}: not UTF-8 text ({error})") from error


def due(now: datetime.datetime | None = None) -> list[PartnerSource]:
    """The sources with an address whose schedule says to harvest them now."""
    now = now or timezone.now()
    return [source for source in PartnerSource.objects.exclude(url="").filter(harvest_every__gt=0).order_by("pk")
            if source.last_harvest is None
            or source.last_harvest + datetime.timedelta(hours=source.harvest_every) <= now]


def harvest(source: PartnerSource, fetch: Fetch | None = None) -> HarvestLog | None:
    """Harvest `source` now (`fetch`: how to read an address, by default over HTTP); None when another worker is
    harvesting it."""
    fetch = fetch or (fetch_text if source.kind == PartnerSource.Kind.CSV else fetch_json)
    lock = f"harvest:{source.pk}"
    if not cache.add(lock, 1, timeout=3600):
        return None
    log = HarvestLog.objects.create(source=source, counts=dict.fromkeys(
        (cbd_import.CREATED, cbd_import.UPDATED, cbd_import.UNCHANGED, WITHDRAWN, "refused"), 0))
    try:
        if source.kind == PartnerSource.Kind.INSTANCE:
            _harvest_instance(source, log, fetch)
        elif source.kind == PartnerSource.Kind.CSV:
            _harvest_csv(source, log, fetch)
        else:
            _harvest_feed(source, log, fetch)
        log.status = HarvestLog.Status.DONE
    except HarvestError as error:
        log.status, log.message = HarvestLog.Status.FAILED, str(error)
        logger.warning("Harvest of %s stopped: %s", source, error)
    finally:
        log.finished = timezone.now()
        log.save()
        source.last_harvest = log.finished
        source.save(update_fields=["last_harvest", "cursor_time", "cursor_id"])
        cache.delete(lock)
    return log


def _pages(source: PartnerSource, fetch: Fetch) -> Iterator[list]:
    """The pages of the source's changes after its cursor, following each page's next link (never elsewhere)."""
    base = source.url.rstrip("/")
    params = {"updated_after": (source.cursor_time or EPOCH).isoformat().replace("+00:00", "Z"), "limit": PAGE}
    if source.cursor_id:
        params["after_id"] = source.cursor_id
    url = f"{base}/api/v1/commitments?{urlencode(params)}"
    origin = urlsplit(base)[:2]
    while url:
        if urlsplit(url)[:2] != origin:
            raise HarvestError(f"the next page ({url}) is not on {base}")
        page = fetch(url)
        if not isinstance(page, dict) or not isinstance(page.get("items"), list):
            raise HarvestError(f"{url}: not a page of commitments")
        yield page["items"]
        url = page.get("next")


def _harvest_instance(source: PartnerSource, log: HarvestLog, fetch: Fetch) -> None:
    for items in _pages(source, fetch):
        with progress.refreshed_together():
            for entry in items:
                _take(source, log, entry)
        if items:
            last = items[-1]
            moment = parse_datetime(str(last.get("updated_at", "")))
            if moment is not None and isinstance(last.get("id"), int):
                source.cursor_time, source.cursor_id = moment, last["id"]
                source.save(update_fields=["cursor_time", "cursor_id"])  # a harvest killed later starts here


def _take(source: PartnerSource, log: HarvestLog, entry) -> None:
    """One entry of another platform's changes: a published record, or a tombstone."""
    if not isinstance(entry, dict) or not isinstance(entry.get("id"), int):
        _refused(log, "", ["expected a record with an id"])
        return
    if entry.get("status") != "published" or "title" not in entry:
        kept = PartnerRecord.objects.filter(source=source, external_id=str(entry["id"])).select_related(
            "commitment").first()
        if kept and commitments.follow_partner_status(kept.commitment, published=False, trusted=source.trusted,
                                                      reason=_withdrawn_at(source)):
            log.counts[WITHDRAWN] += 1
        return
    try:
        mapped = cbd_import.map_record(entry["id"], cbd_format.record(entry))
    except (KeyError, TypeError, ValueError) as error:
        _refused(log, str(entry["id"]), [f"not a record of the commitments API ({error})"])
        return
    _save(source, log, _with_native_fields(mapped, entry))


# What another platform's record holds beyond the CBD shape, taken as it is (the models check each value).
NATIVE_FIELDS = ("phase", "scale", "resources", "expected_impact")
NATIVE_TERMS = ("ip_elements", "audiences")


def _with_native_fields(mapped, entry: dict):
    """`mapped` with what the CBD shape has no place for, from the platform's own record: fields, vocabulary
    links, KPIs with their current values (readings of the day the record last changed there) and BCH
    citations. The record is kept as received (so that a change of any of them is a change of the record) but
    for its `updated_at`, which the source moves when only its scorecard or a report moves, which are not
    harvested (a daily harvest would otherwise rewrite every record every day)."""
    if not isinstance(mapped, cbd_import.Mapped):
        return mapped
    reasons = []
    kpis = _native_kpis(entry.get("kpis"), reasons)
    citations = _native_citations(entry.get("bch_records"), reasons)
    if reasons:
        return cbd_import.Unmapped(mapped.index, mapped.external_id, reasons)
    fields = {**mapped.fields, **{name: entry[name] for name in NATIVE_FIELDS if isinstance(entry.get(name), str)}}
    terms = {**mapped.terms, **{name: [code for code in entry.get(name) or [] if isinstance(code, str)]
                                for name in NATIVE_TERMS}}
    moment = parse_datetime(str(entry.get("updated_at", "")))
    kept = {name: value for name, value in entry.items() if name != "updated_at"}
    return dataclasses.replace(mapped, fields=fields, terms=terms, record=cbd_import.without_personal_data(kept),
                               kpis=kpis, bch_records=citations,
                               seen_on=min(moment.date(), timezone.localdate()) if moment else None)


def _number(value, path: str, reasons: list[str]) -> Decimal | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        reasons.append(f"{path}: expected a number")
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite():
        reasons.append(f"{path}: “{value}” is not a number")
        return None
    return number


def _day(value, path: str, reasons: list[str], latest: bool = False) -> datetime.date | None:
    """A date; with `latest`, of a reading: never after today (a partner's clock, or its typing, may be ahead)."""
    if value is None or value == "":
        return None
    try:
        day = datetime.date.fromisoformat(str(value))
    except ValueError:
        reasons.append(f"{path}: “{value}” is not a date (YYYY-MM-DD)")
        return None
    return min(day, timezone.localdate()) if latest else day


def _native_kpis(value, reasons: list[str]) -> list[dict] | None:
    """The list API's `kpis` as commitments.set_partner_kpis takes them (None when the record has none to
    give: an older platform)."""
    if value is None:
        return None
    if not isinstance(value, list):
        reasons.append("kpis: expected a list")
        return None
    kpis = []
    for position, item in enumerate(value):
        path = f"kpis[{position}]"
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            reasons.append(f"{path}: expected a KPI with a name")
            continue
        measures = {}
        for end in ("baseline", "target"):
            measure = item.get(end) if isinstance(item.get(end), dict) else {}
            measures[f"{end}_value"] = _number(measure.get("value"), f"{path}.{end}.value", reasons)
            measures[f"{end}_date"] = _day(measure.get("date"), f"{path}.{end}.date", reasons)
        kpis.append({"name": item["name"], "unit": item.get("unit") if isinstance(item.get("unit"), str) else "",
                     **measures, "current": _number(item.get("current"), f"{path}.current", reasons),
                     "current_date": _day(item.get("current_date"), f"{path}.current_date", reasons, latest=True)})
    return kpis


def _native_citations(value, reasons: list[str]) -> list[dict] | None:
    """The list API's `bch_records` as rows (None when the record has none to give: an older platform)."""
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        reasons.append("bch_records: expected a list of records")
        return None
    return [{name: item.get(name) if isinstance(item.get(name), str) else ""
             for name in ("record_type", "identifier", "url")} for item in value]


def _harvest_feed(source: PartnerSource, log: HarvestLog, fetch: Fetch) -> None:
    try:
        mapped, unmapped = cbd_import.parse(fetch(source.url))
    except ValueError as error:
        raise HarvestError(f"{source.url}: not a JSON array of actions ({error})") from error
    for record in unmapped:
        _refused(log, record.external_id, record.reasons)
    with progress.refreshed_together():
        for record in mapped:
            _save(source, log, record)
    _withdraw_missing(source, log, {record.external_id for record in [*mapped, *unmapped]})


# The open data columns a CSV source must have (the others are optional; see opendata.COMMITMENT_COLUMNS).
CSV_REQUIRED = ("id", "title", "language", "actor_name", "actor_type", "actor_country", "countries")


def _harvest_csv(source: PartnerSource, log: HarvestLog, fetch: Fetch) -> None:
    """A CSV in the open data columns (commitments.csv), read whole: each row as the list API's record."""
    rows = csv.DictReader(io.StringIO(fetch(source.url).removeprefix("\ufeff")))
    missing = [name for name in CSV_REQUIRED if name not in (rows.fieldnames or [])]
    if missing:
        raise HarvestError(f"{source.url}: not a CSV in the open data columns (missing {', '.join(missing)})")
    seen = set()
    with progress.refreshed_together():
        for number, row in enumerate(rows, start=2):  # the header is line 1
            external_id = (row.get("id") or "").strip()
            if not external_id:
                _refused(log, "", [f"line {number}: no id"])
                continue
            seen.add(external_id)
            _save(source, log, cbd_import.map_record(number, cbd_format.record(_csv_entry(row))))
    _withdraw_missing(source, log, seen)


def _withdraw_missing(source: PartnerSource, log: HarvestLog, seen: set[str]) -> None:
    """A file read whole has no tombstones: a commitment of `source` whose record the file no longer holds is
    withdrawn here (it comes back if a later file shows it again). A file with no record at all withdraws
    nothing: more likely a partner's failed export than the end of every commitment, so the log says so."""
    seen.discard("")
    if not seen:
        log.message = "The file holds no record: nothing was withdrawn."
        return
    live = (Commitment.Status.SUBMITTED, Commitment.Status.RETURNED, Commitment.Status.PUBLISHED)
    for kept in (PartnerRecord.objects.filter(source=source, commitment__status__in=live)
                 .select_related("commitment").order_by("pk").iterator()):
        if kept.external_id not in seen and commitments.follow_partner_status(
                kept.commitment, published=False, trusted=source.trusted, reason=_withdrawn_at(source)):
            log.counts[WITHDRAWN] += 1


def _csv_entry(row: dict) -> dict:
    """A row of commitments.csv as the list API's record (what cbd_format.record reads)."""
    def text(name):
        return (row.get(name) or "").strip()

    def codes(name):
        return [code.strip() for code in text(name).split(";") if code.strip()]

    return {"id": text("id"), "url": text("url"), "title": text("title"), "description": text("description"),
            "language": text("language"), "start_date": text("start_date") or None,
            "end_date": text("end_date") or None, "website": text("website"), "partners": text("partners"),
            "actor": {"name": text("actor_name"), "type": text("actor_type"),
                      "organization_type": text("actor_organization_type"), "country": text("actor_country")},
            "countries": codes("countries"), "action_areas": codes("action_areas"),
            "gbf_targets": codes("gbf_targets")}


def _save(source: PartnerSource, log: HarvestLog, mapped) -> None:
    if isinstance(mapped, cbd_import.Unmapped):
        _refused(log, mapped.external_id, mapped.reasons)
        return
    try:
        outcome = cbd_import.save(mapped, source, publish=source.trusted)
    except cbd_import.Refused as refusal:
        _refused(log, mapped.external_id, refusal.reasons)
        return
    log.counts[outcome] += 1
    if outcome == cbd_import.CREATED:
        return
    kept = PartnerRecord.objects.select_related("commitment").get(source=source, external_id=mapped.external_id)
    commitment = kept.commitment
    if commitment.status == commitment.Status.WITHDRAWN and _last_decision(commitment) == _withdrawn_at(source):
        # Shown again at the source after a harvest withdrew it: back here too. One the secretariat withdrew
        # here stays withdrawn, whatever the source shows.
        commitments.follow_partner_status(commitment, published=True, trusted=source.trusted,
                                          reason=f"Published again at {source.name}.")


def _withdrawn_at(source: PartnerSource) -> str:
    return f"Withdrawn at {source.name}."


def _last_decision(commitment) -> str | None:
    last = commitment.decisions.order_by("-pk").first()
    return last.comment if last is not None else None


def _refused(log: HarvestLog, external_id: str, reasons: list[str]) -> None:
    log.counts["refused"] += 1
    if len(log.errors) < MAX_ERRORS:
        log.errors.append({"id": external_id, "reasons": [str(reason) for reason in reasons]})
