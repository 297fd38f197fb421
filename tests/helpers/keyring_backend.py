"""A keyring of the tests' own: secrets in a JSON file in a temporary folder.

Selected through the store's explicit choice (TOODDOC_KEYRING_BACKEND=
tests.helpers.keyring_backend.FolderKeyring). Its folder comes from the constructor or from
TOODDOC_TEST_KEYRING_DIR; without either it declares itself unusable, so keyring's automatic
discovery (which sees every subclass) never picks it outside these tests.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.compat import properties
from keyring.errors import PasswordDeleteError

FOLDER_VAR = "TOODDOC_TEST_KEYRING_DIR"
DOTTED_PATH = "tests.helpers.keyring_backend.FolderKeyring"


class FolderKeyring(KeyringBackend):
    def __init__(self, folder: Path | None = None) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        if folder is None:
            configured = os.environ.get(FOLDER_VAR)
            if not configured:
                raise RuntimeError(f"{FOLDER_VAR} is not set")
            folder = Path(configured)
        self.folder = folder

    @properties.classproperty
    def priority(cls) -> float:
        if not os.environ.get(FOLDER_VAR):
            raise RuntimeError(f"only for tests that set {FOLDER_VAR}")
        return 0.1

    @property
    def file(self) -> Path:
        return self.folder / "keyring.json"

    def entries(self) -> dict[str, str]:
        if not self.file.exists():
            return {}
        data: dict[str, str] = json.loads(self.file.read_text("utf-8"))
        return data

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        entries = self.entries()
        entries[f"{service}\n{username}"] = password
        self.folder.mkdir(parents=True, exist_ok=True)
        self.file.write_text(json.dumps(entries), "utf-8")

    def delete_password(self, service: str, username: str) -> None:
        entries = self.entries()
        if entries.pop(f"{service}\n{username}", None) is None:
            raise PasswordDeleteError("no such entry")
        self.file.write_text(json.dumps(entries), "utf-8")

    def clear(self) -> None:
        """Forgets every entry, as a reinstalled OS or a new user profile would."""
        self.file.unlink(missing_ok=True)
