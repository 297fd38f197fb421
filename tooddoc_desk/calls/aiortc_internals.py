"""Every use of aiortc's private parts, in one place, pinned to the aiortc it was checked against.

aiortc has no public way to replace a receiver's jitter buffer, choose a sender's encoder, see
the RTCP a sender gets or bound how long ICE gathering waits. The call engine does all four
(jitter_buffer.py, encoders.py, peer_media.py) through the functions below, and only through
them. They were written against aiortc 1.16.0 and aioice 0.13.0:

- `RTCRtpReceiver.__init__` makes `self.__jitter_buffer`; `_handle_rtp_packet` sets
  `packet._data` (the depayloaded bytes), calls the buffer's `add(packet)`, which returns
  `(pli_flag, frame_or_None)`, sends a PLI when the flag is set, maps the frame's timestamp with
  `self.__timestamp_mapper` and puts `(codec, frame)` in `self.__decoder_queue` (the codec from
  `self.__codecs` by payload type) while `self.__decoder_thread` runs;
- `RTCRtpReceiver.__remote_bitrate_estimator` (video only; None for audio) is the
  `RemoteBitrateEstimator` whose `add(...)` result the receiver sends back as REMB, read at
  each packet (uplink_estimate.py subclasses it; its `rate_control.set_estimate(bps, now_ms)`
  starts the estimate at `bps`, in `aiortc.clock.current_ms()` time);
- `RTCRtpReceiver.__remote_streams` maps each SSRC received to its `StreamStatistics`
  (`packets_received`, `packets_expected`, `jitter`), and `__rtx_ssrc` maps RTX SSRCs to theirs;
- `RTCRtpSender._next_encoded_frame` makes its encoder only if `self.__encoder` is None, so one
  set before the first frame is the one used;
- `RTCRtpSender._handle_rtcp_packet` is looked up on the instance for each RTCP packet routed to
  the sender (RR/SR reports about its SSRC, NACK, PLI/FIR, REMB);
- `RTCRtpTransceiver._codecs` holds the negotiated codecs, best first, once the remote
  description is set;
- `RTCIceGatherer._connection` is the aioice `Connection`, whose `gather_candidates` calls
  `self.get_component_candidates(component=..., addresses=...)`, which takes a `timeout`;
- the Connection's `_protocols` are its sockets' `StunProtocol`s; its consent checks
  (`query_consent`, RFC 7675) are the only STUN requests made with `retransmissions=0`, and each
  gives up after `stun.RETRY_RTO` (0.5 s): with a round trip over half a second every check
  fails, and the call is cut after 6 of them (30 s). `lenient_consent` lets each check wait for
  its answer (3.5 s, two retransmissions), as RFC 7675 means it to.

`check()` says whether the installed aiortc is one of those; `usable()` runs it once, logs an
error if not, and the call engine then runs on plain aiortc (no keyframe recovery, no adaptation)
instead of failing calls. tests/unit/calls/test_aiortc_internals.py fingerprints the source of
each function above: an aiortc upgrade fails that test loudly until someone has re-read them.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import aioice
import aiortc
from aioice.ice import Connection
from aiortc import RTCRtpReceiver, RTCRtpSender, RTCRtpTransceiver
from aiortc.codecs.base import Encoder
from aiortc.jitterbuffer import JitterFrame
from aiortc.rate import AimdRateControl
from aiortc.rtcicetransport import RTCIceGatherer

log = logging.getLogger(__name__)

TESTED_AIORTC = frozenset({"1.16.0"})
TESTED_AIOICE = frozenset({"0.13.0"})

RtcpHandler = Callable[[Any], Awaitable[None]]


class AiortcInternalsChanged(RuntimeError):
    """The installed aiortc is not the one the call engine's hooks were written against."""


