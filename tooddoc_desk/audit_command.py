"""`tooddoc-desk audit`, `purge` and `retention`: the audit log and the keeping of records, from
the command line.

    tooddoc-desk audit verify                       checks the whole chain: exit 0 and a
                                                    summary, or exit 1 naming the first entry
                                                    that does not hold
    tooddoc-desk audit show --manager NAME          the entries (all, or --from DATE --to DATE,
        [--from DATE] [--to DATE]                   days included, local time), for a manager
    tooddoc-desk retention --manager NAME           how long records are kept; --years N
        [--years N] [--yes]                         changes it (below the 30 years Belgian law
                                                    asks for only with a confirmation)
    tooddoc-desk purge --before DATE                deletes the consultations created before
        --manager NAME [--yes]                      DATE, with their notes, chat and timeline,
                                                    after a confirmation (or --yes)

A manager signs in with their name (--manager) and password (asked, or the first line of stdin
when it is not a terminal); the sign-in, what they read and what they change are audited. A
purge never reaches into the retention period: with the default 30 years, a date less than 30
years ago is refused, and a practice that must keep records less long lowers its retention
first, deliberately (`retention --years N --yes`, audited with the old and new values).

Exit status: 0 done; 1 the chain is broken (verify); 2 bad input, refused sign-in or
confirmation; 3 no store in the data folder, or it stays locked. `--data-dir` comes after the
sub-command (`tooddoc-desk audit verify --data-dir DIR`).
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
import sys
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import TextIO

from tooddoc_desk import exit_status
from tooddoc_desk.config import Config
from tooddoc_desk.core.clock import Clock, SystemClock
from tooddoc_desk.core.users import NotAllowed, Permission, User
from tooddoc_desk.services.accounts import Accounts, SignInRefused
from tooddoc_desk.services.audit import AUDIT_SHOWN, AuditTrail
from tooddoc_desk.services.store_access import open_store
from tooddoc_desk.storage.database import DATABASE_ERRORS
from tooddoc_desk.storage.keyring_choice import choose_keyring
from tooddoc_desk.storage.retention import LEGAL_MINIMUM_YEARS
from tooddoc_desk.storage.store import Store
from tooddoc_desk.storage.store_paths import Layout, StorePaths
from tooddoc_desk.terminal_prompts import TerminalPrompts

BROKEN = 1
COMMANDS = ("audit", "purge", "retention")


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
) -> None:
    """The audit, purge and retention sub-commands (cli.parser adds them)."""
    audit = commands.add_parser("audit", help="check or show the audit log (show: managers)")
    actions = audit.add_subparsers(dest="audit_action", required=True)
    actions.add_parser("verify", parents=[common], help="check the whole chain of entries")
    show = actions.add_parser("show", parents=[common], help="print the entries (a manager)")
    _manager_option(show)
    show.add_argument("--from", dest="start", type=_date, metavar="DATE", help="YYYY-MM-DD")
    show.add_argument("--to", dest="end", type=_date, metavar="DATE", help="YYYY-MM-DD, included")
    purge = commands.add_parser(
        "purge",
        parents=[common],
        help="delete the consultations created before a date, past the retention (a manager)",
    )
    purge.add_argument("--before", type=_date, required=True, metavar="DATE", help="YYYY-MM-DD")
    _manager_option(purge)
    purge.add_argument("--yes", action="store_true", help="do not ask for a confirmation")
    retention = commands.add_parser(
        "retention", parents=[common], help="show or change how long records are kept"
    )
    _manager_option(retention)
    retention.add_argument("--years", type=int, help="the new retention, in years")
    retention.add_argument("--yes", action="store_true", help="do not ask for a confirmation")


def _manager_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--manager", required=True, metavar="NAME", help="the manager's name, as they sign in"
    )


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-11-26") from None


def run_audit_command(
    config: Config,
    args: argparse.Namespace,
    *,
    clock: Clock | None = None,
    stdin: TextIO | None = None,
    out: TextIO | None = None,
) -> int:
    """Runs `audit`, `purge` or `retention`; returns the exit status."""
    clock = clock or SystemClock()
    stdin = stdin or sys.stdin
    out = out or sys.stdout
    if StorePaths(config.data_dir).layout() is Layout.ABSENT:  # never create one here
        print(f"There is no consultation store in {config.data_dir}.", file=sys.stderr)
        return exit_status.LOCKED
    store = open_store(
        config.data_dir, choose_keyring(config.keyring_backend), TerminalPrompts()
    ).store
    try:
        command = "audit " + args.audit_action if args.command == "audit" else args.command
        trail = AuditTrail(store.audit, clock, command=command.replace(" ", "-"))
        if command == "audit verify":
            return _verify(store, out)
        try:
            manager = _sign_in(store, clock, trail, args.manager, stdin)
        except (SignInRefused, NotAllowed) as error:
            return _fail(str(error) if isinstance(error, SignInRefused) else NOT_A_MANAGER)
        if command == "audit show":
            return _show(store, trail, manager, args.start, args.end, out)
        if command == "retention":
            return _retention(store, clock, manager, args.years, args.yes, stdin, out)
        return _purge(store, clock, manager, args.before, args.yes, stdin, out)
    finally:
        store.close()


NOT_A_MANAGER = "Only a manager may do this: sign in with a manager's name."


def _verify(store: Store, out: TextIO) -> int:
    report = store.audit.verify()
    if not report.intact:
        print(
            f"The audit log is broken at entry {report.broken_at}: {report.problem}. The entries "
            "from there on cannot be trusted; compare with a backup.",
            file=out,
        )
        return BROKEN
    last = "" if report.last_at is None else f", the last on {_moment(report.last_at)}"
    print(f"The audit log holds: {report.entries} entries checked{last}.", file=out)
    return exit_status.OK


def _sign_in(store: Store, clock: Clock, trail: AuditTrail, name: str, stdin: TextIO) -> User:
    accounts = Accounts(store.users, clock, audit=trail)
    secret = _ask(f"Password of {name}: ", stdin, secret=True)
    asyncio.run(accounts.sign_in(name, secret))
    return accounts.require(Permission.MANAGE_USERS)


def _show(  # noqa: PLR0917 (the command's options)
    store: Store,
    trail: AuditTrail,
    manager: User,
    start: date | None,
    end: date | None,
    out: TextIO,
) -> int:
    since = None if start is None else _midnight(start)
    until = None if end is None else _midnight(end + timedelta(days=1))
    if since is not None and until is not None and since >= until:
        return _fail("--from must come before --to.")
    names = {user.id: user.name for user in store.users.list()}
    entries = store.audit.entries(since, until)
    for entry in entries:
        who = names.get(entry.actor, entry.actor)
        subject = names.get(entry.subject or "", entry.subject or "")
        details = json.dumps(dict(entry.details), ensure_ascii=False, sort_keys=True)
        print(
            f"{entry.seq:>6}  {_moment(entry.at)}  {who:<24}  {entry.kind:<20}  "
            f"{subject:<32}  {details}",
            file=out,
        )
    print(f"{len(entries)} entries.", file=out)
    trail.record(
        AUDIT_SHOWN,
        by=manager,
        details={
            "from": None if start is None else start.isoformat(),
            "to": None if end is None else end.isoformat(),
            "entries": len(entries),
        },
    )
    return exit_status.OK


def _retention(  # noqa: PLR0917 (the command's options)
    store: Store,
    clock: Clock,
    manager: User,
    years: int | None,
    yes: bool,
    stdin: TextIO,
    out: TextIO,
) -> int:
    current = store.retention.years()
    if years is None:
        print(f"Consultation records are kept {current} years.", file=out)
        return exit_status.OK
    if years < 1:
        return _fail("--years: records are kept at least one year.")
    if years < LEGAL_MINIMUM_YEARS:
        print(
            f"Belgian law asks a practice to keep patient records at least "
            f"{LEGAL_MINIMUM_YEARS} years. With a retention of {years} years, a purge may "
            f"delete records from {years} years ago.",
            file=out,
        )
        if not _confirmed(yes, stdin, f"Keep records only {years} years? Type yes: "):
            return _fail("Nothing was changed.")
    store.retention.set_years(years, clock.now(), manager.id)
    print(f"Consultation records are kept {years} years (they were kept {current}).", file=out)
    return exit_status.OK


def _purge(  # noqa: PLR0917 (the command's options)
    store: Store,
    clock: Clock,
    manager: User,
    before: date,
    yes: bool,
    stdin: TextIO,
    out: TextIO,
) -> int:
    years = store.retention.years()
    today = clock.now().astimezone().date()
    latest = years_before(today, years)
    if before > latest:
        return _fail(
            f"Records are kept {years} years: --before must be {latest.isoformat()} or earlier. "
            "A practice that must keep them less long lowers its retention first "
            "(tooddoc-desk retention --years N)."
        )
    cutoff = _midnight(before)
    count = store.retention.count_before(cutoff)
    if count == 0:
        print(
            f"No consultation was created before {before.isoformat()}: nothing to delete.",
            file=out,
        )
        return exit_status.OK
    question = (
        f"Delete the {count} consultation(s) created before {before.isoformat()}, with their "
        "notes, chat and timeline? This cannot be undone. Type yes: "
    )
    if not _confirmed(yes, stdin, question):
        return _fail("Nothing was deleted.")
    try:
        purged = store.retention.purge_before(cutoff, clock.now(), manager.id)
    except DATABASE_ERRORS as error:  # rolled back: nothing was deleted
        return _fail(f"Nothing was deleted: the store refused the purge ({error}).")
    print(
        f"{purged.consultations} consultation(s) deleted. Backups made before now still hold "
        "them until they are removed.",
        file=out,
    )
    return exit_status.OK


def years_before(day: date, years: int) -> date:
    """The same day `years` earlier (28 February for a 29 February without its year)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def _confirmed(yes: bool, stdin: TextIO, question: str) -> bool:
    return yes or _ask(question, stdin).strip().lower() in {"yes", "y"}


def _ask(prompt: str, stdin: TextIO, *, secret: bool = False) -> str:
    if stdin.isatty():
        ask: Callable[[str], str] = (
            (lambda text: getpass.getpass(text, stream=sys.stderr)) if secret else input
        )
        try:
            return ask(prompt)
        except (EOFError, KeyboardInterrupt):
            return ""
    return stdin.readline().rstrip("\r\n")


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time()).astimezone()


def _moment(at: datetime) -> str:
    return at.astimezone().strftime("%Y-%m-%d %H:%M:%S %z")


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return exit_status.USAGE
