"""What the app loads before its window shows: not the call engine (aiortc, av: FFmpeg) nor the
PDF report's font tools; the engine loads on a thread after the window shows."""

from __future__ import annotations

import subprocess
import sys

LATER = ("aiortc", "av", "fontTools")


def loaded_after(code: str) -> set[str]:
    """The top-level packages among LATER loaded by a fresh interpreter running `code`."""
    script = f"""
import sys
{code}
print(" ".join(sorted({{name.split(".")[0] for name in sys.modules}} & {set(LATER)!r})))
"""
    result = subprocess.run(
        [sys.executable, "-c", script], check=True, capture_output=True, text=True, timeout=120
    )
    return set(result.stdout.split())


def test_the_app_starts_without_the_call_engine_or_the_font_tools() -> None:
    assert loaded_after("import tooddoc_desk.__main__") == set()


def test_the_warm_up_loads_the_call_engine() -> None:
    loaded = loaded_after(
        "import tooddoc_desk.__main__\n"
        "from tooddoc_desk.services.engine_warm_up import warm_up_engine\n"
        "warm_up_engine().join()\n"
        "assert 'tooddoc_desk.calls.session' in sys.modules"
    )
    assert loaded == {"aiortc", "av"}