def check() -> None:
    """Raises AiortcInternalsChanged unless aiortc and aioice are versions checked here and still
    have every private attribute the hooks use."""
    versions = (aiortc.__version__, aioice.__version__)
    if aiortc.__version__ not in TESTED_AIORTC or aioice.__version__ not in TESTED_AIOICE:
        raise AiortcInternalsChanged(
            f"aiortc {versions[0]} / aioice {versions[1]}: the call engine's hooks were checked "
            f"against aiortc {', '.join(sorted(TESTED_AIORTC))} and aioice "
            f"{', '.join(sorted(TESTED_AIOICE))}"
        )
    needed: list[tuple[object, str]] = [
        (RTCRtpReceiver, "_handle_rtp_packet"),
        (RTCRtpReceiver, "_send_rtcp_pli"),
        (RTCRtpSender, "_handle_rtcp_packet"),
        (RTCRtpSender, "_next_encoded_frame"),
        (AimdRateControl, "set_estimate"),
        (Connection, "get_component_candidates"),
        (Connection, "gather_candidates"),
    ]
    missing = [f"{owner.__name__}.{name}" for owner, name in needed if not hasattr(owner, name)]  # type: ignore[attr-defined]
    if missing:
        raise AiortcInternalsChanged(f"aiortc no longer has {', '.join(missing)}")


@functools.cache
def usable() -> bool:
    """Whether the hooks may be used with the installed aiortc (checked once, logged)."""
    try:
        check()
    except AiortcInternalsChanged as error:
        log.error("call quality features are off: %s", error)
        return False
    return True


def _require(instance: object, attribute: str) -> None:
    if not hasattr(instance, attribute):
        raise AiortcInternalsChanged(f"{type(instance).__name__} has no {attribute}")


def _get(instance: object, attribute: str) -> Any:
    _require(instance, attribute)
    return getattr(instance, attribute)


def _set(instance: object, attribute: str, value: object) -> None:
    _require(instance, attribute)
    setattr(instance, attribute, value)


# name-mangled attributes (`self.__x` in class C is `_C__x`)
_JITTER_BUFFER = "_RTCRtpReceiver__jitter_buffer"
_CODECS = "_RTCRtpReceiver__codecs"
_DECODER_THREAD = "_RTCRtpReceiver__decoder_thread"
_DECODER_QUEUE = "_RTCRtpReceiver__decoder_queue"
_TIMESTAMP_MAPPER = "_RTCRtpReceiver__timestamp_mapper"
_REMOTE_STREAMS = "_RTCRtpReceiver__remote_streams"
_ESTIMATOR = "_RTCRtpReceiver__remote_bitrate_estimator"
_RTX_SSRC = "_RTCRtpReceiver__rtx_ssrc"
_ENCODER = "_RTCRtpSender__encoder"
_RTT = "_RTCRtpSender__rtt"


# -- receivers ----------------------------------------------------------------------------------


def replace_jitter_buffer(receiver: RTCRtpReceiver, buffer: object) -> None:
    """Makes `receiver` assemble its frames with `buffer` (an object with aiortc's
    `add(packet) -> (pli_flag, JitterFrame | None)`). Call before media arrives."""
    _set(receiver, _JITTER_BUFFER, buffer)


def decoder_input(receiver: RTCRtpReceiver) -> Callable[[int, JitterFrame], None]:
    """What `_handle_rtp_packet` does with a frame the buffer returns, for a buffer that has
    several at once: map its timestamp, queue it for the decoder thread with its codec."""
    codecs: dict[int, Any] = _get(receiver, _CODECS)
    queue = _get(receiver, _DECODER_QUEUE)
    mapper = _get(receiver, _TIMESTAMP_MAPPER)
    _require(receiver, _DECODER_THREAD)

    def put(payload_type: int, frame: JitterFrame) -> None:
        codec = codecs.get(payload_type)
        if codec is None or getattr(receiver, _DECODER_THREAD) is None:
            return  # not negotiated, or the receiver has stopped
        frame.timestamp = mapper.map(frame.timestamp)
        queue.put((codec, frame))

    return put


