"""Open data: every published commitment as CSV, XLSX and JSON, with the JSON Schema of the JSON file and a data
dictionary of the columns (the page /<lang>/open-data/).

The records are the list API's (`commitments_api.items`), so the files, the API and its OpenAPI document say the
same. The worker builds a release when the published data changed since the last one (`refresh`, a periodic job;
`actionagenda build-open-data` by hand), into a folder of the release's own in the configured storage
(`opendata/<release id>/`): a download in progress never reads a file being rewritten, and the release before
stays one round for such downloads; older ones are deleted. Every text cell goes through `spreadsheets`, so a
title typed as a formula stays text in a spreadsheet.
"""

import csv
import datetime
import json
import logging
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.core.cache import cache
from django.core.files import File
from django.core.files.storage import default_storage
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from ninja.responses import NinjaJSONEncoder
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from actionagenda import links, spreadsheets
from actionagenda.commitments.models import Commitment

from .models import OpenDataRelease

logger = logging.getLogger(__name__)

BATCH = 1000  # commitments read per round (eight queries each, see commitments_api.items)
LOCK = "opendata:building"


def schema_url() -> str:
    return links.absolute(reverse("open_data_schema"))
LOCK_SECONDS = 3600


@dataclass(frozen=True)
class Download:
    name: str  # the file's name in the release folder and in its address
    content_type: str
    label: Promise


