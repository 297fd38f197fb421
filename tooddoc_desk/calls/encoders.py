"""The practitioner's encoders, installed in aiortc's senders (aiortc_internals.install_encoder).

`AdaptiveVp8Encoder` encodes what `settings` says, read at each frame: a bitrate (100 kbps to
1.5 Mbps: aiortc's own encoder stops at 250 kbps), a size no larger than the source's (the
frame is scaled down first), a frame rate cap, or nothing at all (video paused: audio only).
libvpx cannot change the bitrate of a running encoder, so a new bitrate or size starts a new
one, whose first frame is a keyframe: rate_control.py changes them seldom. The receiver's
keyframe requests (PLI, FIR) reach `encode` as `force_keyframe` (aiortc's sender handles them);
resuming after a pause starts with a keyframe too.

`SpeechOpusEncoder`: Opus for a voice, mono, 32 kbps, with in-band FEC against lost packets
(aiortc's encoder sends stereo at 96 kbps, a third of a 3G uplink).
"""

from __future__ import annotations

import fractions
import multiprocessing
import time
from dataclasses import dataclass

import av
from aiortc.codecs.opus import OpusEncoder
from aiortc.codecs.vpx import Vp8Encoder, number_of_threads
from aiortc.mediastreams import VIDEO_TIME_BASE, convert_timebase
from av import VideoFrame
from av.frame import Frame
from av.video.codeccontext import VideoCodecContext
from av.video.reformatter import VideoReformatter

MIN_VIDEO_BPS = 100_000
MAX_VIDEO_BPS = 1_500_000
OPUS_BPS = 32_000
_FPS_SLACK = 0.004  # seconds: a frame this early for the cap still counts as on time


@dataclass(frozen=True)
class VideoSettings:
    """What the practitioner's video encoder makes of each frame."""

    bitrate: int  # bits per second
    width: int | None = None  # None: the source's size
    height: int | None = None
    max_fps: float = 30.0
    paused: bool = False  # audio only: no video sent

    def __post_init__(self) -> None:
        if not MIN_VIDEO_BPS <= self.bitrate <= MAX_VIDEO_BPS:
            raise ValueError(f"a video bitrate is {MIN_VIDEO_BPS} to {MAX_VIDEO_BPS} bit/s")
        if (self.width is None) != (self.height is None):
            raise ValueError("a size has a width and a height, or neither")
        if self.max_fps <= 0:
            raise ValueError("a frame rate cap is positive")


