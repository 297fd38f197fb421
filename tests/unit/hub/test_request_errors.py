"""aiohttp's log lines about refused requests: malformed ones quietly, without the client's
address; errors of the hub itself still as errors, also without it."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from aiohttp.http_exceptions import BadStatusLine, LineTooLong

from tooddoc_desk.hub import request_errors

CLIENT = "203.0.113.7"


class Keep(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def kept() -> Iterator[Keep]:
    handler = Keep()
    loggers = [logging.getLogger(name) for name in ("aiohttp.server", "aiohttp.websocket")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG)
    request_errors.install()
    request_errors.install()  # idempotent
    yield handler
    for logger, level in zip(loggers, levels, strict=True):
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.filters = [
            f for f in logger.filters if type(f) is not request_errors.RequestErrorFilter
        ]


def raised(error: Exception) -> None:
    try:
        raise error
    except Exception:
        logging.getLogger("aiohttp.server").exception("Error handling request from %s", CLIENT)


@pytest.mark.parametrize("error", [BadStatusLine("GARBAGE"), LineTooLong("header", "8190")])
def test_a_malformed_request_is_a_debug_line_without_address(kept: Keep, error: Exception) -> None:
    raised(error)
    [record] = kept.records
    assert record.levelno == logging.DEBUG
    assert record.getMessage() == f"refused a malformed request ({type(error).__name__})"
    assert record.exc_info is None
    assert CLIENT not in record.getMessage()


def test_an_error_of_the_hub_stays_an_error_with_its_traceback(kept: Keep) -> None:
    raised(RuntimeError("a bug"))
    [record] = kept.records
    assert record.levelno == logging.ERROR
    assert record.getMessage() == "Error handling a request"
    assert record.exc_info is not None
    assert CLIENT not in record.getMessage()


def test_a_websocket_sub_protocol_warning_loses_the_address(kept: Keep) -> None:
    logging.getLogger("aiohttp.websocket").warning(
        "%s: Client protocols %r don’t overlap server-known ones %r", CLIENT, ["x"], ()
    )
    [record] = kept.records
    assert record.levelno == logging.DEBUG
    assert CLIENT not in record.getMessage()


def test_below_the_loggers_level_the_line_is_dropped(kept: Keep) -> None:
    logging.getLogger("aiohttp.server").setLevel(logging.INFO)
    raised(BadStatusLine("GARBAGE"))
    assert kept.records == []
