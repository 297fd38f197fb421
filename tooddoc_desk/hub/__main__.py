"""`tooddoc-hub`: the hub as a service, for patients outside the practice (docs/deploy-hub.md).

    tooddoc-hub --config /etc/tooddoc-hub/hub.toml      serve until SIGTERM or SIGINT
    tooddoc-hub --config FILE --check-config            print the effective settings, secrets
                                                        masked, and exit
    tooddoc-hub --new-key                               print a fresh practice key

Settings come from the TOML file and TOODDOC_HUB_* variables, which win (hub/settings.py).
Exit status: 0 after a clean stop, 1 when the hub cannot start (the port is taken, the patient
page is missing), 2 for settings that cannot be used (one sentence on stderr names the setting).

The hub keeps no data (rooms live in memory and end with the process), so unlike the app's
commands it has no --data-dir: given one, it says so and exits with status 2.

Logs go to stderr (journald under systemd) without client addresses and without tokens.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from tooddoc_desk import __version__
from tooddoc_desk.core.tokens import new_token
from tooddoc_desk.hub import request_errors
from tooddoc_desk.hub.pages import PAGE, STATIC_FILES
from tooddoc_desk.hub.server import start_hub
from tooddoc_desk.hub.settings import SettingsError, StandaloneSettings, load_settings
from tooddoc_desk.hub.systemd_notify import notify

log = logging.getLogger("tooddoc_desk.hub.service")

EXIT_FAILED = 1
EXIT_USAGE = 2
NO_DATA_DIR = (
    "tooddoc-hub keeps no data (rooms live in memory), so it has no --data-dir: its settings "
    "come from --config FILE and TOODDOC_HUB_* variables."
)


def parser() -> argparse.ArgumentParser:
    command = argparse.ArgumentParser(
        prog="tooddoc-hub",
        description="The tooddoc hub as a service: patient page, waiting rooms and signaling.",
        epilog="Settings: --config FILE (TOML) and TOODDOC_HUB_* variables, which win. "
        "See docs/deploy-hub.md.",
    )
    command.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    command.add_argument("--config", type=Path, metavar="FILE", help="the settings file (TOML)")
    command.add_argument(
        "--check-config",
        action="store_true",
        help="print the effective settings (secrets masked) and exit",
    )
    command.add_argument(
        "--new-key", action="store_true", help="print a fresh practice key and exit"
    )
    command.add_argument("--data-dir", type=Path, help=argparse.SUPPRESS)
    return command


def setup_logging(level: str) -> None:
    """To stderr; under systemd (JOURNAL_STREAM) without timestamps, which journald adds."""
    handler = logging.StreamHandler(sys.stderr)
    stamp = "" if os.environ.get("JOURNAL_STREAM") else "%(asctime)s "
    handler.setFormatter(logging.Formatter(stamp + "%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    request_errors.install()


def missing_page_files(settings: StandaloneSettings) -> list[str]:
    folder = settings.hub_config().patient_dir
    return [name for name in (PAGE, *STATIC_FILES) if not (folder / name).is_file()]


async def serve(settings: StandaloneSettings) -> int:
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    received: list[str] = []

    def on_signal(number: signal.Signals) -> None:
        received.append(number.name)
        stop.set()
        for each in (signal.SIGTERM, signal.SIGINT):  # a second signal ends the process
            loop.remove_signal_handler(each)

    for number in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(number, on_signal, number)
    config = settings.hub_config()
    try:
        hub = await start_hub(config)
    except OSError as error:
        print(
            f"tooddoc-hub cannot listen on {settings.host}:{settings.port} "
            f"({error.strerror or error}).",
            file=sys.stderr,
        )
        return EXIT_FAILED
    log.info(
        "tooddoc-hub %s listening on %s port %d; patient links start with %s/c/; "
        "%d practice key(s); TURN %s",
        __version__,
        settings.host,
        settings.port,
        hub.base_url,
        len(settings.practices),
        "with short-lived credentials" if settings.turn else "not configured",
    )
    notify("READY=1")
    await stop.wait()
    log.info("stopping (%s)", received[0] if received else "asked")
    notify("STOPPING=1")
    await hub.stop()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.data_dir is not None:
        print(NO_DATA_DIR, file=sys.stderr)
        return EXIT_USAGE
    if args.new_key:
        print(new_token())
        return 0
    try:
        settings = load_settings(args.config, os.environ)
    except SettingsError as error:
        print(f"tooddoc-hub: {error}", file=sys.stderr)
        return EXIT_USAGE
    missing = missing_page_files(settings)
    if missing:
        print(
            f"tooddoc-hub: the patient page is incomplete in {settings.hub_config().patient_dir} "
            f"(missing: {', '.join(missing)}); install the hub from a clone of the repository "
            "(pip install -e).",
            file=sys.stderr,
        )
        return EXIT_FAILED
    if args.check_config:
        print(settings.describe())
        return 0
    setup_logging(settings.log_level)
    return asyncio.run(serve(settings))


if __name__ == "__main__":
    sys.exit(main())
