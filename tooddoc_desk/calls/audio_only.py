"""When the call goes audio only, and when its video comes back.

Video needs about 150 kbps with under 3 % loss. `AudioOnlyPolicy` reads, once a second, the
usable bandwidth each way (to the patient: the practitioner's video target plus the rest it
sends; from the patient: their browser's own estimate of its uplink, which their page reports,
or what arrives from them when that is more), the loss each way and the round trip. When, in most
seconds of the last `WINDOW_SECONDS`, either way is under `ENTER_KBPS` or loses over 10 % of its
packets, the video pauses on both sides (AUDIO_ONLY): browsers' estimates dip for a second or
two on a fair link, and the receiver reports about the seconds a keyframe went out can say
15-50 % lost on a link that loses 2 %; a few such seconds do not pause the video.
Nothing measures what the link would carry while only audio flows, so the video is tried again
quietly (PROBING: it flows, the audio-only message stays) after a while (`PROBE_AFTER_SECONDS`,
longer after each failed try), or sooner when the round trip has fallen well below what it was
(the network changed). If both ways then reach `RESUME_KBPS` with under 3 % loss for
`RESUME_SECONDS`, the video is back (VIDEO); two weak seconds in a row, or no success within
`PROBE_MAX_SECONDS`, pause it again. The patient's estimate could not grow while their video was
paused, and climbs slowly: it is given `PROBE_RAMP_SECONDS`, and a clean try (no second losing
`GOOD_LOSS` either way: the link carries what it is given) judges it by its loss alone and lasts
up to `CLEAN_PROBE_MAX_SECONDS`. Audio flows throughout.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from enum import StrEnum

from tooddoc_desk.calls.events import AudioOnlyReason

ENTER_KBPS = 150.0
RESUME_KBPS = 180.0
BAD_LOSS = 0.10
GOOD_LOSS = 0.03
WINDOW_SECONDS = 6
MIN_SAMPLES = 4
RESUME_SECONDS = 3
PROBE_AFTER_SECONDS = (15.0, 30.0, 45.0, 60.0)  # after the 1st, 2nd, 3rd… failed try
PROBE_SETTLE_SECONDS = 2.0  # the first seconds of a try are not judged
PROBE_MAX_SECONDS = 12.0
CLEAN_PROBE_MAX_SECONDS = 24.0
# the patient's browser sent no video while paused, so its estimate of its uplink stayed where it
# was and climbs about 8 % a second once video flows again: a low one fails a try only after this
PROBE_RAMP_SECONDS = 7.0
SOONER_RTT_SHARE = 0.6  # a round trip this much shorter than when the video paused: try now
SOONER_AFTER_SECONDS = 5.0


class VideoMode(StrEnum):
    VIDEO = "video"
    AUDIO_ONLY = "audio_only"
    PROBING = "probing"  # the video flows again, on trial; still announced as audio only


@dataclass(frozen=True)
class LinkSample:
    """One second of the call, as the policy sees it (None: not known)."""

    to_patient_kbps: float | None
    from_patient_kbps: float | None
    to_patient_loss: float | None
    from_patient_loss: float | None
    round_trip_time: float | None = None

    def weak_side(self) -> AudioOnlyReason | None:
        """The way that cannot carry video this second, if any."""
        return _weak_side([self])

    def clean(self) -> bool:
        """Whether neither way lost a share worth noticing this second."""
        return all(
            loss is None or loss < GOOD_LOSS
            for loss in (self.to_patient_loss, self.from_patient_loss)
        )

    def good_for_video(self) -> bool:
        return _good(self.to_patient_kbps, self.to_patient_loss) and _good(
            self.from_patient_kbps, self.from_patient_loss, unknown_ok=True
        )


def _weak_side(samples: list[LinkSample]) -> AudioOnlyReason | None:
    """The way that could not carry video in most of these seconds, if any."""
    if sum(_weak(s.to_patient_kbps, s.to_patient_loss) for s in samples) * 2 > len(samples):
        return AudioOnlyReason.TO_PATIENT
    if sum(_weak(s.from_patient_kbps, s.from_patient_loss) for s in samples) * 2 > len(samples):
        return AudioOnlyReason.FROM_PATIENT
    return None


def _weak(kbps: float | None, loss: float | None) -> bool:
    return (kbps is not None and kbps < ENTER_KBPS) or (loss is not None and loss > BAD_LOSS)


def _good(kbps: float | None, loss: float | None, *, unknown_ok: bool = False) -> bool:
    if kbps is None:
        return unknown_ok and (loss is None or loss < GOOD_LOSS)
    return kbps >= RESUME_KBPS and (loss is None or loss < GOOD_LOSS)


class AudioOnlyPolicy:
    def __init__(self) -> None:
        self.mode = VideoMode.VIDEO
        self.reason: AudioOnlyReason | None = None
        self.failed_probes = 0
        self._window: deque[LinkSample] = deque(maxlen=WINDOW_SECONDS)
        self._good_seconds = 0
        self._weak_seconds = 0
        self._clean_probe = True
        self._since = 0.0
        self._probe_at = 0.0
        self._paused_rtt: float | None = None  # the round trip when the video paused
        self._last_rtt: float | None = None
        self._shorter_rtt_seconds = 0

    @property
    def audio_only(self) -> bool:
        """Whether the call is announced as audio only (quiet tries included)."""
        return self.mode is not VideoMode.VIDEO

    @property
    def video_flows(self) -> bool:
        return self.mode is not VideoMode.AUDIO_ONLY

    def update(self, sample: LinkSample, now: float) -> VideoMode:
        if sample.round_trip_time is not None:
            self._last_rtt = sample.round_trip_time
        if self.mode is VideoMode.VIDEO:
            self._window.append(sample)
            weak = _weak_side(list(self._window)) if len(self._window) >= MIN_SAMPLES else None
            if weak is not None:
                self.reason = weak
                self._pause(now)
        elif self.mode is VideoMode.AUDIO_ONLY:
            if now >= self._probe_at or self._network_changed(sample, now):
                self.mode, self._since = VideoMode.PROBING, now
                self._good_seconds = self._weak_seconds = 0
                self._clean_probe = True
        else:
            self._judge_probe(sample, now)
        return self.mode

    def _network_changed(self, sample: LinkSample, now: float) -> bool:
        rtt, paused_rtt = sample.round_trip_time, self._paused_rtt
        shorter = rtt is not None and paused_rtt is not None and rtt < paused_rtt * SOONER_RTT_SHARE
        self._shorter_rtt_seconds = self._shorter_rtt_seconds + 1 if shorter else 0
        return self._shorter_rtt_seconds >= 2 and now - self._since >= SOONER_AFTER_SECONDS

    def _judge_probe(self, sample: LinkSample, now: float) -> None:
        if now - self._since < PROBE_SETTLE_SECONDS:
            return
        self._clean_probe = self._clean_probe and sample.clean()
        self._good_seconds = self._good_seconds + 1 if sample.good_for_video() else 0
        if self._good_seconds >= RESUME_SECONDS:
            self.mode, self.reason = VideoMode.VIDEO, None
            self.failed_probes = 0
            self._window.clear()
            return
        weak = sample.weak_side()
        ramping = now - self._since < PROBE_RAMP_SECONDS or self._clean_probe
        if weak is AudioOnlyReason.FROM_PATIENT and ramping:
            loss = sample.from_patient_loss
            weak = weak if loss is not None and loss > BAD_LOSS else None
        self._weak_seconds = self._weak_seconds + 1 if weak is not None else 0
        longest = CLEAN_PROBE_MAX_SECONDS if self._clean_probe else PROBE_MAX_SECONDS
        if self._weak_seconds >= 2 or now - self._since >= longest:
            self.reason = weak or self.reason
            self.failed_probes += 1
            self._pause(now)

    def _pause(self, now: float) -> None:
        delays = PROBE_AFTER_SECONDS
        self.mode = VideoMode.AUDIO_ONLY
        self._since = now
        self._probe_at = now + delays[min(self.failed_probes, len(delays) - 1)]
        rtts = [s.round_trip_time for s in self._window if s.round_trip_time is not None]
        rtt = sum(rtts) / len(rtts) if rtts else self._last_rtt
        before = self._paused_rtt
        if rtt is not None and before is not None and rtt < before * SOONER_RTT_SHARE:
            # the round trip fell during the try: the network changed while the browser's
            # estimate of it was still following, try again soon
            self._probe_at = min(self._probe_at, now + SOONER_AFTER_SECONDS)
        # after a failed try, only a round trip shorter still says the network changed again
        self._paused_rtt = rtt
        self._window.clear()
        self._shorter_rtt_seconds = 0
