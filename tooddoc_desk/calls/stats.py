"""Simple figures about one call, for the quality indicator, logs and benchmarks.

Times are `time.monotonic()` values (None until it happened); subtract them, never show them.
"""

from __future__ import annotations

from dataclasses import dataclass

from aiortc import RTCPeerConnection
from aiortc.stats import (
    RTCInboundRtpStreamStats,
    RTCRemoteInboundRtpStreamStats,
    RTCTransportStats,
)

from tooddoc_desk.calls.peer import PreparedPeer
from tooddoc_desk.calls.publisher import Publisher


@dataclass(frozen=True)
class TransportFigures:
    bytes_sent: int = 0
    bytes_received: int = 0
    packets_lost: int = 0
    round_trip_time: float | None = None  # seconds, as the patient's receiver reports it


@dataclass(frozen=True)
class CallStats:
    video_frames_sent: int
    audio_frames_sent: int
    video_frames_received: int
    video_frames_delivered: int  # handed to the video sink
    video_frames_dropped: int  # replaced by a newer one while the sink was busy, or no sink
    audio_frames_received: int
    bytes_sent: int
    bytes_received: int
    packets_lost: int
    round_trip_time: float | None
    prepared_at: float | None
    admitted_at: float | None
    connected_at: float | None
    first_remote_video_at: float | None
    first_remote_audio_at: float | None

    @property
    def admit_to_first_video(self) -> float | None:
        """Seconds from admit() to the first frame of the patient's video."""
        if self.admitted_at is None or self.first_remote_video_at is None:
            return None
        return self.first_remote_video_at - self.admitted_at


async def transport_figures(pc: RTCPeerConnection | None) -> TransportFigures:
    if pc is None:
        return TransportFigures()
    report = await pc.getStats()
    sent = received = lost = 0
    rtts: list[float] = []
    for stats in report.values():
        if isinstance(stats, RTCTransportStats):
            sent += stats.bytesSent
            received += stats.bytesReceived
        elif isinstance(stats, RTCInboundRtpStreamStats):
            lost += max(stats.packetsLost, 0)
        elif isinstance(stats, RTCRemoteInboundRtpStreamStats) and stats.roundTripTime is not None:
            rtts.append(stats.roundTripTime)  # None until a report answers one of ours
    rtt = max(rtts) if rtts else None
    return TransportFigures(sent, received, lost, rtt)


async def collect_stats(
    publisher: Publisher,
    peer: PreparedPeer | None,
    *,
    prepared_at: float | None,
    admitted_at: float | None,
    connected_at: float | None,
) -> CallStats:
    figures = await transport_figures(peer.pc if peer is not None else None)
    video = peer.video if peer is not None else None
    audio = peer.audio if peer is not None else None
    return CallStats(
        video_frames_sent=publisher.video.frames_sent,
        audio_frames_sent=publisher.audio.frames_sent,
        video_frames_received=video.frames_received if video else 0,
        video_frames_delivered=video.frames_delivered if video else 0,
        video_frames_dropped=video.converter.dropped if video else 0,
        audio_frames_received=audio.frames_received if audio else 0,
        bytes_sent=figures.bytes_sent,
        bytes_received=figures.bytes_received,
        packets_lost=figures.packets_lost,
        round_trip_time=figures.round_trip_time,
        prepared_at=prepared_at,
        admitted_at=admitted_at,
        connected_at=connected_at,
        first_remote_video_at=video.first_frame_at if video else None,
        first_remote_audio_at=audio.first_frame_at if audio else None,
    )
