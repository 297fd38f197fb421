"""`tooddoc-desk export`: the manager's export from a script.

    tooddoc-desk export --from 01/11/2026 --to 30/11/2026 [--practitioner ID|NAME]
                        [--state ended ...] --format csv|pdf --out FILE

Days are local, both included (dd/mm/yyyy, d/m/yyyy, dd.mm.yyyy or yyyy-mm-dd); without
--format the file's suffix (.csv, .pdf) decides. The command line exports as the OS account
holding the store's key, never with clinical notes; `--as NAME` signs a person in instead
(their password asked, or read from the first line of stdin), and a practitioner who may
export (one who also manages the practice) may then add `--include-notes`. Exit status: 0
written; 2 bad input, a refused sign-in or a refused action (nothing written); 3 no store in
the data folder, or it stays locked; 130 interrupted (nothing written).
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import re
import sys
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TextIO

from tooddoc_desk.config import Config
from tooddoc_desk.core.clock import SystemClock
from tooddoc_desk.core.consultation import State
from tooddoc_desk.core.users import NotAllowed, User
from tooddoc_desk.services.accounts import COMMAND_LINE, Accounts, Gate, SignInRefused
from tooddoc_desk.services.audit import AuditTrail
from tooddoc_desk.services.exports import Exports
from tooddoc_desk.services.store_access import open_store
from tooddoc_desk.storage.csv_export import euros
from tooddoc_desk.storage.export_file import (
    ExportCancelled,
    ExportFormat,
    ExportRequest,
    Progress,
)
from tooddoc_desk.storage.export_rows import ExportFilter
from tooddoc_desk.storage.keyring_choice import choose_keyring
from tooddoc_desk.storage.pdf_export import Totals
from tooddoc_desk.storage.store_paths import Layout, StorePaths
from tooddoc_desk.terminal_prompts import TerminalPrompts

EXIT_USAGE = 2
EXIT_LOCKED = 3
EXIT_INTERRUPTED = 130
NOTES_REFUSED = (
    "The command line never exports clinical notes on its own: a practitioner includes them by "
    "signing in (--as NAME), or from the window."
)
_DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


class ExportArgsError(ValueError):
    """What the person typed cannot be used; the message says why."""


@dataclass(frozen=True)
class ExportArgs:
    since: datetime
    until: datetime
    practitioner: str | None
    states: frozenset[State]
    format: ExportFormat
    out: Path
    signed_in_as: str | None
    include_notes: bool


def add_arguments(export: argparse.ArgumentParser) -> None:
    export.add_argument(
        "--from",
        dest="since",
        metavar="DATE",
        required=True,
        help="the first day (dd/mm/yyyy or yyyy-mm-dd, local)",
    )
    export.add_argument(
        "--to", dest="until", metavar="DATE", required=True, help="the last day, included"
    )
    export.add_argument(
        "--practitioner", metavar="ID|NAME", help="only this practitioner's consultations"
    )
    export.add_argument(
        "--state",
        action="append",
        choices=[s.value for s in State],
        help="only consultations in this state (may be repeated)",
    )
    export.add_argument(
        "--format",
        choices=[f.value for f in ExportFormat],
        help="csv (for Excel) or pdf (a report); default: the file's suffix",
    )
    export.add_argument(
        "--as",
        dest="as_user",
        metavar="NAME",
        help="sign in as this person (password asked, or the first line of stdin)",
    )
    export.add_argument(
        "--include-notes",
        action="store_true",
        help="refused here: a practitioner includes notes from the window",
    )
    export.add_argument("--out", type=Path, required=True, help="the file to write")


def parse_day(text: str) -> date:
    """A day as people type it; ExportArgsError otherwise."""
    typed = text.strip()
    found = _DAY_FIRST.fullmatch(typed)
    parts: tuple[int, int, int] | None = None
    if found:
        parts = (int(found[3]), int(found[2]), int(found[1]))
    elif found := _ISO.fullmatch(typed):
        parts = (int(found[1]), int(found[2]), int(found[3]))
    if parts is None:
        raise ExportArgsError(f"{typed!r} is not a day: write it as 30/11/2026 or 2026-11-30.")
    try:
        return date(*parts)
    except ValueError:
        raise ExportArgsError(f"{typed!r} is not a day of the calendar.") from None


def checked_args(args: argparse.Namespace) -> ExportArgs:
    """The arguments, checked before anything is opened; ExportArgsError saying what to fix."""
    if args.include_notes and not args.as_user:
        raise ExportArgsError(NOTES_REFUSED)
    first, last = parse_day(args.since), parse_day(args.until)
    if last < first:
        raise ExportArgsError("--to is before --from.")
    out: Path = args.out
    chosen = args.format or out.suffix.lower().lstrip(".")
    if chosen not in [f.value for f in ExportFormat]:
        raise ExportArgsError("Say --format csv or --format pdf (or name the file .csv or .pdf).")
    if out.is_dir():
        raise ExportArgsError(f"{out} is a folder: name the file to write.")
    if not out.parent.resolve().is_dir():
        raise ExportArgsError(f"The folder {out.parent} does not exist.")
    return ExportArgs(
        since=_local_midnight(first),
        until=_local_midnight(last + timedelta(days=1)),
        practitioner=args.practitioner,
        states=frozenset(State(s) for s in args.state or ()),
        format=ExportFormat(chosen),
        out=out,
        signed_in_as=args.as_user,
        include_notes=args.include_notes,
    )


def find_practitioner(people: list[User], typed: str) -> User:
    wanted = " ".join(typed.split()).casefold()
    for user in people:
        if user.id == typed.strip() or user.name.casefold() == wanted:
            return user
    raise ExportArgsError(f"No practitioner is called {typed.strip()!r} (give a name or an id).")


class _NoStore(Exception):
    pass


def run_export_command(
    config: Config, args: argparse.Namespace, stdin: TextIO | None = None
) -> int:
    """Runs `tooddoc-desk export`; returns the exit status."""
    try:
        totals, out = _export(config, checked_args(args), stdin or sys.stdin)
    except ExportArgsError as error:
        print(error, file=sys.stderr)
        return EXIT_USAGE
    except (SignInRefused, NotAllowed) as error:
        print(error.message, file=sys.stderr)
        return EXIT_USAGE
    except _NoStore:
        print(f"There is no consultation store in {config.data_dir}.", file=sys.stderr)
        return EXIT_LOCKED
    except (KeyboardInterrupt, ExportCancelled):
        print("\nInterrupted: nothing was written.", file=sys.stderr)
        return EXIT_INTERRUPTED
    print(
        f"{totals.consultations} consultations written to {out} "
        f"(fees EUR {euros(totals.fees_cents)}, paid {totals.paid})"
    )
    return 0


def _export(config: Config, chosen: ExportArgs, stdin: TextIO) -> tuple[Totals, Path]:
    if StorePaths(config.data_dir).layout() is Layout.ABSENT:  # never create one here
        raise _NoStore()
    opened = open_store(config.data_dir, choose_keyring(config.keyring_backend), TerminalPrompts())
    store = opened.store
    try:
        clock = SystemClock()
        trail = AuditTrail(store.audit, clock, command="export")
        gate: Gate = COMMAND_LINE
        if chosen.signed_in_as is not None:
            accounts = Accounts(store.users, clock, audit=trail)
            secret = _secret(f"Password of {chosen.signed_in_as}: ", stdin)
            asyncio.run(accounts.sign_in(chosen.signed_in_as, secret))
            gate = accounts
        exports = Exports(
            store.database,
            store.users,
            gate=gate,
            audit=trail,
            clock=clock,
            billing=config.settings.billing,
            practice_name=config.settings.practice_name,
        )
        practitioner_id = None
        if chosen.practitioner is not None:
            practitioner_id = find_practitioner(exports.practitioners(), chosen.practitioner).id
        request = ExportRequest(
            ExportFilter(chosen.since, chosen.until, practitioner_id, chosen.states),
            chosen.format,
            include_notes=chosen.include_notes,
        )
        try:
            return exports.write(chosen.out, request, progress=_progress_line()), chosen.out
        except NotAllowed:
            raise  # a PermissionError, not a file's
        except OSError as error:
            raise ExportArgsError(f"{chosen.out} could not be written: {error.strerror}.") from None
    finally:
        store.close()


def _secret(prompt: str, stdin: TextIO) -> str:
    """Asked on the terminal; from a pipe, its first line."""
    if stdin.isatty():
        return getpass.getpass(prompt)
    return stdin.readline().rstrip("\r\n")


def _local_midnight(day: date) -> datetime:
    return datetime.combine(day, time()).astimezone()


def _progress_line() -> Progress | None:
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        print(f"\r{done} of {total} consultations", end="", file=sys.stderr, flush=True)

    return show
