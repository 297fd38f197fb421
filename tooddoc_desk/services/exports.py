"""The manager's export: who may, what it holds, and its entry in the audit log.

Exporting needs the export permission (managers; the command line has it). Clinical notes go
in only when the person asking is a practitioner and ticks the box: `include_notes` also needs
the notes permission, which the command line never has. Each finished export is recorded in
the audit log (format, rows, the filter); if that entry cannot be written, the file is removed
and the export fails, rather than records leaving unrecorded. The export runs in a worker
thread (`export`), reports its progress and stops when asked (ExportCancelled, nothing left).
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from pathlib import Path

from tooddoc_desk.core.clock import Clock
from tooddoc_desk.core.nomenclature import BillingTable
from tooddoc_desk.core.users import Permission, User
from tooddoc_desk.services.accounts import Gate
from tooddoc_desk.services.audit import EXPORT, AuditTrail
from tooddoc_desk.storage.csv_export import DATE_FORMAT
from tooddoc_desk.storage.database import Database
from tooddoc_desk.storage.export_file import (
    ExportCancelled,
    ExportFormat,
    ExportRequest,
    Progress,
    export_to_file,
)
from tooddoc_desk.storage.export_rows import ExportFilter
from tooddoc_desk.storage.pdf_export import ReportHeading, Totals
from tooddoc_desk.storage.users import UserRepository

__all__ = ["ExportCancelled", "ExportFormat", "ExportRequest", "Exports", "describe"]


class Exports:
    def __init__(
        self,
        database: Database,
        users: UserRepository,
        *,
        gate: Gate,
        audit: AuditTrail,
        clock: Clock,
        billing: BillingTable,
        practice_name: str,
    ) -> None:
        self._database = database
        self._users = users
        self._gate = gate
        self._audit = audit
        self._clock = clock
        self.billing = billing
        self.practice_name = practice_name

    def may_include_notes(self) -> bool:
        try:
            self._gate.require(Permission.NOTES)
        except PermissionError:
            return False
        return True

    def practitioners(self) -> list[User]:
        """Whom the export can be limited to (any practitioner, active or not)."""
        self._gate.require(Permission.EXPORT)
        return [user for user in self._users.list() if user.inami is not None]

    def write(
        self,
        path: Path,
        request: ExportRequest,
        *,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> Totals:
        """The export, written whole to `path` (blocking: see `export`). NotAllowed when the
        person may not; ExportCancelled; OSError when the file cannot be written."""
        user = self._gate.require(Permission.EXPORT)
        if request.include_notes:
            self._gate.require(Permission.NOTES)
        heading = ReportHeading(
            self.practice_name,
            describe(request.chosen, self._users),
            "Made " + self._clock.now().astimezone().strftime(DATE_FORMAT),
        )
        totals = export_to_file(
            self._database,
            path,
            request,
            self.billing,
            heading,
            progress=progress,
            cancelled=cancelled,
        )
        try:
            self._audit.record(EXPORT, by=user, details=_details(request, totals))
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
            raise
        return totals

    async def export(
        self,
        path: Path,
        request: ExportRequest,
        *,
        progress: Progress | None = None,
        stop: threading.Event | None = None,
    ) -> Totals:
        """`write` in a worker thread; `progress` is called there (hand it to the loop)."""
        self._gate.require(Permission.EXPORT)
        cancelled = None if stop is None else stop.is_set
        return await asyncio.to_thread(
            self.write, path, request, progress=progress, cancelled=cancelled
        )


def describe(chosen: ExportFilter, users: UserRepository) -> str:
    """The filter as the report's heading says it."""
    day = "%d/%m/%Y"
    since = "the start" if chosen.since is None else chosen.since.astimezone().strftime(day)
    until = "now"
    if chosen.until is not None:
        until = "before " + chosen.until.astimezone().strftime(day)
    parts = [f"Consultations created from {since} to {until}"]
    if chosen.practitioner_id is not None:
        names = {user.id: user.name for user in users.list()}
        parts.append("practitioner: " + names.get(chosen.practitioner_id, chosen.practitioner_id))
    if chosen.states:
        parts.append("state: " + ", ".join(sorted(state.value for state in chosen.states)))
    return "; ".join(parts)


def _details(request: ExportRequest, totals: Totals) -> dict[str, str | int | bool | None]:
    chosen = request.chosen
    return {
        "format": request.format.value,
        "rows": totals.consultations,
        "from": None if chosen.since is None else chosen.since.date().isoformat(),
        "to": None if chosen.until is None else chosen.until.date().isoformat(),
        "practitioner": chosen.practitioner_id,
        "states": ",".join(sorted(state.value for state in chosen.states)) or None,
        "notes": request.include_notes,
    }
