"""The call's quality loop: once a second, measure, adapt, tell.

One `CallTuner` per Session, following its current peer connection (a reconnection brings a new
one). Each second while connected it reads the connection's counters (peer_media.py), publishes a
CallQuality, feeds the patient's reports to the rate control (rate_control.py) and the result to
the encoder, and lets the audio-only policy (audio_only.py) pause or resume the video on both
sides (the page through its channel), saying so with AudioOnlyStarted / AudioOnlyEnded. It keeps
the CallSummary of the whole Session.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Protocol

from aiortc import RTCPeerConnection

from tooddoc_desk.calls import events as ev
from tooddoc_desk.calls.audio_only import AudioOnlyPolicy, LinkSample, VideoMode
from tooddoc_desk.calls.peer_media import PeerMedia
from tooddoc_desk.calls.quality import QualityMeter
from tooddoc_desk.calls.rate_control import START_BPS, SendRateController, VideoPlanner
from tooddoc_desk.calls.summary import SummaryBuilder
from tooddoc_desk.core.call_summary import CallSummary

log = logging.getLogger(__name__)

TICK_SECONDS = 1.0


class TunedPeer(Protocol):
    """What the tuner needs of a peer connection (peer.PreparedPeer)."""

    @property
    def pc(self) -> RTCPeerConnection: ...

    @property
    def media(self) -> PeerMedia: ...


def _figure(value: float | None) -> str:
    return "?" if value is None else f"{value:.3g}"


class CallTuner:
    def __init__(
        self, emit: Callable[[ev.SessionEvent], None], clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._emit = emit
        self._clock = clock
        self.planner = VideoPlanner()
        self.controller = SendRateController(ceiling_bps=self.planner.ceiling)
        self.policy = AudioOnlyPolicy()
        self.meter = QualityMeter()
        self.summary = SummaryBuilder()
        self.latest: ev.CallQuality | None = None
        self._peer: TunedPeer | None = None
        self._connected = False
        self._started_at: float | None = None
        self._audio_only_since: float | None = None
        self._sent_video_kbps: float | None = None

    def follow(self, peer: TunedPeer | None) -> None:
        """The Session's current connection (None: none). A new one gets the current settings."""
        if peer is self._peer:
            return
        self._peer, self._connected = peer, False
        self.meter.reset()
        if peer is not None:
            peer.media.apply(self.planner.settings)
            peer.media.channel.set_video(
                send=self.policy.video_flows, audio_only=self.policy.audio_only
            )

    def connected(self, peer: TunedPeer) -> None:
        if peer is self._peer:
            self._connected = True
            if self._started_at is None:
                self._started_at = self._clock()

    async def run(self) -> None:
        """Ticks once a second until cancelled."""
        while True:
            await asyncio.sleep(TICK_SECONDS)
            try:
                await self.tick()
            except Exception:  # one bad second must not stop the loop
                log.exception("could not measure the call's quality")

    async def tick(self) -> None:
        peer = self._peer
        if peer is None or not self._connected or self._started_at is None:
            return
        media = peer.media
        counters = await media.counters(peer.pc)
        if peer is not self._peer:
            return
        now = counters.at
        quality = self.meter.measure(
            counters,
            seconds=now - self._started_at,
            audio_only=self.policy.audio_only,
            target_bps=self.controller.target,
        )
        self._adapt(media, quality, now)
        if quality is not None:
            self.latest = quality
            self.summary.add(quality)
            self._emit(quality)

    def _adapt(self, media: PeerMedia, quality: ev.CallQuality | None, now: float) -> None:
        controller = self.controller
        for loss in media.take_video_losses():
            controller.on_loss(loss)
        controller.on_rtt(media.rtt)
        if media.remb is not None:
            controller.on_remb(*media.remb)
        sent = quality.to_patient.video_bitrate_kbps * 1000 if quality else None
        target = controller.update(now, sending=self.policy.video_flows, sent_bps=sent)
        if log.isEnabledFor(logging.DEBUG):
            log.debug(
                "rate: target %s kbps, sent %s kbps, loss %s, round trip %s s, remb %s kbps",
                _figure(target / 1000),
                _figure(sent / 1000 if sent is not None else None),
                _figure(controller.last_loss),
                _figure(media.rtt),
                _figure(controller.remb / 1000 if controller.remb is not None else None),
            )
        if quality is None:
            return
        page = media.channel.fresh_report()
        audio_kbps = max(
            0.0, quality.to_patient.bitrate_kbps - quality.to_patient.video_bitrate_kbps
        )
        # what arrives from the patient is proof of what their uplink carries: their browser's
        # estimate follows our receiver's REMB, which can sit well below it for many seconds
        uplink = page.uplink_kbps if page else None
        from_kbps = None if uplink is None else max(uplink, quality.from_patient.bitrate_kbps)
        sample = LinkSample(
            to_patient_kbps=target / 1000 + audio_kbps,
            from_patient_kbps=from_kbps,
            to_patient_loss=quality.to_patient.packet_loss,
            from_patient_loss=quality.from_patient.packet_loss,
            round_trip_time=media.rtt,
        )
        before = self.policy.mode
        mode = self.policy.update(sample, now)
        log.debug(
            "link: to the patient %s kbps, loss %s; from the patient %s kbps (estimate %s), "
            "loss %s; %s",
            _figure(sample.to_patient_kbps),
            _figure(sample.to_patient_loss),
            _figure(sample.from_patient_kbps),
            _figure(uplink),
            _figure(sample.from_patient_loss),
            mode.value,
        )
        if mode is not before:
            log.info(
                "video %s -> %s: to the patient %s kbps, loss %s; from the patient %s kbps, "
                "loss %s; round trip %s s",
                before.value,
                mode.value,
                _figure(sample.to_patient_kbps),
                _figure(sample.to_patient_loss),
                _figure(sample.from_patient_kbps),
                _figure(sample.from_patient_loss),
                _figure(sample.round_trip_time),
            )
        if before is VideoMode.AUDIO_ONLY and mode is VideoMode.PROBING:
            media.restart_uplink_estimate(START_BPS)  # the patient's video is tried again
        if before is VideoMode.VIDEO and mode is VideoMode.AUDIO_ONLY:
            self._audio_only_since = now
            self._emit(ev.AudioOnlyStarted(self.policy.reason or ev.AudioOnlyReason.TO_PATIENT))
        elif before is not VideoMode.VIDEO and mode is VideoMode.VIDEO:
            since, self._audio_only_since = self._audio_only_since, None
            self._emit(ev.AudioOnlyEnded(now - (since or now)))
        if not self.policy.video_flows:
            media.freezes.pause()  # the patient's video stops on purpose: not a freeze
        media.apply(self.planner.plan(target, now, paused=not self.policy.video_flows))
        media.channel.set_video(send=self.policy.video_flows, audio_only=self.policy.audio_only)

    def reconnected(self) -> None:
        self.summary.reconnected()

    def call_summary(self) -> CallSummary | None:
        return self.summary.summary()
