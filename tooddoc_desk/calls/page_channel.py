"""The call's own line to the patient's page: a data channel the page opens (label "tooddoc") in
the call's peer connection, so it works whatever hub relays the signaling.

To the page, when it changes and when the channel opens (JSON text):
    {"type": "video", "send": true|false, "audio_only": true|false}
"send": whether the page sends its camera; "audio_only": whether it shows the audio-only message
(during a quiet try the video flows while the message stays).

From the page, about once a second:
    {"type": "report", "uplink_kbps": n|null, "fps": n|null, "freezes": n|null,
     "width": n|null, "height": n|null}
its browser's estimate of the bandwidth it can send with, and the practitioner's video as it
decodes it. Anything else, or out of range, is ignored. An older page without the channel still
makes calls: its video is then never paused, and what it decodes is unknown.
"""

from __future__ import annotations

import json
import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from aiortc import RTCDataChannel, RTCPeerConnection

log = logging.getLogger(__name__)

LABEL = "tooddoc"
REPORT_FRESH_SECONDS = 3.0
MAX_MESSAGE = 4096


@dataclass(frozen=True)
class PageReport:
    at: float  # time.monotonic() when it arrived
    uplink_kbps: float | None
    frames_per_second: float | None
    freezes: int | None
    width: int | None
    height: int | None


def _number(value: object, upper: float) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) and 0 <= number <= upper else None


def _count(value: object, upper: int) -> int | None:
    number = _number(value, upper)
    return int(number) if number is not None else None


def parse_report(text: str | bytes, at: float) -> PageReport | None:
    """A report from the page, or None for anything that is not one."""
    if isinstance(text, bytes) or len(text) > MAX_MESSAGE:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict) or data.get("type") != "report":
        return None
    return PageReport(
        at=at,
        uplink_kbps=_number(data.get("uplink_kbps"), 100_000),
        frames_per_second=_number(data.get("fps"), 240),
        freezes=_count(data.get("freezes"), 1_000_000),
        width=_count(data.get("width"), 10_000),
        height=_count(data.get("height"), 10_000),
    )


class PageChannel:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._channel: RTCDataChannel | None = None
        self._state = {"type": "video", "send": True, "audio_only": False}
        self.report: PageReport | None = None
        self.reports = 0

    def attach(self, pc: RTCPeerConnection) -> None:
        pc.on("datachannel", self._arrived)

    @property
    def open(self) -> bool:
        return self._channel is not None and self._channel.readyState == "open"

    def fresh_report(self) -> PageReport | None:
        report = self.report
        if report is None or self._clock() - report.at > REPORT_FRESH_SECONDS:
            return None
        return report

    def set_video(self, *, send: bool, audio_only: bool) -> None:
        """Tells the page whether to send its video and to show the audio-only message."""
        state = {"type": "video", "send": send, "audio_only": audio_only}
        if state != self._state:
            self._state = state
            self._send()

    def _arrived(self, channel: RTCDataChannel) -> None:
        if channel.label != LABEL:
            return
        self._channel = channel
        channel.on("message", self._message)
        channel.on("open", self._send)
        self._send()

    def _send(self) -> None:
        channel = self._channel
        if channel is not None and channel.readyState == "open":
            try:
                channel.send(json.dumps(self._state))
            except Exception as error:  # the connection is closing
                log.debug("could not tell the page: %s", error)

    def _message(self, message: str | bytes) -> None:
        report = parse_report(message, self._clock())
        if report is not None:
            self.report = report
            self.reports += 1
