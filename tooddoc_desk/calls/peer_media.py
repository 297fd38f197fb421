"""The call engine's own pieces in one peer connection's media, and their counters.

`PeerMedia` belongs to one PreparedPeer. Before the answer is made it bounds ICE gathering
(`GATHER_SECONDS`) and lets ICE consent checks wait for slow answers (aioice would cut a call
whose round trip is over half a second after 30 s). Once the codecs are negotiated (`install`)
it puts, through aiortc_internals, its jitter buffers in the receivers, an UplinkEstimator in
the video receiver, an AdaptiveVp8Encoder and a SpeechOpusEncoder in the senders, and a tap on
the RTCP each sender
gets (the patient's reports: loss, jitter, keyframe requests, and REMB, which goes to the rate
control instead of straight to the encoder as aiortc would have it). `counters()` reads
everything a CallQuality is made of. With an aiortc the hooks were not checked against, none of
this is installed (plain aiortc).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from aiortc import RTCPeerConnection, RTCRtpReceiver, RTCRtpSender, clock
from aiortc.rtcicetransport import RTCIceGatherer
from aiortc.rtp import (
    RTCP_PSFB_APP,
    RTCP_PSFB_FIR,
    RTCP_PSFB_PLI,
    RtcpPsfbPacket,
    RtcpRrPacket,
    RtcpSrPacket,
    unpack_remb_fci,
)
from aiortc.stats import RTCOutboundRtpStreamStats, RTCTransportStats
from av import VideoFrame

from tooddoc_desk.calls import aiortc_internals as internals
from tooddoc_desk.calls.encoders import AdaptiveVp8Encoder, SpeechOpusEncoder, VideoSettings
from tooddoc_desk.calls.freezes import FreezeDetector
from tooddoc_desk.calls.jitter_buffer import AudioJitterBuffer, RecoveringJitterBuffer
from tooddoc_desk.calls.page_channel import PageChannel, PageReport
from tooddoc_desk.calls.rate_control import START_BPS
from tooddoc_desk.calls.uplink_estimate import UplinkEstimator

GATHER_SECONDS = 1.8  # STUN/TURN answers waited for; host candidates come at once
AUDIO_CLOCK = 48_000
VIDEO_CLOCK = 90_000


@dataclass(frozen=True)
class MediaCounters:
    """Totals so far in one peer connection (bytes, frames, packets) and the latest reports."""

    at: float
    # to the patient
    bytes_sent: int  # everything, encrypted
    video_bytes_sent: int  # video payload
    audio_bytes_sent: int
    round_trip_time: float | None
    loss_to_patient: float | None  # the patient's latest report, worse of audio and video
    jitter_to_patient: float | None  # seconds
    keyframe_requests_received: int
    page: PageReport | None
    # from the patient
    bytes_received: int
    video_bytes_received: int  # video payload
    packets_expected: int
    packets_received: int
    jitter_from_patient: float | None  # seconds
    video_frames_received: int  # decoded
    received_size: tuple[int, int] | None
    freezes_from_patient: int
    keyframe_requests_sent: int


class PeerMedia:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.enabled = internals.usable()
        self.channel = PageChannel(clock)
        self.video_encoder: AdaptiveVp8Encoder | None = None
        self.audio_encoder: SpeechOpusEncoder | None = None
        self.jitter: RecoveringJitterBuffer | None = None
        self.audio_jitter: AudioJitterBuffer | None = None
        self.freezes = FreezeDetector()
        self.received_size: tuple[int, int] | None = None
        self.rtt: float | None = None
        self.remb: tuple[int, float] | None = None  # (bit/s, when)
        self.keyframe_requests_received = 0
        self._clock = clock
        self._settings = VideoSettings(START_BPS)
        self._senders: dict[str, RTCRtpSender] = {}
        self._receivers: dict[str, RTCRtpReceiver] = {}
        self._video_losses: list[float] = []
        self._loss: dict[str, float] = {}
        self._audio_jitter: float | None = None

    def attach(self, pc: RTCPeerConnection) -> None:
        """Listens for the page's channel (before the remote description is set)."""
        self.channel.attach(pc)

    def bound_gathering(self, gatherers: Iterable[RTCIceGatherer]) -> None:
        """Before gathering: STUN and TURN servers are waited for GATHER_SECONDS at most."""
        if self.enabled:
            for gatherer in gatherers:
                internals.limit_gathering(gatherer, GATHER_SECONDS)

    def gathered(self, gatherers: Iterable[RTCIceGatherer]) -> None:
        """After gathering: consent checks wait for slow answers (a round trip over 0.5 s
        would otherwise cut the call after 30 s)."""
        if self.enabled:
            for gatherer in gatherers:
                internals.lenient_consent(gatherer)

    def install(self, pc: RTCPeerConnection) -> None:
        """Our encoders, jitter buffer and RTCP taps, once the codecs are negotiated (after the
        remote description is set and the tracks are added, before connecting)."""
        if not self.enabled:
            return
        for transceiver in pc.getTransceivers():
            kind, codec = transceiver.kind, internals.negotiated_codec(transceiver)
            sender, receiver = transceiver.sender, transceiver.receiver
            self._senders[kind], self._receivers[kind] = sender, receiver
            if kind == "video":
                if codec == "VP8":
                    self.video_encoder = AdaptiveVp8Encoder(self._settings)
                    internals.install_encoder(sender, self.video_encoder)
                if codec in ("VP8", "H264"):
                    self.jitter = RecoveringJitterBuffer(
                        codec, internals.decoder_input(receiver), rtt=lambda: self.rtt
                    )
                    internals.replace_jitter_buffer(receiver, self.jitter)
                internals.replace_bandwidth_estimator(receiver, UplinkEstimator())
                internals.tap_rtcp(sender, self._video_rtcp)
            elif kind == "audio":
                if codec == "opus":
                    self.audio_encoder = SpeechOpusEncoder()
                    internals.install_encoder(sender, self.audio_encoder)
                self.audio_jitter = AudioJitterBuffer(internals.decoder_input(receiver))
                internals.replace_jitter_buffer(receiver, self.audio_jitter)
                internals.tap_rtcp(sender, self._audio_rtcp)

    # -- what the rate control and the audio-only policy act on -------------------------------

    def apply(self, settings: VideoSettings) -> None:
        self._settings = settings
        if self.video_encoder is not None:
            self.video_encoder.settings = settings

    def restart_uplink_estimate(self, bps: int) -> None:
        """Tells the patient's browser, through the REMB our video receiver sends, that its
        uplink may carry `bps`, learning anew from there. After a pause of their video, the
        estimate would otherwise start where the weak network left it and climb a few kbps a
        second (aiortc's rate control stays "near its maximum" after a decrease)."""
        receiver = self._receivers.get("video")
        if receiver is not None:
            internals.replace_bandwidth_estimator(receiver, UplinkEstimator(start_bps=bps))

    def take_video_losses(self) -> list[float]:
        """The patient's reports of the video's loss since the last call."""
        losses, self._video_losses = self._video_losses, []
        return losses

    def video_frame(self, frame: VideoFrame) -> None:
        """A frame of the patient's video was decoded (called on the loop)."""
        self.freezes.frame(self._clock())
        self.received_size = (frame.width, frame.height)

    # -- RTCP from the patient ------------------------------------------------------------------

    def _video_rtcp(self, packet: object) -> bool:
        if isinstance(packet, RtcpPsfbPacket):
            if packet.fmt == RTCP_PSFB_APP:
                try:
                    bitrate, _ = unpack_remb_fci(packet.fci)
                except ValueError:
                    return True
                self.remb = (bitrate, self._clock())
                return True  # for the rate control, not for aiortc's encoder handling
            if packet.fmt in (RTCP_PSFB_PLI, RTCP_PSFB_FIR):
                self.keyframe_requests_received += 1
        elif isinstance(packet, RtcpRrPacket | RtcpSrPacket):
            for fraction in self._reports(packet, "video"):
                self._video_losses.append(fraction)
        return False

    def _audio_rtcp(self, packet: object) -> bool:
        if isinstance(packet, RtcpRrPacket | RtcpSrPacket):
            self._reports(packet, "audio")
        return False

    def _round_trip(self, lsr: int, dlsr: int) -> None:
        """RFC 3550 A.8: now - LSR - DLSR, in 1/65536 s (middle 32 bits of NTP time). aiortc's
        own estimate only counts a report about its latest sender report, which a round trip
        longer than the report interval (0.5-1.5 s) rarely is."""
        if not lsr:
            return
        now = (clock.current_ntp_time() >> 16) & 0xFFFFFFFF
        rtt = ((now - lsr) & 0xFFFFFFFF) - dlsr
        seconds = rtt / 65536
        if 0 < seconds < 30:
            self.rtt = seconds if self.rtt is None else 0.7 * self.rtt + 0.3 * seconds

    def _reports(self, packet: RtcpRrPacket | RtcpSrPacket, kind: str) -> list[float]:
        sender = self._senders.get(kind)
        if sender is None:
            return []
        ssrc = internals.sender_ssrc(sender)
        fractions = []
        for report in packet.reports:
            if report.ssrc != ssrc:
                continue
            fraction = report.fraction_lost / 256
            fractions.append(fraction)
            self._loss[kind] = fraction
            if kind == "audio":  # the audio always flows: its reports are about fresh packets
                self._audio_jitter = report.jitter / AUDIO_CLOCK
                self._round_trip(report.lsr, report.dlsr)
        return fractions

    def _round_trip_time(self) -> float | None:
        """aiortc's estimate from the video sender (without audio: no reports to measure from)."""
        sender = self._senders.get("video")
        rtt = internals.sender_round_trip_time(sender) if sender is not None else None
        return rtt if rtt is not None and rtt > 0 else None

    # -- counters -------------------------------------------------------------------------------

    async def counters(self, pc: RTCPeerConnection) -> MediaCounters:
        report = await pc.getStats()
        sent = received = video_sent = audio_sent = 0
        for stats in report.values():
            if isinstance(stats, RTCTransportStats):
                sent += stats.bytesSent
                received += stats.bytesReceived
            elif isinstance(stats, RTCOutboundRtpStreamStats):
                if stats.kind == "video":
                    video_sent += stats.bytesSent
                else:
                    audio_sent += stats.bytesSent
        if self._senders.get("audio") is None:
            self.rtt = self._round_trip_time() or self.rtt
        expected = got = 0
        jitter: float | None = None
        for kind, receiver in self._receivers.items():
            if not self.enabled:
                break
            kind_expected, kind_got, kind_jitter = internals.receive_counts(receiver)
            expected += kind_expected
            got += kind_got
            if kind == "audio" and kind_jitter is not None:
                jitter = kind_jitter / AUDIO_CLOCK
            elif jitter is None and kind_jitter is not None:
                jitter = kind_jitter / VIDEO_CLOCK
        jitter_buffer = self.jitter
        return MediaCounters(
            at=self._clock(),
            bytes_sent=sent,
            video_bytes_sent=video_sent,
            audio_bytes_sent=audio_sent,
            round_trip_time=self.rtt,
            loss_to_patient=max(self._loss.values()) if self._loss else None,
            jitter_to_patient=self._audio_jitter,
            keyframe_requests_received=self.keyframe_requests_received,
            page=self.channel.fresh_report(),
            bytes_received=received,
            video_bytes_received=jitter_buffer.payload_bytes if jitter_buffer else 0,
            packets_expected=expected,
            packets_received=got,
            jitter_from_patient=jitter,
            video_frames_received=self.freezes.frames,
            received_size=self.received_size,
            freezes_from_patient=self.freezes.count,
            keyframe_requests_sent=jitter_buffer.keyframe_requests if jitter_buffer else 0,
        )
