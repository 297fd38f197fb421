"""`tooddoc-desk hub-key`: keeps the practice key of a hosted hub in the OS keyring.

    tooddoc-desk hub-key --url https://hub.example.be           asks for the key (hidden), or
                                                                reads it from stdin
    tooddoc-desk hub-key --url https://hub.example.be --use     also makes the app use that hub
                                                                (hub.mode "hosted" in
                                                                settings.json)
    tooddoc-desk hub-key --url https://hub.example.be --check   asks the hub whether it knows
                                                                the stored key

Exit status: 0 done; 2 a bad address or key, or no key given; 3 no usable keyring; 5 the hub
refused the key or did not answer (--check).
"""

from __future__ import annotations

import asyncio
import getpass
import sys
from dataclasses import replace
from typing import TextIO

import httpx
from keyring.backend import KeyringBackend

from tooddoc_desk.config import Config, write_settings
from tooddoc_desk.hub.client import HubClient, HubRefused, HubUnavailable
from tooddoc_desk.hub_connection import missing_key_message, refused_key_message
from tooddoc_desk.hub_keys import HubKeyError, check_key_text, hub_address, read_key, save_key
from tooddoc_desk.storage.keyring_choice import choose_keyring

EXIT_USAGE = 2
EXIT_NO_KEYRING = 3
EXIT_HUB = 5
CHECK_TIMEOUT = 10.0


def run_hub_key(
    config: Config, url: str, *, check: bool, use: bool, stdin: TextIO | None = None
) -> int:
    try:
        address = hub_address(url)
    except ValueError as error:
        return _fail(f"--url: {error}.", EXIT_USAGE)
    keyring = choose_keyring(config.keyring_backend)
    if keyring is None:
        return _fail(
            "This computer has no keyring (Secret Service, Keychain or Credential Locker) to "
            "keep a practice key in; the hosted hub cannot be used from it.",
            EXIT_NO_KEYRING,
        )
    try:
        if check:
            return asyncio.run(_check(keyring, address))
        key = check_key_text(_read_key(address, stdin or sys.stdin))
        save_key(keyring, address, key)
    except HubKeyError as error:
        return _fail(error.message, EXIT_USAGE)
    print(f"The practice key for {address} is stored in this computer's keyring.")
    if use:
        hub = replace(config.settings.hub, mode="hosted", url=address)
        write_settings(config.data_dir, replace(config.settings, hub=hub))
        print(f"The app uses the hub at {address} from its next start.")
    elif config.settings.hub.mode != "hosted" or config.settings.hub.url != address:
        print("The app does not use this hub yet: run the same command with --use to switch.")
    return 0


def _read_key(address: str, stdin: TextIO) -> str:
    if stdin.isatty():
        try:
            return getpass.getpass(f"Practice key for {address}: ", stream=sys.stderr)
        except (EOFError, KeyboardInterrupt):
            return ""
    return stdin.readline()


async def _check(keyring: KeyringBackend, address: str) -> int:
    key = read_key(keyring, address)
    if key is None:
        return _fail(missing_key_message(address), EXIT_USAGE)
    async with httpx.AsyncClient() as http:
        try:
            practice = await HubClient(http, address, key, timeout=CHECK_TIMEOUT).whoami()
        except HubRefused as refused:
            if refused.code == "unauthorized":
                return _fail(refused_key_message(address), EXIT_HUB)
            if refused.code == "rate_limited":
                return _fail(
                    f"The hub at {address} turns this computer away for a while after too "
                    "many wrong keys; try again in a minute.",
                    EXIT_HUB,
                )
            return _fail(f"The hub at {address} cannot check keys ({refused.code}).", EXIT_HUB)
        except HubUnavailable as failure:
            return _fail(f"The hub at {address} does not answer: {failure}.", EXIT_HUB)
    name = f" (practice: {practice})" if practice else ""
    print(f"The hub at {address} accepts this computer's key{name}.")
    return 0


def _fail(message: str, status: int) -> int:
    print(message, file=sys.stderr)
    return status
