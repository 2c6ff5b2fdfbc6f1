"""A commitment's readings as CSV: the download, and the upload in the same format.

`parse` is pure: it reads every row and reports each problem with its row number (the file's line, the header
being row 1) and its column, so a person can fix the whole file at once. `import_rows` writes nothing unless
every row is right, in one transaction: a row for a KPI and a date already read is a correction, stored as a
new version that `corrects` the old one (never an overwrite); a row identical to the current version is left
alone. The download goes through actionagenda.spreadsheets, so no cell a person typed runs as a formula.
"""

import csv
import datetime
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import DecimalValidator, URLValidator
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from actionagenda import spreadsheets
from actionagenda.commitments.models import KPI, Commitment, validate_date_range
from actionagenda.validators import one_line

from . import services
from .models import VALUE, Reading

COLUMNS = ("kpi_id", "kpi", "unit", "date", "value", "note", "evidence_url")
REQUIRED = ("kpi_id", "date", "value")
MAX_ROWS = 5000
NOTE_LENGTH = Reading._meta.get_field("note").max_length


def download(commitment: Commitment) -> bytes:
    """The current version of each reading of the commitment's KPIs, oldest first, in the upload's format."""
    readings = (Reading.objects.current().filter(kpi__commitment=commitment).select_related("kpi")
                .order_by("kpi__position", "kpi_id", "date", "pk"))
    rows = ([reading.kpi_id, reading.kpi.name, reading.kpi.unit, reading.date.isoformat(), _number(reading.value),
             reading.note, reading.evidence_url] for reading in readings)
    return spreadsheets.csv_bytes(COLUMNS, rows)


def _number(value: Decimal) -> str:
    return format(value.normalize(), "f")


@dataclass(frozen=True)
class Problem:
    row: int
    column: str
    message: str


@dataclass(frozen=True)
class Row:
    row: int
    kpi: KPI
    date: datetime.date
    value: Decimal
    note: str
    evidence_url: str