def replace_bandwidth_estimator(receiver: RTCRtpReceiver, estimator: object) -> None:
    """Makes `receiver` estimate the bandwidth that reaches it, which it sends back as REMB, with
    `estimator` (aiortc's `RemoteBitrateEstimator` or a subclass) from the next packet on. A
    video receiver only: an audio one sends no estimate and is left as it is."""
    if _get(receiver, _ESTIMATOR) is not None:
        _set(receiver, _ESTIMATOR, estimator)


def receive_counts(receiver: RTCRtpReceiver) -> tuple[int, int, float | None]:
    """(packets expected, packets received, jitter in RTP clock units) of the media SSRCs the
    receiver got (not their retransmissions): first transmissions, so losses count even when a
    retransmission repaired them."""
    streams: dict[int, Any] = _get(receiver, _REMOTE_STREAMS)
    rtx: dict[int, int] = _get(receiver, _RTX_SSRC)
    expected = received = 0
    jitter: float | None = None
    for ssrc, stream in list(streams.items()):
        if ssrc in rtx or stream.max_seq is None:
            continue
        expected += stream.packets_expected
        received += stream.packets_received
        jitter = max(jitter or 0.0, float(stream.jitter))
    return expected, received, jitter


# -- senders ------------------------------------------------------------------------------------


def install_encoder(sender: RTCRtpSender, encoder: Encoder) -> None:
    """Makes `sender` encode with `encoder`. Call before its first frame (before connecting)."""
    _set(sender, _ENCODER, encoder)


def installed_encoder(sender: RTCRtpSender) -> Encoder | None:
    encoder: Encoder | None = _get(sender, _ENCODER)
    return encoder


def tap_rtcp(sender: RTCRtpSender, tap: Callable[[Any], bool]) -> None:
    """Shows every RTCP packet routed to `sender` to `tap` first; aiortc handles the packet
    afterwards unless `tap` returns True (taken)."""
    original: RtcpHandler = sender._handle_rtcp_packet

    async def handle(packet: Any) -> None:
        if not tap(packet):
            await original(packet)

    _set(sender, "_handle_rtcp_packet", handle)


def sender_ssrc(sender: RTCRtpSender) -> int:
    ssrc: int = sender._ssrc
    return ssrc


def sender_round_trip_time(sender: RTCRtpSender) -> float | None:
    """The sender's smoothed round-trip time (seconds) from the receiver reports, if any."""
    rtt: float | None = _get(sender, _RTT)
    return rtt


# -- transceivers and ICE -----------------------------------------------------------------------


def negotiated_codec(transceiver: RTCRtpTransceiver) -> str | None:
    """The MIME subtype of the codec the transceiver sends and expects ("VP8", "opus"…)."""
    codecs = getattr(transceiver, "_codecs", None) or []
    return str(codecs[0].name) if codecs else None


CONSENT_RETRANSMISSIONS = 2  # 0.5 + 1 + 2 s: an answer within 3.5 s keeps consent


def lenient_consent(gatherer: RTCIceGatherer) -> None:
    """Lets the consent checks of `gatherer`'s sockets wait for slow answers (after gathering)."""
    connection = _get(gatherer, "_connection")
    for protocol in _get(connection, "_protocols"):
        if _LENIENT in vars(protocol):
            continue
        original = protocol.request

        async def request(
            message: Any,
            addr: tuple[str, int],
            integrity_key: bytes | None = None,
            retransmissions: int | None = None,
            original: Callable[..., Awaitable[Any]] = original,
        ) -> Any:
            if retransmissions == 0:  # a consent check
                retransmissions = CONSENT_RETRANSMISSIONS
            return await original(
                message, addr, integrity_key=integrity_key, retransmissions=retransmissions
            )

        _set(protocol, "request", request)
        setattr(protocol, _LENIENT, True)


_LENIENT = "_tooddoc_lenient_consent"


def limit_gathering(gatherer: RTCIceGatherer, seconds: float) -> None:
    """Bounds how long `gatherer` waits for STUN and TURN servers (aioice waits 5 s)."""
    connection = _get(gatherer, "_connection")
    method = connection.get_component_candidates
    if not isinstance(method, functools.partial):
        _set(connection, "get_component_candidates", functools.partial(method, timeout=seconds))
