"""Which Accept-Encoding headers let the hub send the patient's files gzipped."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tooddoc_desk.hub.pages import accepts_gzip


@pytest.mark.parametrize(
    ("header", "gzip"),
    [
        ("gzip, deflate, br, zstd", True),  # Chromium
        ("gzip;q=1.0, identity; q=0.5, *;q=0", True),
        ("GZIP", True),
        ("x-gzip", True),
        ("*", True),
        ("br;q=1, *;q=0.1", True),
        ("", False),
        ("identity", False),
        ("br, deflate", False),
        ("gzip;q=0", False),
        ("gzip;q=0.000, *", False),
        ("*;q=0", False),
        ("gzip;q=nonsense", False),
        (",,;;=", False),
    ],
)
def test_gzip_is_sent_only_when_accepted(header: str, gzip: bool) -> None:
    assert accepts_gzip(header) is gzip


@given(st.text(max_size=200))
def test_any_header_gets_an_answer(header: str) -> None:
    assert isinstance(accepts_gzip(header), bool)
