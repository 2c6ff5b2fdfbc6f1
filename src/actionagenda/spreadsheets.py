"""Exports that spreadsheet programs open safely: what a person typed never runs as a formula.

Every CSV and XLSX export writes its rows through here. A CSV cell starting with =, +, -, @, a tab or a carriage
return is prefixed with an apostrophe, which spreadsheets show as text (OWASP's advice against CSV injection);
an XLSX cell holding text is stored as a string, never as a formula, with the characters XML cannot carry
escaped.
"""

import csv
import io
from collections.abc import Iterable

from openpyxl.cell import WriteOnlyCell
from openpyxl.utils.escape import escape
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    """`value` as a CSV cell: numbers as they are, text neutralised, None empty."""
    if value is None:
        return ""
    if isinstance(value, int | float):
        return value
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def csv_bytes(header: Iterable, rows: Iterable[Iterable]) -> bytes:
    """UTF-8 CSV with a byte-order mark (so spreadsheets read accents right) and every cell quoted (so a
    spreadsheet splitting on semicolons cannot start a new cell, and a formula, inside one)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL)
    writer.writerow([csv_cell(value) for value in header])
    writer.writerows([csv_cell(value) for value in row] for row in rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def append_xlsx_row(sheet, values: Iterable) -> None:
    """Append `values` to an openpyxl worksheet with every text cell stored as a string, never a formula (a
    write-only worksheet, for large files, too)."""
    if isinstance(sheet, WriteOnlyWorksheet):
        sheet.append([_text_cell(sheet, value) if isinstance(value, str) else value for value in values])
        return
    sheet.append([escape(value) if isinstance(value, str) else value for value in values])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"


def _text_cell(sheet, value: str):
    cell = WriteOnlyCell(sheet, value=escape(value))
    cell.data_type = "s"
    return cell
