"""The access log never writes a link's token."""

from __future__ import annotations

import pytest

from tooddoc_desk.hub.access_log import redact_path


@pytest.mark.parametrize(
    ("path", "logged"),
    [
        ("/c/SECRET", "/c/…"),
        ("/c/SECRET?x=1", "/c/…"),
        ("/prefix/c/SECRET", "/prefix/c/…"),
        ("/c/SECRET/more", "/c/…/more"),
        ("/static/patient.js", "/static/patient.js"),
        ("/api/rooms/abc", "/api/rooms/abc"),
        ("/cc/x", "/cc/x"),
    ],
)
def test_links_are_redacted(path: str, logged: str) -> None:
    assert redact_path(path) == logged
