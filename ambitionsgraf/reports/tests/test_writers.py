"""CSV for Swedish Excel and XLSX with real numbers, both from the same rows: no database."""

import csv
import datetime as dt
import io

import pytest
from django.utils import translation
from openpyxl import load_workbook

from ambitionsgraf.lib.templatetags.ambitionsgraf import level
from ambitionsgraf.reports.exports import COUNT, DATE, FLAG, GAP, LEVEL, TEXT, Column, Export
from ambitionsgraf.reports.writers import csv_bytes, decimal_comma, xlsx_bytes


class Sample(Export):
    slug = "prov"

    def title(self):
        return "Prov: [ett] test"

    def columns(self):
        return [
            Column("Område", TEXT, 30),
            Column("Nivå", LEVEL, 10),
            Column("Gap", GAP, 8),
            Column("Antal", COUNT, 8),
            Column("Oense", FLAG, 8),
            Column("Klart", DATE, 12),
        ]

    def rows(self):
        yield ["Mål och åtaganden", 7 / 3, 1.25, 4, True, dt.date(2026, 11, 27)]
        yield ["=SUMMA(A1:A9)", None, -0.04, 0, False, None]
        yield ["-minska kostnaderna", 3.0, -1.5, 2, False, None]


@pytest.fixture(autouse=True)
def _swedish():
    with translation.override("sv"):
        yield


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


@pytest.mark.parametrize("value", [2.25, 2.35, 7 / 3, 2.95, 4.449999, 1.0, 5, 0.05, 3.65])
def test_a_level_in_csv_is_the_pages_figure_with_a_decimal_comma(value):
    assert decimal_comma(value) == level(value)


def test_a_tiny_negative_gap_is_written_as_zero_not_minus_zero():
    assert decimal_comma(-0.04) == "0,0"
    assert decimal_comma(-1.46) == "-1,5"


def test_csv_has_a_byte_order_mark_semicolons_decimal_commas_and_iso_dates():
    data = csv_bytes(Sample(organisation=None))

    assert b";" in data.splitlines()[0]
    assert read_csv(data) == [
        ["Område", "Nivå", "Gap", "Antal", "Oense", "Klart"],
        ["Mål och åtaganden", "2,3", "1,3", "4", "Ja", "2026-11-27"],
        ["'=SUMMA(A1:A9)", "", "0,0", "0", "Nej", ""],
        ["'-minska kostnaderna", "3,0", "-1,5", "2", "Nej", ""],
    ]


def test_csv_lines_end_with_crlf_as_excel_writes_them():
    assert csv_bytes(Sample(organisation=None)).count(b"\r\n") == 4


def test_xlsx_has_real_numbers_a_bold_frozen_header_and_column_widths():
    book = load_workbook(io.BytesIO(xlsx_bytes(Sample(organisation=None))))
    sheet = book.active

    assert sheet.title == "Prov   ett  test"
    assert [c.value for c in sheet[1]] == ["Område", "Nivå", "Gap", "Antal", "Oense", "Klart"]
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["A"].width == 30
    assert sheet.column_dimensions["F"].width == 12
    name, value, gap, count, flag, date = (c.value for c in sheet[2])
    assert value == pytest.approx(7 / 3)  # unrounded, shown with one decimal
    assert sheet["B2"].number_format == "0.0"
    assert gap == 1.25 and sheet["C2"].number_format == "+0.0;-0.0;0.0"
    assert count == 4 and flag is True
    assert date == dt.datetime(2026, 11, 27)
    assert sheet["F2"].number_format == "yyyy-mm-dd"


def test_xlsx_keeps_text_that_looks_like_a_formula_as_text():
    sheet = load_workbook(io.BytesIO(xlsx_bytes(Sample(organisation=None)))).active

    assert sheet["A3"].value == "=SUMMA(A1:A9)"
    assert sheet["A3"].data_type == "s"