@dataclass
class Parsed:
    rows: list[Row] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def decode(content: bytes) -> str:
    """The text of an uploaded file: UTF-8 (with or without a byte-order mark), else Windows-1252, which is what
    spreadsheet programs save CSV as on many machines."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")


def _cell(text: str) -> str:
    """A cell as typed: the apostrophe the download puts before a formula-like text is taken off again."""
    text = (text or "").strip()
    if text.startswith("'") and text[1:2] and text[1] in "=+-@":
        return text[1:]
    return text


def _decimal(text: str) -> Decimal:
    cleaned = text.replace("\u00a0", "").replace(" ", "")
    if "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")  # a decimal comma, as French and Spanish spreadsheets write it
    value = Decimal(cleaned)
    if not value.is_finite():
        raise InvalidOperation
    return value


def parse(text: str, kpis: dict[int, KPI]) -> Parsed:
    """Read `text` (the CSV of the download's format) for the commitment whose KPIs are `kpis` (by id)."""
    result = Parsed()
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample.splitlines()[0] if sample else "", delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    header = [_cell(name).lower() for name in next(reader, [])]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        result.problems.append(Problem(1, ", ".join(missing), _("The header row lacks these columns; download "
                                                              "the CSV to see the format.")))
        return result
    position = {name: header.index(name) for name in COLUMNS if name in header}
    seen: dict[tuple[int, datetime.date], int] = {}
    for number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if number > MAX_ROWS + 1:
            result.problems.append(Problem(number, "", ngettext("A file holds at most %(n)d row.",
                                                                "A file holds at most %(n)d rows.", MAX_ROWS)
                                           % {"n": MAX_ROWS}))
            break
        values = {name: _cell(cells[index]) if index < len(cells) else "" for name, index in position.items()}
        row = _read_row(number, values, kpis, result.problems)
        if row is None:
            continue
        key = (row.kpi.pk, row.date)
        if key in seen:
            result.problems.append(Problem(number, "date", _("Row %(other)d already gives this KPI a reading on "
                                                             "this date.") % {"other": seen[key]}))
            continue
        seen[key] = number
        result.rows.append(row)
    return result


def _read_row(number: int, values: dict, kpis: dict[int, KPI], problems: list) -> Row | None:
    found = []

    def problem(column, message):
        found.append(Problem(number, column, str(message)))

    kpi = None
    kpi_id = values.get("kpi_id", "")
    if not kpi_id:
        problem("kpi_id", _("Give the KPI's id (the first column of the download)."))
    elif not kpi_id.isdigit() or int(kpi_id) not in kpis:
        problem("kpi_id", _("%(value)s is not the id of one of this commitment's KPIs.") % {"value": kpi_id})
    else:
        kpi = kpis[int(kpi_id)]
    date = None
    try:
        date = datetime.date.fromisoformat(values.get("date", ""))
        validate_date_range(date)
    except ValueError:
        problem("date", _("Write the date as YYYY-MM-DD (2025-06-30)."))
        date = None
    except ValidationError as error:
        problem("date", " ".join(error.messages))
        date = None
    value = None
    try:
        value = _decimal(values.get("value", ""))
        DecimalValidator(VALUE["max_digits"], VALUE["decimal_places"])(value)
    except (InvalidOperation, ValueError):
        problem("value", _("Write a number (1200 or 12.5)."))
    except ValidationError as error:
        problem("value", " ".join(error.messages))
    note, url = values.get("note", ""), values.get("evidence_url", "")
    for column, text in (("note", note), ("evidence_url", url)):
        try:
            one_line(text)
        except ValidationError as error:
            problem(column, " ".join(error.messages))
    if len(note) > NOTE_LENGTH:
        problem("note", ngettext("Keep the note to %(n)d character.", "Keep the note to %(n)d characters.",
                                 NOTE_LENGTH) % {"n": NOTE_LENGTH})
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            problem("evidence_url", _("Write a full web address (https://…)."))
    problems.extend(found)
    if found:
        return None
    return Row(number, kpi, date, value, note, url)


@dataclass
class Imported:
    created: list[Row] = field(default_factory=list)
    corrected: list[tuple[Row, Reading]] = field(default_factory=list)  # the row, and the version it replaced
    unchanged: list[Row] = field(default_factory=list)


class ImportRefused(Exception):
    """Some rows are wrong: nothing was imported."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


def import_rows(commitment: Commitment, user, text: str) -> Imported:
    """Import `text` for `commitment` (its authors' upload), all or nothing; refreshes its figures after commit.
    Raises ImportRefused with every problem when any row is wrong."""
    with transaction.atomic():
        Commitment.objects.select_for_update().filter(pk=commitment.pk).first()
        kpis = KPI.objects.filter(commitment=commitment).in_bulk()
        parsed = parse(text, kpis)
        if parsed.problems:
            raise ImportRefused(parsed.problems)
        if not parsed.rows:
            raise ImportRefused([Problem(2, "", _("The file has no readings."))])
        current = {}
        for reading in Reading.objects.current().filter(kpi__commitment=commitment).order_by("pk"):
            current[(reading.kpi_id, reading.date)] = reading
        result = Imported()
        for row in parsed.rows:
            old = current.get((row.kpi.pk, row.date))
            if old is not None and (old.value, old.note, old.evidence_url) == (row.value, row.note,
                                                                               row.evidence_url):
                result.unchanged.append(row)
                continue
            # A correction keeps the report of the version it replaces, and so its visibility.
            Reading.objects.create(kpi=row.kpi, date=row.date, value=row.value, note=row.note,
                                   evidence_url=row.evidence_url, source=Reading.Source.CSV, corrects=old,
                                   report=old.report if old else None, created_by=user)
            if old is None:
                result.created.append(row)
            else:
                result.corrected.append((row, old))
        services.refresh_after_commit(commitment.pk)
    return result
