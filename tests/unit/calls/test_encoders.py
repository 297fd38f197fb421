"""The practitioner's encoders: the settings of the moment, keyframes when asked, pauses."""

from __future__ import annotations

import fractions
import itertools
import math
import threading
from array import array

import av
import pytest
from aiortc.codecs.opus import OpusEncoder
from aiortc.codecs.vpx import VpxPayloadDescriptor
from av import AudioFrame, VideoFrame
from av.video.reformatter import VideoReformatter

from tooddoc_desk.calls.encoders import (
    AdaptiveVp8Encoder,
    SpeechOpusEncoder,
    VideoSettings,
    scaled_size,
)
from tooddoc_desk.calls.frames import to_rgb
from tooddoc_desk.calls.generated import VIDEO_TIME_BASE, TestPatternTrack
from tooddoc_desk.calls.keyframes import starts_keyframe

PATTERN = TestPatternTrack()


def frame_at(number: int, fps: int = 30) -> VideoFrame:
    frame = PATTERN.render(number)
    frame.pts, frame.time_base = number * 90_000 // fps, VIDEO_TIME_BASE
    return frame


def decode(payload_lists: list[list[bytes]]) -> list[VideoFrame]:
    decoder = av.CodecContext.create("libvpx", "r")
    out: list[VideoFrame] = []
    for payloads in payload_lists:
        data = b"".join(VpxPayloadDescriptor.parse(p)[1] for p in payloads)
        out += decoder.decode(av.Packet(data))
    return out


def test_frames_are_encoded_at_the_settings_size_and_decode() -> None:
    encoder = AdaptiveVp8Encoder(VideoSettings(300_000, 320, 240))
    sent = [encoder.encode(frame_at(n))[0] for n in range(10)]
    assert all(sent)
    assert starts_keyframe("VP8", sent[0][0])
    assert not starts_keyframe("VP8", sent[1][0])
    decoded = decode(sent)
    assert len(decoded) == 10
    assert (decoded[-1].width, decoded[-1].height) == (320, 240)
    assert encoder.size == (320, 240)
    assert (encoder.frames_encoded, encoder.keyframes, encoder.encoders_made) == (10, 1, 1)


def test_a_keyframe_when_asked_and_a_new_encoder_only_when_the_settings_change() -> None:
    encoder = AdaptiveVp8Encoder(VideoSettings(300_000))
    for n in range(3):
        encoder.encode(frame_at(n))
    payloads, _ = encoder.encode(frame_at(3), force_keyframe=True)
    assert starts_keyframe("VP8", payloads[0])
    assert encoder.encoders_made == 1
    encoder.settings = VideoSettings(150_000, 320, 240)
    payloads, _ = encoder.encode(frame_at(4))
    assert starts_keyframe("VP8", payloads[0])  # a new encoder starts with a keyframe
    assert encoder.encoders_made == 2
    assert encoder.target_bitrate == 150_000
    encoder.target_bitrate = 2_000_000  # aiortc's REMB handling: the rate control decides
    assert encoder.target_bitrate == 150_000


def test_the_frame_rate_cap_drops_frames_and_keeps_the_timestamps() -> None:
    encoder = AdaptiveVp8Encoder(VideoSettings(200_000, max_fps=15))
    results = [encoder.encode(frame_at(n)) for n in range(30)]
    sent = [(payloads, ts) for payloads, ts in results if payloads]
    assert 14 <= len(sent) <= 16
    stamps = [ts for _, ts in sent]
    assert all(b - a == 6000 for a, b in itertools.pairwise(stamps))


def test_a_pause_sends_nothing_and_the_video_resumes_with_a_keyframe() -> None:
    encoder = AdaptiveVp8Encoder(VideoSettings(200_000))
    encoder.encode(frame_at(0))
    encoder.encode(frame_at(1))
    encoder.settings = VideoSettings(200_000, paused=True)
    assert all(encoder.encode(frame_at(n)) == ([], 0) for n in range(2, 10))
    encoder.settings = VideoSettings(200_000)
    payloads, timestamp = encoder.encode(frame_at(10))
    assert starts_keyframe("VP8", payloads[0])
    assert timestamp == 10 * 3000


def test_the_encoder_and_the_self_view_scale_the_same_frames_at_once() -> None:
    """The camera's frames go to the encoder's thread and to the self view's converter thread;
    with the frame's own shared scaler the two threads deadlock in libswscale."""
    encoder = AdaptiveVp8Encoder(VideoSettings(bitrate=500_000, width=320, height=240))
    frames = [frame_at(n) for n in range(120)]
    converter = VideoReformatter()

    def encode() -> None:
        for frame in frames:
            encoder.encode(frame)

    def show() -> None:
        for frame in frames:
            to_rgb(frame, (200, 150), converter)

    threads = [threading.Thread(target=work, daemon=True) for work in (encode, show)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert not any(thread.is_alive() for thread in threads), "the two scalers blocked each other"
    assert encoder.frames_encoded == len(frames)


@pytest.mark.parametrize(
    ("settings", "size"),
    [
        (VideoSettings(300_000), (640, 480)),
        (VideoSettings(300_000, 480, 360), (480, 360)),
        (VideoSettings(300_000, 320, 320), (320, 240)),
        (VideoSettings(300_000, 1280, 720), (640, 480)),  # never larger than the source
    ],
)
def test_scaled_sizes_keep_the_aspect_ratio(settings: VideoSettings, size: tuple[int, int]) -> None:
    assert scaled_size(640, 480, settings) == size


def test_settings_refuse_what_no_encoder_does() -> None:
    with pytest.raises(ValueError, match="bitrate"):
        VideoSettings(50_000)
    with pytest.raises(ValueError, match="size"):
        VideoSettings(200_000, width=320)


def speech_kbps(encoder: OpusEncoder, frames: int = 200, settle: int = 50) -> float:
    """The encoder's bitrate on a tone, after `settle` frames."""
    total = 0
    for n in range(frames):
        frame = AudioFrame(format="s16", layout="mono", samples=960)
        tone = array(
            "h",
            (int(8000 * math.sin(2 * math.pi * 440 * (n * 960 + k) / 48_000)) for k in range(960)),
        )
        frame.planes[0].update(tone.tobytes())
        frame.sample_rate, frame.pts = 48_000, n * 960
        frame.time_base = fractions.Fraction(1, 48_000)
        payloads, _ = encoder.encode(frame)
        if n >= settle:
            total += sum(len(p) for p in payloads)
    return total * 8 / ((frames - settle) * 0.02) / 1000


def test_speech_is_mono_opus_at_about_32_kbps() -> None:
    encoder = SpeechOpusEncoder()
    ours, aiortcs = speech_kbps(encoder), speech_kbps(OpusEncoder())
    assert encoder.codec.layout.name == "mono"
    assert 20 < ours < 40
    assert ours < aiortcs / 1.5
