"""How much video the practitioner sends, and at what size (the patient's downlink decides).

`SendRateController` keeps a target bitrate for the video, as browsers do with loss-based
congestion control: up 8 % a second while the patient's reports say under 2 % of the packets are
lost, unchanged between 2 and 10 %, cut by half the loss rate above 10 %; never above the
patient's own estimate of what reaches it (REMB); up only while the round trip stays near its
best (a growing round trip is a queue filling up), down when it grows far beyond; never more
than 1.5 times what the encoder really sends (it cannot show what the link would bear); within
100 kbps and the ceiling of the source's size. It holds still while the video is paused.

`VideoPlanner` turns the target into encoder settings: a size from a ladder (smaller pictures
look better at low bitrates), half the frame rate at the bottom, and a new bitrate only when it
differs by 15 % or more, down at once, up at most every 3 seconds (each change starts a new
libvpx encoder, so a keyframe).
"""

from __future__ import annotations

from dataclasses import dataclass

from tooddoc_desk.calls.encoders import MAX_VIDEO_BPS, MIN_VIDEO_BPS, VideoSettings

START_BPS = 300_000
INCREASE_PER_SECOND = 1.08
LOW_LOSS = 0.02
HIGH_LOSS = 0.10
QUEUE_RTT = 0.25  # seconds over the best round trip: a queue; no increase
JAM_RTT = 0.5  # seconds over the best round trip: cut 15 %
REMB_FRESH_SECONDS = 5.0


@dataclass(frozen=True)
class Rung:
    """One step of the ladder: from `min_bps` the video is sent at this size and frame rate."""

    min_bps: int
    width: int | None  # None: the source's own size
    height: int | None
    max_fps: float
    ceiling_bps: int


def ladder(source_width: int, source_height: int) -> tuple[Rung, ...]:
    """Rungs for a source, smallest first. A 640x480 camera tops out at 500 kbps (the bar: no
    more than a Skype call, 300-500 kbps for good 1:1 video); larger ones at 1.5 Mbps."""
    top = MAX_VIDEO_BPS if source_width * source_height > 640 * 480 else 450_000
    return (
        Rung(MIN_VIDEO_BPS, 320, 240, 15.0, 200_000),
        Rung(130_000, 320, 240, 30.0, 300_000),
        Rung(200_000, 480, 360, 30.0, 450_000),
        Rung(350_000, None, None, 30.0, top),
    )


class SendRateController:
    def __init__(self, start_bps: int = START_BPS, ceiling_bps: int = MAX_VIDEO_BPS) -> None:
        self.ceiling = ceiling_bps
        self.target = self._clamp(start_bps)
        self._losses: list[float] = []
        self._remb: tuple[int, float] | None = None
        self._rtt: float | None = None
        self._best_rtt: float | None = None
        self.last_loss: float | None = None  # the mean of the reports of the last update

    def on_loss(self, fraction_lost: float) -> None:
        """A receiver report about the video: the share of packets lost since the last one."""
        self._losses.append(min(1.0, max(0.0, fraction_lost)))

    def on_remb(self, bps: int, now: float) -> None:
        """The patient's estimate of the bitrate that reaches it (all our streams)."""
        self._remb = (bps, now)

    def on_rtt(self, rtt: float | None) -> None:
        if rtt is None or rtt <= 0:
            return
        self._rtt = rtt
        self._best_rtt = rtt if self._best_rtt is None else min(self._best_rtt, rtt)

    @property
    def remb(self) -> int | None:
        return self._remb[0] if self._remb is not None else None

    def update(self, now: float, *, sending: bool, sent_bps: float | None = None) -> int:
        """The target for the next second (call once a second)."""
        losses, self._losses = self._losses, []
        if not sending:
            return self.target
        loss = sum(losses) / len(losses) if losses else None
        self.last_loss = loss
        queue = (
            self._rtt - self._best_rtt
            if self._rtt is not None and self._best_rtt is not None
            else 0.0
        )
        target = float(self.target)
        if loss is not None and loss > HIGH_LOSS:
            target *= 1 - 0.5 * loss
        elif queue > JAM_RTT:
            target *= 0.85
        elif (loss is None or loss < LOW_LOSS) and queue <= QUEUE_RTT:
            raised = target * INCREASE_PER_SECOND + 1000
            if sent_bps is not None:
                raised = min(raised, max(target, 1.5 * sent_bps))
            target = raised
        if self._remb is not None and now - self._remb[1] <= REMB_FRESH_SECONDS:
            target = min(target, self._remb[0])
        self.target = self._clamp(int(target))
        return self.target

    def _clamp(self, bps: int) -> int:
        return max(MIN_VIDEO_BPS, min(self.ceiling, bps))


class VideoPlanner:
    """Encoder settings from the target, changed seldom."""

    UP_EVERY_SECONDS = 3.0
    STEP = 0.15  # a smaller change of bitrate is not worth a new encoder
    CLIMB = 1.15  # a rung is climbed once the target is this much above its start

    def __init__(self, source_size: tuple[int, int] = (640, 480)) -> None:
        self.rungs = ladder(*source_size)
        self.settings = self._settings(self.rungs[2], START_BPS)
        self._changed_at: float | None = None

    @property
    def ceiling(self) -> int:
        return self.rungs[-1].ceiling_bps

    def plan(self, target: int, now: float, *, paused: bool = False) -> VideoSettings:
        current = self.settings
        rung = self._rung_for(target, current)
        bitrate = min(target, rung.ceiling_bps)
        size_changes = (rung.width, rung.height, rung.max_fps) != (
            current.width,
            current.height,
            current.max_fps,
        )
        change = abs(bitrate - current.bitrate) / current.bitrate
        rested = self._changed_at is None or now - self._changed_at >= self.UP_EVERY_SECONDS
        going_down = bitrate < current.bitrate
        if size_changes or (change >= self.STEP and (going_down or rested)):
            current = self._settings(rung, bitrate)
            self._changed_at = now
        if current.paused != paused:
            current = VideoSettings(
                current.bitrate, current.width, current.height, current.max_fps, paused
            )
        self.settings = current
        return current

    def _rung_for(self, target: int, current: VideoSettings) -> Rung:
        index = max(i for i, r in enumerate(self.rungs) if target >= r.min_bps)
        now_at = next(
            (
                i
                for i, r in enumerate(self.rungs)
                if (r.width, r.height, r.max_fps)
                == (current.width, current.height, current.max_fps)
            ),
            index,
        )
        if index > now_at and target < self.rungs[index].min_bps * self.CLIMB:
            index = now_at  # not clearly above the next rung yet: stay
        return self.rungs[index]

    @staticmethod
    def _settings(rung: Rung, bitrate: int) -> VideoSettings:
        bitrate = max(MIN_VIDEO_BPS, min(bitrate, rung.ceiling_bps))
        return VideoSettings(bitrate, rung.width, rung.height, rung.max_fps)
