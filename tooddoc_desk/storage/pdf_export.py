"""The consultation log as a PDF report: A4 landscape, one line per consultation, the practice's
name and the filter on every page, page numbers, and the totals at the end (consultations,
fees, paid).

A line per row, no layout engine: 100,000 rows make about 2,300 pages. Rows are drawn as they
are read and each page is written as soon as it is full (storage/pdf_writer.py), so memory stays
the same whatever the number of rows (measured in bench/export_bench.py), as with the CSV. Text
is in Liberation Sans, embedded (storage/pdf_font.py): names and notes print as typed.
Dates are dd/mm/yyyy hh:mm in local time, amounts in euros with a decimal comma, as in the CSV.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import BinaryIO

from tooddoc_desk.core.users import format_inami
from tooddoc_desk.storage.csv_export import SENT_BY_SCRIPT, euros, local_time, quality_cells
from tooddoc_desk.storage.export_rows import ExportRow
from tooddoc_desk.storage.pdf_font import Face
from tooddoc_desk.storage.pdf_writer import PageDrawing, PdfWriter, fitted

FONT = Face.REGULAR
BOLD = Face.BOLD
ITALIC = Face.ITALIC
SIZE = 7.0
LINE = 10.5
MARGIN = 28.0
POINTS_PER_MM = 72 / 25.4
PAGE_WIDTH, PAGE_HEIGHT = 297 * POINTS_PER_MM, 210 * POINTS_PER_MM  # A4, landscape
TOP = PAGE_HEIGHT - MARGIN
BODY_TOP = TOP - 54  # below the title, the filter and the column titles
BODY_BOTTOM = MARGIN + 20  # above the page number
ROWS_PER_PAGE = int((BODY_TOP - BODY_BOTTOM) // LINE)
RIGHT_GAP = 8.0  # between a right-aligned figure and the next column
TOTAL_LINES = 4  # a rule and three lines
PAID = "paid"

# title, width in points, right-aligned
_TABLE: tuple[tuple[str, float, bool], ...] = (
    ("Created", 64, False),
    ("Requested", 64, False),
    ("Practitioner", 74, False),
    ("INAMI", 56, False),
    ("Invite (sent by)", 76, False),
    ("Started", 28, False),
    ("Ended", 28, False),
    ("Duration", 34, True),
    ("State", 42, False),
    ("End reason", 74, False),
    ("Modality", 32, False),
    ("Code", 30, False),
    ("Fee", 38, True),
    ("Payment", 58, False),
    ("Quality", 32, False),
    ("Consultation", 56, False),
)


@dataclass(frozen=True)
class ReportHeading:
    practice_name: str
    filter_text: str  # what was chosen, as the manager would say it
    made_at: str  # when the report was made, as shown


@dataclass
class Totals:
    consultations: int = 0
    fees_cents: int = 0
    paid: int = 0
    paid_cents: int = 0

    def add(self, row: ExportRow) -> None:
        self.consultations += 1
        if row.fee_cents is not None:
            self.fees_cents += row.fee_cents
        if row.payment_status == PAID:
            self.paid += 1
            self.paid_cents += row.payment_amount_cents or 0


def page_count(rows: int) -> int:
    """The pages `rows` one-line rows and the totals take."""
    if rows == 0:
        return 1
    pages = -(-rows // ROWS_PER_PAGE)
    on_last = rows - (pages - 1) * ROWS_PER_PAGE
    return pages + (ROWS_PER_PAGE - on_last < TOTAL_LINES)


def row_cells(row: ExportRow) -> list[str]:
    duration = ""
    if row.duration_seconds is not None:
        minutes, seconds = divmod(row.duration_seconds, 60)
        duration = f"{minutes}:{seconds:02d}"
    payment = row.payment_status
    if row.payment_amount_cents is not None:
        payment += f" {euros(row.payment_amount_cents)}"
    return [
        local_time(row.created_at),
        local_time(row.requested_at),
        row.practitioner,
        format_inami(row.inami) if len(row.inami) == 11 else row.inami,
        f"{row.channel} ({row.sent_by or SENT_BY_SCRIPT})",
        local_time(row.started_at)[-5:],
        local_time(row.ended_at)[-5:],
        duration,
        row.state.value,
        row.end_reason,
        "" if row.modality is None else row.modality.value,
        row.code,
        euros(row.fee_cents),
        payment,
        quality_cells(row)[0],
        row.id,
    ]


class PdfReport:
    def __init__(self, stream: BinaryIO, heading: ReportHeading, expected_rows: int | None) -> None:
        """`expected_rows` gives "page X of Y" (None: only "page X", when rows take more
        than one line each, as with notes)."""
        title = f"Consultation log - {heading.practice_name}"
        self._file = PdfWriter(stream, (PAGE_WIDTH, PAGE_HEIGHT), title)
        self._heading = heading
        self._pages = None if expected_rows is None else page_count(expected_rows)
        self._page = 0
        self._drawing = PageDrawing()
        self._y = 0.0
        self.totals = Totals()
        self._new_page()

    def _new_page(self) -> None:
        if self._page:
            self._file.add_page(self._drawing)
            self._drawing = PageDrawing()
        self._page += 1
        page = self._drawing
        title = f"Consultation log - {self._heading.practice_name}"
        page.text(MARGIN, TOP - 10, title, BOLD, 12)
        page.right_text(PAGE_WIDTH - MARGIN, TOP - 10, self._heading.made_at, FONT, 8)
        page.text(MARGIN, TOP - 24, self._heading.filter_text, FONT, 8)
        x = MARGIN
        for title, width, right in _TABLE:
            if right:
                page.right_text(x + width - RIGHT_GAP, TOP - 40, title, BOLD, SIZE)
            else:
                page.text(x, TOP - 40, title, BOLD, SIZE)
            x += width
        page.line(MARGIN, TOP - 43, PAGE_WIDTH - MARGIN, TOP - 43)
        number = f"Page {self._page}" + (f" of {self._pages}" if self._pages else "")
        page.centred_text(PAGE_WIDTH / 2, MARGIN, number, FONT, 8)
        self._y = BODY_TOP

    def _room_for(self, lines: int) -> None:
        if self._y - LINE * lines < BODY_BOTTOM:
            self._new_page()

    def add(self, row: ExportRow) -> None:
        self.totals.add(row)
        notes = _note_lines(row.notes) if row.notes else []
        self._room_for(1 + len(notes))
        page = self._drawing
        x = MARGIN
        for text, (_title, width, right) in zip(row_cells(row), _TABLE, strict=True):
            cell = fitted(text, FONT, SIZE, width - (RIGHT_GAP if right else 4))
            if right:
                page.right_text(x + width - RIGHT_GAP, self._y, cell, FONT, SIZE)
            else:
                page.text(x, self._y, cell, FONT, SIZE)
            x += width
        self._y -= LINE
        for line in notes:
            page.text(MARGIN + 12, self._y, line, ITALIC, SIZE)
            self._y -= LINE

    def finish(self) -> Totals:
        """Draws the totals and ends the file."""
        totals = self.totals
        lines = [
            f"Consultations: {totals.consultations}",
            f"Total fees: EUR {euros(totals.fees_cents)}",
            f"Paid: {totals.paid} (EUR {euros(totals.paid_cents)})",
        ]
        self._room_for(TOTAL_LINES)
        page = self._drawing
        page.line(MARGIN, self._y + LINE - 3, PAGE_WIDTH - MARGIN, self._y + LINE - 3)
        self._y -= LINE
        for line in lines:
            page.text(MARGIN, self._y, line, BOLD, 9)
            self._y -= LINE
        self._file.add_page(page)
        self._file.close()
        return totals


def write_pdf(
    pages: Iterable[list[ExportRow]],
    stream: BinaryIO,
    heading: ReportHeading,
    *,
    expected_rows: int | None,
    on_page: Callable[[int], None] | None = None,
) -> Totals:
    report = PdfReport(stream, heading, expected_rows)
    written = 0
    for page in pages:
        for row in page:
            report.add(row)
        written += len(page)
        if on_page is not None:
            on_page(written)
    return report.finish()


def _note_lines(notes: str) -> list[str]:
    lines: list[str] = []
    for paragraph in notes.splitlines() or [""]:
        lines += textwrap.wrap(paragraph, 190) or [""]
    return lines
