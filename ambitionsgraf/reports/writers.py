"""Write an export (see `exports.py`) as CSV or XLSX; both from the same rows.

CSV is made for Excel with Swedish settings, which is what Swedish public bodies use: semicolons
between fields, UTF-8 with a byte order mark (so å, ä and ö survive), decimal commas ("2,5") and
ISO dates (2026-11-27), whatever the language of the headers. Levels, ambitions, gaps and averages
have one decimal, rounded exactly as the results page rounds them, so the file shows the page's
figures. XLSX holds the unrounded numbers as real numbers, displayed with one decimal.

Text that a spreadsheet would take for a formula (starting with =, +, - or @) is written so that
it stays text, whoever typed it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ambitionsgraf.lib.numbers import round_level

from .exports import COUNT, DATE, FLAG, GAP, LEVEL, Export

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMBER_FORMATS = {LEVEL: "0.0", GAP: "+0.0;-0.0;0.0", COUNT: "0", DATE: "yyyy-mm-dd"}
HEADER_FILL = PatternFill("solid", fgColor="DCE6F0")


def decimal_comma(value: float) -> str:
    """One decimal with a comma, rounded like the page's `level` filter: 2.25 -> "2,3"."""
    text = f"{round_level(value):.1f}".replace(".", ",")
    return "0,0" if text == "-0,0" else text


def _plain_text(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def csv_cell(value, kind: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool) or kind == FLAG:
        return _("Yes") if value else _("No")
    if kind in (LEVEL, GAP):
        return decimal_comma(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return _plain_text(str(value))


def csv_bytes(export: Export) -> bytes:
    columns = export.columns()
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([_plain_text(c.header) for c in columns])
    for row in export.rows():
        writer.writerow([csv_cell(v, c.kind) for v, c in zip(row, columns, strict=True)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _sheet_title(text: str) -> str:
    for char in "[]:*?/\\":
        text = text.replace(char, " ")
    return text[:31]


def xlsx_bytes(export: Export) -> bytes:
    columns = export.columns()
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _sheet_title(export.title())
    workbook.properties.title = export.title()
    workbook.properties.creator = "Ambitionsgraf"
    sheet.append([c.header for c in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.data_type = "s"
    for row in export.rows():
        sheet.append(row)
        for cell, column in zip(sheet[sheet.max_row], columns, strict=True):
            if isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula, whatever the text starts with
                cell.alignment = Alignment(wrap_text=column.width >= 30, vertical="top")
            elif column.kind in NUMBER_FORMATS:
                cell.number_format = NUMBER_FORMATS[column.kind]
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def download(export: Export, extension: str) -> HttpResponse:
    """The export as a file to download: extension "csv" or "xlsx"."""
    if extension == "csv":
        content, content_type = csv_bytes(export), CSV_TYPE
    else:
        content, content_type = xlsx_bytes(export), XLSX_TYPE
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, export.filename(extension))
    return response
