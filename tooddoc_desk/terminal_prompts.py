"""Asks for a passphrase or the recovery key on the terminal (a machine without a display)."""

from __future__ import annotations

import getpass
import sys

from tooddoc_desk.storage.keyslots import MIN_PASSPHRASE_CHARS


class TerminalPrompts:
    def _ask(self, prompt: str, secret: bool = True) -> str | None:
        if not sys.stdin.isatty():
            return None
        try:
            return getpass.getpass(prompt) if secret else input(prompt)
        except (EOFError, KeyboardInterrupt):
            return None

    def new_passphrase(self) -> str | None:
        print(
            "This computer has no keyring: the consultation store is protected by a passphrase "
            "asked at each start.",
            file=sys.stderr,
        )
        while True:
            first = self._ask(f"Choose a passphrase ({MIN_PASSPHRASE_CHARS}+ characters): ")
            if first is None:
                return None
            if len(first) < MIN_PASSPHRASE_CHARS:
                print("Too short.", file=sys.stderr)
                continue
            if self._ask("Type it again: ") == first:
                return first
            print("The two passphrases differ.", file=sys.stderr)

    def passphrase(self, problem: str | None) -> str | None:
        if problem:
            print(problem, file=sys.stderr)
        return self._ask("Passphrase of the consultation store: ")

    def recovery_key(self, problem: str) -> str | None:
        print(problem, file=sys.stderr)
        return self._ask("Recovery key: ", secret=False)
