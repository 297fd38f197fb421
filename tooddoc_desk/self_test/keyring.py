"""The self-test's keyring: secrets kept in this process's memory, gone when it exits.

The self-test's throw-away store is protected by a key slot like any store; its secret must not
reach the user's keyring (nor linger anywhere once the test is over). This backend is handed to
the store directly; its `priority` refuses keyring's automatic discovery, so nothing else ever
picks it.
"""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.compat import properties
from keyring.errors import PasswordDeleteError


class ProcessMemoryKeyring(KeyringBackend):
    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._entries: dict[tuple[str, str], str] = {}

    @properties.classproperty
    def priority(cls) -> float:
        raise RuntimeError("only for the self-test, which hands it to its store itself")

    def get_password(self, service: str, username: str) -> str | None:
        return self._entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self._entries.pop((service, username), None) is None:
            raise PasswordDeleteError("no such entry")

    def forget(self) -> None:
        self._entries.clear()
