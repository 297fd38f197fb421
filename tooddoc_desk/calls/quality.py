"""One second of a call in figures: events.CallQuality from two MediaCounters a second apart.

The hint uses the patient page's own thresholds (patient.js judgeQuality): poor from a 600 ms
round trip, 8 % loss or under 8 frames a second, fair from 300 ms, 2 % or under 15 frames.
"""

from __future__ import annotations

from tooddoc_desk.calls.events import CallQuality, DirectionQuality, QualityHint
from tooddoc_desk.calls.peer_media import MediaCounters


def hint_for(to: DirectionQuality, back: DirectionQuality, *, audio_only: bool) -> QualityHint:
    if audio_only:
        return QualityHint.POOR
    rtts = [w.round_trip_time for w in (to, back) if w.round_trip_time is not None]
    losses = [w.packet_loss for w in (to, back) if w.packet_loss is not None]
    fps = [w.frames_per_second for w in (to, back) if w.frames_per_second is not None]
    rtt, loss, slowest = max(rtts, default=0.0), max(losses, default=0.0), min(fps, default=30.0)
    if rtt > 0.6 or loss > 0.08 or slowest < 8:
        return QualityHint.POOR
    if rtt > 0.3 or loss > 0.02 or slowest < 15:
        return QualityHint.FAIR
    return QualityHint.GOOD


def _kbps(bytes_now: int, bytes_before: int, seconds: float) -> float:
    return max(0, bytes_now - bytes_before) * 8 / seconds / 1000


class QualityMeter:
    """Keeps the previous counters of the current connection; `measure` diffs against them."""

    def __init__(self) -> None:
        self._last: MediaCounters | None = None

    def reset(self) -> None:
        """A new connection: its counters start from zero."""
        self._last = None

    def measure(
        self, now: MediaCounters, *, seconds: float, audio_only: bool, target_bps: int
    ) -> CallQuality | None:
        """The last second (None for the first counters of a connection)."""
        before, self._last = self._last, now
        if before is None or now.at <= before.at:
            return None
        span = now.at - before.at
        page = now.page
        to = DirectionQuality(
            round_trip_time=now.round_trip_time,
            packet_loss=now.loss_to_patient,
            jitter=now.jitter_to_patient,
            bitrate_kbps=_kbps(now.bytes_sent, before.bytes_sent, span),
            video_bitrate_kbps=_kbps(now.video_bytes_sent, before.video_bytes_sent, span),
            frames_per_second=page.frames_per_second if page else None,
            width=page.width if page else None,
            height=page.height if page else None,
            freezes=page.freezes if page else None,
            keyframe_requests=now.keyframe_requests_received,
        )
        expected = now.packets_expected - before.packets_expected
        received = now.packets_received - before.packets_received
        loss = min(1.0, max(0.0, (expected - received) / expected)) if expected > 0 else None
        frames = now.video_frames_received - before.video_frames_received
        size = now.received_size
        back = DirectionQuality(
            round_trip_time=now.round_trip_time,
            packet_loss=loss,
            jitter=now.jitter_from_patient,
            bitrate_kbps=_kbps(now.bytes_received, before.bytes_received, span),
            video_bitrate_kbps=_kbps(now.video_bytes_received, before.video_bytes_received, span),
            frames_per_second=frames / span if frames or not audio_only else None,
            width=size[0] if size else None,
            height=size[1] if size else None,
            freezes=now.freezes_from_patient,
            keyframe_requests=now.keyframe_requests_sent,
        )
        return CallQuality(
            seconds=seconds,
            to_patient=to,
            from_patient=back,
            audio_only=audio_only,
            video_target_kbps=target_bps / 1000,
            hint=hint_for(to, back, audio_only=audio_only),
        )
