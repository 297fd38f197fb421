"""Where the files that ship beside the code are: the patient page and the PDF report's fonts,
in a checkout and in the installed bundle.

From a checkout (or an editable install) they sit in `resources/` next to the package. In the
PyInstaller bundle the same tree is unpacked under the bundle's own folder (`sys._MEIPASS`,
`_internal/` of the one-folder build), where build_installer.spec puts it.
"""

from __future__ import annotations

import sys
from pathlib import Path

CHECKOUT_RESOURCES = Path(__file__).resolve().parents[2] / "resources"


def is_bundled() -> bool:
    """Whether this process runs from the PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def resources_dir() -> Path:
    """The folder holding `patient/` (the patient's web page) and `fonts/`."""
    if is_bundled():
        return Path(getattr(sys, "_MEIPASS")) / "resources"  # noqa: B009 (only in a bundle)
    return CHECKOUT_RESOURCES


def patient_page_dir() -> Path:
    return resources_dir() / "patient"
