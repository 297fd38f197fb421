"""Requests refused before routing (malformed HTTP) are answered and logged as `<unmatched>`,
not as an unhandled exception of the access log (found by test_fuzz.py)."""

from __future__ import annotations

import asyncio
import logging

import pytest

from tests.helpers.aio import async_test
from tooddoc_desk.hub import start_hub


@pytest.mark.parametrize(
    "request_bytes",
    [
        b"GARBAGE\r\n\r\n",
        b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n\x00\x01 not http\r\n\r\n",
        b"GET /c/TOKEN HTTP/1.1\r\nX-Huge: " + b"h" * 70_000 + b"\r\n\r\n",
    ],
)
@async_test
async def test_a_malformed_request_is_answered_and_logged_without_its_path(
    caplog: pytest.LogCaptureFixture, request_bytes: bytes
) -> None:
    caplog.set_level(logging.INFO)
    async with await start_hub() as hub:
        host, port = hub.base_url.removeprefix("http://").rsplit(":", 1)
        reader, writer = await asyncio.open_connection(host, int(port))
        writer.write(request_bytes)
        answer = await reader.read()  # the hub closes the connection after a 400
        writer.close()
        await writer.wait_closed()
    status_line = answer.split(b"\r\n", 1)[0]
    assert status_line.startswith(b"HTTP/1.")
    assert b" 400 " in status_line
    access = [r.getMessage() for r in caplog.records if r.name == "tooddoc_desk.hub.access"]
    assert any(" <unmatched> 400 " in line for line in access), access
    assert not [r for r in caplog.records if r.getMessage() == "Unhandled exception"]
    assert "TOKEN" not in caplog.text