def scaled_size(width: int, height: int, settings: VideoSettings) -> tuple[int, int]:
    """The size a frame is encoded at: the settings' box, the frame's aspect ratio kept, never
    larger than the frame, even numbers."""
    if settings.width is None or settings.height is None:
        return width, height
    scale = min(1.0, settings.width / width, settings.height / height)
    return max(2, int(width * scale) // 2 * 2), max(2, int(height * scale) // 2 * 2)


class AdaptiveVp8Encoder(Vp8Encoder):
    def __init__(self, settings: VideoSettings) -> None:
        super().__init__()
        self.settings = settings  # replaced (never changed) by the rate control, on the loop
        self._codec: VideoCodecContext | None = None
        self._made_for: tuple[int, int, int] | None = None  # (bitrate, width, height)
        self._last_time: float | None = None  # media time of the last frame encoded
        self._keyframe_next = False
        self._reformatter = VideoReformatter()
        # read on the loop, written on the encoding thread: plain counters
        self.frames_encoded = 0
        self.bytes_encoded = 0
        self.keyframes = 0
        self.encoders_made = 0
        self.size: tuple[int, int] | None = None  # of the last frame encoded
        self.last_encoded_at: float | None = None  # time.monotonic()

    @property
    def target_bitrate(self) -> int:
        return self.settings.bitrate

    @target_bitrate.setter
    def target_bitrate(self, bitrate: int) -> None:
        """aiortc's sender sets this on each REMB; the call's rate control takes REMB into
        account instead (peer_media.py takes those packets first), so this changes nothing."""

    def encode(self, frame: Frame, force_keyframe: bool = False) -> tuple[list[bytes], int]:
        assert isinstance(frame, VideoFrame)
        settings = self.settings
        if settings.paused:
            self._keyframe_next = True  # the receiver's decoder will need one to resume
            return [], 0
        pts, time_base = frame.pts, frame.time_base
        if pts is None or time_base is None:
            raise ValueError("a frame to encode has a timestamp")  # LocalVideoTrack stamps them
        media_time = float(pts * time_base)
        last = self._last_time
        if last is not None and media_time - last < 1 / settings.max_fps - _FPS_SLACK:
            self._keyframe_next = self._keyframe_next or force_keyframe  # for the next one sent
            return [], 0
        timestamp = convert_timebase(pts, time_base, VIDEO_TIME_BASE)
        width, height = scaled_size(frame.width, frame.height, settings)
        if (width, height) != (frame.width, frame.height) or frame.format.name != "yuv420p":
            # a scaler of its own: the self view converts the same frame on another thread
            frame = self._reformatter.reformat(frame, width=width, height=height, format="yuv420p")
        codec = self._codec_for(settings.bitrate, width, height)
        if force_keyframe or self._keyframe_next:
            frame.pict_type = av.video.frame.PictureType.I
            self._keyframe_next = False
        data = b""
        for packet in codec.encode(frame):
            data += bytes(packet)
            self.keyframes += bool(packet.is_keyframe)
        if not data:
            return [], 0
        payloads = self._packetize(data, self.picture_id)
        self.picture_id = (self.picture_id + 1) % (1 << 15)
        self._last_time = media_time
        self.frames_encoded += 1
        self.bytes_encoded += len(data)
        self.size = (width, height)
        self.last_encoded_at = time.monotonic()
        return payloads, timestamp

    def _codec_for(self, bitrate: int, width: int, height: int) -> VideoCodecContext:
        wanted = (bitrate, width, height)
        if self._codec is not None and self._made_for == wanted:
            return self._codec
        codec = av.CodecContext.create("libvpx", "w")
        codec.width, codec.height = width, height
        codec.bit_rate = bitrate
        codec.pix_fmt = "yuv420p"
        codec.time_base = fractions.Fraction(1, 90_000)
        codec.gop_size = 3000  # keyframes only when asked for
        codec.qmin, codec.qmax = 2, 56
        codec.options = {
            "bufsize": str(bitrate),  # a one second rate-control buffer
            "cpu-used": "-6",
            "deadline": "realtime",
            "lag-in-frames": "0",
            # a keyframe at most 3 frames' worth: aiortc sends a frame's packets at once, and a
            # larger burst overflows a slow link's queue (a 3G downlink holds about 10 KB)
            "max-intra-rate": "300",
            "minrate": str(bitrate),  # minrate = maxrate = bit_rate: constant bitrate
            "maxrate": str(bitrate),
            "noise-sensitivity": "4",
            "overshoot-pct": "15",
            "partitions": "0",
            "static-thresh": "1",
            "undershoot-pct": "100",
        }
        codec.thread_count = number_of_threads(width * height, multiprocessing.cpu_count())
        self._codec, self._made_for = codec, wanted
        self.encoders_made += 1
        return codec


class SpeechOpusEncoder(OpusEncoder):
    def __init__(self, bitrate: int = OPUS_BPS) -> None:
        super().__init__()
        self.codec.bit_rate = bitrate
        self.codec.layout = "mono"
        self.codec.options = {
            "application": "voip",
            "vbr": "constrained",  # near the target whatever the sound
            "fec": "1",
            "packet_loss": "5",
        }
        self.resampler = av.AudioResampler(
            format="s16", layout="mono", rate=self.codec.sample_rate, frame_size=960
        )
