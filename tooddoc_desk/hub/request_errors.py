"""What aiohttp logs about refused requests, without client addresses and without alarm.

aiohttp logs every malformed request (a broken request line, oversized headers, bytes that are
not HTTP) as `ERROR Error handling request from <client address>` with a traceback, and a
websocket handshake asking for a sub-protocol as a WARNING naming the client. On a hub open to
the internet that is noise anyone can write into the log, and a client address each time.

`install()` puts a filter on those loggers: a request refused for being malformed becomes a
DEBUG line naming the refusal only; an error inside the hub itself stays an ERROR with its
traceback, but without the address. Call it where logging is set up (the hub's and the app's
commands); it is idempotent.
"""

from __future__ import annotations

import logging

from aiohttp.http_exceptions import HttpProcessingError

_LOGGERS = ("aiohttp.server", "aiohttp.websocket")
_REQUEST_ERROR = "Error handling request from %s"
_PROTOCOLS = "Client protocols"


class RequestErrorFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.msg == _REQUEST_ERROR:
            failure = record.exc_info[1] if record.exc_info else None
            if isinstance(failure, HttpProcessingError):
                _rewrite(record, logging.DEBUG, "refused a malformed request (%s)")
                record.args = (type(failure).__name__,)
                record.exc_info = None
                record.exc_text = None
            else:
                _rewrite(record, record.levelno, "Error handling a request")
        elif isinstance(record.msg, str) and _PROTOCOLS in record.msg:
            _rewrite(record, logging.DEBUG, "a websocket client asked for a sub-protocol")
        return record.levelno >= logging.getLogger(record.name).getEffectiveLevel()


def _rewrite(record: logging.LogRecord, level: int, message: str) -> None:
    record.levelno = level
    record.levelname = logging.getLevelName(level)
    record.msg = message
    record.args = ()


def install() -> None:
    for name in _LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, RequestErrorFilter) for f in logger.filters):
            logger.addFilter(RequestErrorFilter())