DOWNLOADS = {
    download.name: download for download in (
        Download("commitments.csv", "text/csv; charset=utf-8", _("Commitments (CSV)")),
        Download("kpis.csv", "text/csv; charset=utf-8", _("Their KPIs (CSV)")),
        Download("commitments.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                 _("Commitments and KPIs (Excel, one sheet each)")),
        Download("commitments.json", "application/json", _("Commitments with their KPIs (JSON)")),
    )
}

KINDS = {
    "integer": _("whole number"),
    "decimal": _("decimal number (a full stop before the decimals)"),
    "text": _("text"),
    "url": _("web address"),
    "date": _("date (YYYY-MM-DD)"),
    "datetime": _("date and time (ISO 8601, UTC)"),
    "code": _("code (see the vocabularies in the API)"),
    "codes": _("codes separated by semicolons"),
}


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # a key of KINDS
    description: Promise
    value: Callable[[dict], object]

    @property
    def kind_label(self) -> str:
        return str(KINDS[self.kind])


def _field(name: str) -> Callable[[dict], object]:
    return lambda record: record[name]


def _joined(name: str) -> Callable[[dict], object]:
    return lambda record: ";".join(record[name])


def _moment(name: str) -> Callable[[dict], object]:
    def value(record):
        moment = record[name]
        return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if moment else None
    return value


def _day(value) -> str | None:
    return value.isoformat() if value else None


def _number(value) -> str | None:
    """A decimal without its trailing zeros and never in exponent form (3900, 70.9)."""
    return format(value.normalize(), "f") if value is not None else None


COMMITMENT_COLUMNS = (
    Column("id", "integer", _("The commitment's number on this platform; kpis.csv refers to it."), _field("id")),
    Column("url", "url", _("Its public page."), _field("url")),
    Column("title", "text", _("Title, as the actor wrote it."), _field("title")),
    Column("description", "text", _("What the actor commits to do (Markdown without its HTML)."),
           _field("description")),
    Column("language", "code", _("The language it is written in."), _field("language")),
    Column("actor_name", "text", _("The committing actor's name (“Anonymous” when an individual chose so)."),
           lambda record: record["actor"]["name"]),
    Column("actor_type", "code", _("individual, organization, business or local_government."),
           lambda record: record["actor"]["type"]),
    Column("actor_organization_type", "code", _("An organisation's type (ngo, academic...), else empty."),
           lambda record: record["actor"]["organization_type"]),
    Column("actor_country", "code", _("The actor's country (ISO 3166-1 alpha-2)."),
           lambda record: record["actor"]["country"]),
    Column("countries", "codes", _("Countries where it acts (ISO 3166-1 alpha-2)."), _joined("countries")),
    Column("regions", "codes", _("Their UN M49 regions."), _joined("regions")),
    Column("gbf_targets", "codes", _("Targets of the Kunming-Montreal Global Biodiversity Framework (GBF-17...)."),
           _joined("gbf_targets")),
    Column("ip_elements", "codes", _("Elements of the Implementation Plan of the Cartagena Protocol."),
           _joined("ip_elements")),
    Column("action_areas", "codes", _("Action Agenda action categories."), _joined("action_areas")),
    Column("audiences", "codes", _("Target audiences, as codes."), _joined("audiences")),
    Column("audiences_as_written", "text", _("Target audiences in the actor's own words, separated by semicolons."),
           _joined("audiences_as_written")),
    Column("start_date", "date", _("When the action starts."), lambda record: _day(record["start_date"])),
    Column("end_date", "date", _("When it ends."), lambda record: _day(record["end_date"])),
    Column("phase", "code", _("planning, development, implementation, evaluation, completed or discontinued."),
           _field("phase")),
    Column("scale", "code", _("local, subnational, national, regional or global."), _field("scale")),
    Column("partners", "text", _("Partners, as written."), _field("partners")),
    Column("resources", "text", _("Resources committed, as written."), _field("resources")),
    Column("expected_impact", "text", _("The impact expected, as written."), _field("expected_impact")),
    Column("website", "url", _("A page about the action, if any."), _field("website")),
    Column("bch_records", "codes", _("Biosafety Clearing-House records it cites: each one's identifier, or its "
                                     "address when it has none, separated by semicolons."),
           lambda record: ";".join(cited["identifier"] or cited["url"] for cited in record["bch_records"])),
    Column("kpi_count", "integer", _("How many KPIs it has (their rows are in kpis.csv)."),
           lambda record: len(record["kpis"])),
    Column("published_at", "datetime", _("When the secretariat published it."), _moment("published_at")),
    Column("updated_at", "datetime", _("Its last public change."), _moment("updated_at")),
)

KPI_COLUMNS = (
    Column("commitment_id", "integer", _("The commitment (the id column of commitments.csv)."),
           _field("commitment_id")),
    Column("kpi_id", "integer", _("The KPI's number on this platform."), _field("id")),
    Column("name", "text", _("What is measured."), _field("name")),
    Column("unit", "text", _("Its unit."), _field("unit")),
    Column("baseline_value", "decimal", _("The value at the start."),
           lambda kpi: _number(kpi["baseline"]["value"])),
    Column("baseline_date", "date", _("When the baseline was measured."), lambda kpi: _day(kpi["baseline"]["date"])),
    Column("target_value", "decimal", _("The value aimed at."), lambda kpi: _number(kpi["target"]["value"])),
    Column("target_date", "date", _("When the target is to be reached."), lambda kpi: _day(kpi["target"]["date"])),
    Column("current_value", "decimal", _("The latest public reading (self-reported), if any."),
           lambda kpi: _number(kpi["current"])),
)


def data_version() -> str:
    """What the files show changes with it: the latest change of any commitment (publishing, withdrawing and every
    public change move it) and the number published."""
    latest = Commitment.objects.aggregate(latest=Max("updated"))["latest"]
    count = Commitment.objects.published().count()
    return f"{latest.isoformat() if latest else '-'}:{count}"


def current() -> OpenDataRelease | None:
    """The latest release whose files are all stored."""
    return OpenDataRelease.objects.filter(ready=True).order_by("-pk").first()


def refresh(force: bool = False) -> OpenDataRelease | None:
    """Build a release if the data changed since the last one (or `force`); None when nothing was built (no
    change, or another worker is building one)."""
    version = data_version()
    latest = current()
    if latest is not None and latest.data_version == version and not force:
        return None
    if not cache.add(LOCK, 1, timeout=LOCK_SECONDS):
        return None
    try:
        return _build(version)
    finally:
        cache.delete(LOCK)


def _records() -> Iterator[dict]:
    from .commitments_api import CommitmentOut, items  # the API module imports this app's models

    ids = list(Commitment.objects.published().order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        for record in items(ids[start:start + BATCH]):
            yield record, CommitmentOut.model_validate(record).model_dump()


def _build(version: str) -> OpenDataRelease:
    started = timezone.now()
    with tempfile.TemporaryDirectory(prefix="opendata-") as work:
        folder = Path(work)
        count = _write_files(folder, started)
        release = OpenDataRelease.objects.create(data_version=version, count=count, built_at=started,
                                                 sizes={name: (folder / name).stat().st_size for name in DOWNLOADS})
        for name in DOWNLOADS:
            with (folder / name).open("rb") as handle:
                default_storage.save(release.path(name), File(handle))
    release.ready = True
    release.save(update_fields=["ready"])
    _prune()
    logger.info("Open data release %s: %d commitments in %.1f s", release.pk, count,
                (timezone.now() - started).total_seconds())
    return release


def _write_files(folder: Path, started: datetime.datetime) -> int:
    headers = [column.name for column in COMMITMENT_COLUMNS], [column.name for column in KPI_COLUMNS]
    workbook = Workbook(write_only=True)
    # Named as the CSV files, in every language: programs reading the file look sheets up by name.
    sheets = workbook.create_sheet("commitments"), workbook.create_sheet("kpis")
    for sheet, header in zip(sheets, headers, strict=True):
        sheet.append([_bold(sheet, name) for name in header])
    count = 0
    with (folder / "commitments.csv").open("w", encoding="utf-8", newline="") as commitments_file, \
            (folder / "kpis.csv").open("w", encoding="utf-8", newline="") as kpis_file, \
            (folder / "commitments.json").open("w", encoding="utf-8") as json_file:
        commitments_file.write("\ufeff")
        kpis_file.write("\ufeff")
        commitments_csv = csv.writer(commitments_file, quoting=csv.QUOTE_ALL)
        kpis_csv = csv.writer(kpis_file, quoting=csv.QUOTE_ALL)
        commitments_csv.writerow(headers[0])
        kpis_csv.writerow(headers[1])
        generated = json.dumps(started.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
        json_file.write(f'{{"generated_at": {generated}, "schema": {json.dumps(schema_url())}, "commitments": [')
        for record, shown in _records():
            row = [column.value(record) for column in COMMITMENT_COLUMNS]
            commitments_csv.writerow([spreadsheets.csv_cell(value) for value in row])
            spreadsheets.append_xlsx_row(sheets[0], row)
            for kpi in record["kpis"]:
                kpi_row = [column.value({**kpi, "commitment_id": record["id"]}) for column in KPI_COLUMNS]
                kpis_csv.writerow([spreadsheets.csv_cell(value) for value in kpi_row])
                spreadsheets.append_xlsx_row(sheets[1], kpi_row)
            # The API's own encoder: the file's values are written as the API writes them.
            json_file.write(("," if count else "") + "\n" + json.dumps(shown, cls=NinjaJSONEncoder,
                                                                        ensure_ascii=False))
            count += 1
        json_file.write(f'\n], "count": {count}}}\n')
    workbook.save(folder / "commitments.xlsx")
    return count


def _bold(sheet, value: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    cell.font = Font(bold=True)
    return cell


def _prune() -> None:
    """Delete the files of every release but the last two (the one before serves downloads begun on it)."""
    kept = list(OpenDataRelease.objects.filter(ready=True).order_by("-pk").values_list("pk", flat=True)[:2])
    for release in OpenDataRelease.objects.exclude(pk__in=kept).filter(pk__lt=min(kept, default=0)):
        for name in DOWNLOADS:
            if default_storage.exists(release.path(name)):
                default_storage.delete(release.path(name))
        release.delete()


def schema() -> dict:
    """The JSON Schema of commitments.json: an object whose `commitments` are the list API's records."""
    from .commitments_api import CommitmentOut

    record = CommitmentOut.model_json_schema(ref_template="#/$defs/{model}")
    definitions = record.pop("$defs", {})
    definitions["Commitment"] = record
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_url(),
        "title": "Published biosafety commitments",
        "type": "object",
        "required": ["generated_at", "schema", "commitments", "count"],
        "properties": {
            "generated_at": {"type": "string", "format": "date-time"},
            "schema": {"type": "string", "format": "uri"},
            "count": {"type": "integer", "minimum": 0},
            "commitments": {"type": "array", "items": {"$ref": "#/$defs/Commitment"}},
        },
        "$defs": definitions,
    }
