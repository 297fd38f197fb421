"""An export written to a file whole or not at all.

The rows are read in pages inside one read transaction (a consistent log, and writers are not
held up: the export reads through a connection of its own) and written as they come to a
temporary file beside the target; only a finished file is renamed over it. A cancel (checked
after each page), a full disk or any other failure removes the temporary file and leaves
whatever was at the target untouched.
"""

from __future__ import annotations

import contextlib
import io
import os
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from tooddoc_desk.core.nomenclature import BillingTable
from tooddoc_desk.storage.atomic_file import replace_durably
from tooddoc_desk.storage.csv_export import write_csv
from tooddoc_desk.storage.database import Database
from tooddoc_desk.storage.export_rows import ExportFilter, ExportRow, count, rows
from tooddoc_desk.storage.pdf_export import ReportHeading, Totals, write_pdf

Progress = Callable[[int, int], None]  # rows written, rows in all


class ExportFormat(StrEnum):
    CSV = "csv"
    PDF = "pdf"


class ExportCancelled(Exception):
    """The person stopped the export; nothing was written."""


@dataclass(frozen=True)
class ExportRequest:
    chosen: ExportFilter
    format: ExportFormat
    include_notes: bool = False


def export_to_file(
    database: Database,
    path: Path,
    request: ExportRequest,
    billing: BillingTable,
    heading: ReportHeading,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Totals:
    """Writes the export to `path`; returns its totals. Raises ExportCancelled when
    `cancelled()` turns true, OSError when the file cannot be written."""
    folder = path.parent
    temporary = folder / f".{path.name}.{secrets.token_hex(4)}.partial"
    totals = Totals()
    try:
        with database.reader() as connection:
            connection.execute("BEGIN")  # the count and every page from the same moment
            total = count(connection, request.chosen)
            if progress is not None:
                progress(0, total)

            def after_page(done: int) -> None:
                if cancelled is not None and cancelled():
                    raise ExportCancelled()
                if progress is not None:
                    progress(done, total)

            pages = rows(connection, request.chosen, billing, include_notes=request.include_notes)
            # owner-only from the first byte: the log names practitioners and patients' times
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with open(descriptor, "wb") as file:
                if request.format is ExportFormat.CSV:
                    with io.TextIOWrapper(file, encoding="utf-8-sig", newline="") as stream:
                        write_csv(
                            _counted(pages, totals),
                            stream,
                            include_notes=request.include_notes,
                            on_page=after_page,
                        )
                else:
                    expected = None if request.include_notes else total
                    totals = write_pdf(
                        pages, file, heading, expected_rows=expected, on_page=after_page
                    )
            connection.execute("COMMIT")
        replace_durably(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        raise
    return totals


def _counted(pages: Iterator[list[ExportRow]], totals: Totals) -> Iterator[list[ExportRow]]:
    for page in pages:
        for row in page:
            totals.add(row)
        yield page
