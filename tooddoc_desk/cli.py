"""The `tooddoc-desk` command line: its options and sub-commands (run by `__main__`)."""

from __future__ import annotations

import argparse
from pathlib import Path

from tooddoc_desk import __version__
from tooddoc_desk.audit_command import add_commands as add_audit_commands
from tooddoc_desk.core.language import Language
from tooddoc_desk.export_command import add_arguments as add_export_arguments
from tooddoc_desk.invite_command import InviteArgs


def _data_dir(default: object) -> argparse.ArgumentParser:
    option = argparse.ArgumentParser(add_help=False)
    option.add_argument(
        "--data-dir",
        type=Path,
        default=default,
        help="the folder holding the store and the settings (default: the system's data folder)",
    )
    return option


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="tooddoc-desk",
        description="Video consultations from the practice's PC.",
        parents=[_data_dir(None)],
    )
    # a sub-command sets --data-dir only when given after it: given before, it stays
    common = _data_dir(argparse.SUPPRESS)
    main.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    main.add_argument(
        "--incoming",
        metavar="CONTACT",
        help="a caller's number or e-mail address to fill in (from the office phone system)",
    )
    main.add_argument(
        "--test-pattern",
        action="store_true",
        help="send a generated test picture and tone instead of the camera and microphone",
    )
    main.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation offscreen (a throw-away store, the hub, a loopback call, "
        "an invite to the dev outbox) and exit: 0 if all passed, 1 naming what failed",
    )
    main.add_argument(
        "--hub-port",
        type=int,
        default=0,
        metavar="PORT",
        help="with --self-test: the port its hub listens on (default: a free one)",
    )
    commands = main.add_subparsers(dest="command")
    export = commands.add_parser(
        "export",
        parents=[common],
        help="write the consultation log (CSV for Excel, or a PDF report) for billing and audits",
        epilog="Exit status: 0 written; 2 bad input; 3 store locked; 130 interrupted (nothing "
        "written).",
    )
    add_export_arguments(export)
    backup = commands.add_parser(
        "backup", parents=[common], help="make an encrypted backup of the store now"
    )
    backup.add_argument(
        "--to", type=Path, metavar="FOLDER", help="where (default: the folder chosen in Settings)"
    )
    restore = commands.add_parser(
        "restore",
        parents=[common],
        help="restore a backup into a data folder that holds no store, with the recovery key "
        "(asked, or read from stdin)",
    )
    restore.add_argument(
        "--from", dest="source", type=Path, required=True, metavar="FILE", help="the backup"
    )
    hub_key = commands.add_parser(
        "hub-key",
        parents=[common],
        help="keep the practice key of a hosted hub in the OS keyring (read from stdin or asked)",
    )
    hub_key.add_argument("--url", required=True, help="the hosted hub's address (https://…)")
    what = hub_key.add_mutually_exclusive_group()
    what.add_argument(
        "--check", action="store_true", help="ask the hub whether it accepts the stored key"
    )
    what.add_argument(
        "--use", action="store_true", help="also make the app use this hub from its next start"
    )
    secret = commands.add_parser(
        "provider-secret",
        parents=[common],
        help="keep the SMS provider's or the mail server's secret in the OS keyring (read from "
        "stdin or asked)",
    )
    channel = secret.add_mutually_exclusive_group(required=True)
    channel.add_argument("--sms", action="store_true", help="the SMS provider's token or secret")
    channel.add_argument("--email", action="store_true", help="the mail server's password")
    channel.add_argument(
        "--stripe", action="store_true", help="the Stripe restricted key, for pre-payments"
    )
    add_audit_commands(commands, common)
    invite = commands.add_parser(
        "invite",
        parents=[common],
        help="send a patient the link (through the running app, or a hosted hub)",
        epilog="Exit status: 0 sent or booked; 2 bad input; 3 store locked; 4 an app holds the "
        "data folder but does not answer; 5 not sent; 6 unknown (ask the patient before sending "
        "again); 7 no app runs, and the built-in hub needs one.",
    )
    invite.add_argument("--to", required=True, help="the patient's mobile number or e-mail")
    invite.add_argument(
        "--lang", choices=[language.value for language in Language], help="the message's language"
    )
    invite.add_argument(
        "--at", metavar="TIME", help="book it: 14:30, 26/11 9:15 or 2026-11-26 09:15 (local time)"
    )
    invite.add_argument(
        "--dry-run", action="store_true", help="show what would be sent, and send nothing"
    )
    invite.add_argument(
        "--practitioner",
        metavar="NAME",
        help="whom it is for (their name as they sign in); needed with several practitioners",
    )
    invite.add_argument(
        "--amount",
        metavar="EUR",
        help="ask a pre-payment through Stripe before the waiting room: 25.00 (euros)",
    )
    return main


def invite_args(args: argparse.Namespace) -> InviteArgs:
    return InviteArgs(args.to, args.lang, args.at, args.dry_run, args.practitioner, args.amount)
