"""The call's quality in a few figures for the consultation's record (core.call_summary),
built from the CallQuality of each second."""

from __future__ import annotations

from dataclasses import dataclass, field

from tooddoc_desk.calls.events import CallQuality, DirectionQuality, QualityHint
from tooddoc_desk.core.call_summary import CallSummary, DirectionSummary, WorstMinute


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


@dataclass
class _Way:
    bitrates: list[float] = field(default_factory=list)
    fps: list[float] = field(default_factory=list)
    losses: list[float] = field(default_factory=list)
    rtts: list[float] = field(default_factory=list)
    freezes: int | None = None
    _freezes_before: int = 0  # freezes of the connections before the current one
    _last_freezes: int | None = None

    def add(self, way: DirectionQuality, video: bool) -> int:
        """Adds one second; returns the freezes new in it."""
        self.bitrates.append(way.bitrate_kbps)
        if video and way.frames_per_second is not None:
            self.fps.append(way.frames_per_second)
        if way.packet_loss is not None:
            self.losses.append(way.packet_loss)
        if way.round_trip_time is not None:
            self.rtts.append(way.round_trip_time)
        if way.freezes is None:
            return 0
        last = self._last_freezes
        if last is not None and way.freezes < last:  # a new connection counts from zero
            self._freezes_before += last
            last = 0
        self._last_freezes = way.freezes
        self.freezes = self._freezes_before + way.freezes
        return way.freezes - (last or 0)

    def summary(self) -> DirectionSummary:
        return DirectionSummary(
            bitrate_kbps=_mean(self.bitrates) or 0.0,
            frames_per_second=_mean(self.fps),
            packet_loss=_mean(self.losses),
            round_trip_time=_mean(self.rtts),
            freezes=self.freezes,
        )


@dataclass
class _Minute:
    poor: int = 0
    losses: list[float] = field(default_factory=list)
    rtts: list[float] = field(default_factory=list)
    freezes: int = 0


class SummaryBuilder:
    def __init__(self) -> None:
        self._to = _Way()
        self._from = _Way()
        self._minutes: dict[int, _Minute] = {}
        self._hints = dict.fromkeys(QualityHint, 0)
        self._audio_only_seconds = 0
        self._seconds = 0
        self.reconnects = 0

    def add(self, quality: CallQuality) -> None:
        """One second of the call."""
        self._seconds += 1
        self._hints[quality.hint] += 1
        self._audio_only_seconds += quality.audio_only
        video = not quality.audio_only
        minute = self._minutes.setdefault(int(quality.seconds // 60), _Minute())
        minute.freezes += self._to.add(quality.to_patient, video)
        minute.freezes += self._from.add(quality.from_patient, video)
        minute.poor += quality.hint is QualityHint.POOR
        losses = [w.packet_loss for w in (quality.to_patient, quality.from_patient)]
        known = [loss for loss in losses if loss is not None]
        if known:
            minute.losses.append(max(known))
        rtt = quality.from_patient.round_trip_time or quality.to_patient.round_trip_time
        if rtt is not None:
            minute.rtts.append(rtt)

    def reconnected(self) -> None:
        self.reconnects += 1

    def summary(self) -> CallSummary | None:
        if not self._seconds:
            return None
        worst: WorstMinute | None = None
        ranked = sorted(self._minutes.items(), key=lambda m: (-m[1].poor, -m[1].freezes, m[0]))
        if ranked and ranked[0][1].poor:
            index, minute = ranked[0]
            worst = WorstMinute(
                starts_at_seconds=60.0 * index,
                poor_seconds=minute.poor,
                packet_loss=_mean(minute.losses),
                round_trip_time=_mean(minute.rtts),
                freezes=minute.freezes,
            )
        return CallSummary(
            media_seconds=float(self._seconds),
            to_patient=self._to.summary(),
            from_patient=self._from.summary(),
            worst_minute=worst,
            reconnects=self.reconnects,
            audio_only_minutes=self._audio_only_seconds / 60,
            good_seconds=self._hints[QualityHint.GOOD],
            fair_seconds=self._hints[QualityHint.FAIR],
            poor_seconds=self._hints[QualityHint.POOR],
        )
