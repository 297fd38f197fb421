"""MediaWatch on frame counters it is handed: a stall is said once, flowing again when media
comes back (video, when video was coming before)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import cast

from tests.helpers.aio import Recorder, run
from tooddoc_desk.calls.liveness import MediaWatch
from tooddoc_desk.calls.peer import PreparedPeer


@dataclass
class Track:
    frames_received: int = 0


@dataclass
class FakePeer:
    video: Track | None
    audio: Track | None


def watching(peer: FakePeer, seen: Recorder) -> asyncio.Task[None]:
    watch = MediaWatch(
        cast(PreparedPeer, peer),
        on_stalled=lambda: seen("stalled"),
        on_flowing=lambda: seen("flowing"),
        stall_seconds=0.1,
        check_seconds=0.01,
    )
    return asyncio.ensure_future(watch.run())


async def stop(task: asyncio.Task[None]) -> None:
    task.cancel()
    await asyncio.wait([task])


def test_a_stall_is_said_once_and_audio_alone_does_not_end_it_when_video_flowed() -> None:
    async def scenario() -> None:
        seen = Recorder()
        peer = FakePeer(Track(30), Track(50))
        task = watching(peer, seen)
        await seen.wait_for(str, 2)
        assert seen.items == ["stalled"]
        assert peer.audio is not None
        assert peer.video is not None
        peer.audio.frames_received += 10  # audio comes back first after an outage
        await asyncio.sleep(0.1)
        assert seen.items == ["stalled"]
        peer.video.frames_received += 1
        await seen.wait_for_count(str, 2, 2)
        assert seen.items == ["stalled", "flowing"]
        await stop(task)

    run(scenario)


def test_without_video_audio_is_what_flows() -> None:
    async def scenario() -> None:
        seen = Recorder()
        peer = FakePeer(None, Track(5))
        task = watching(peer, seen)
        await seen.wait_for(str, 2)
        assert peer.audio is not None
        peer.audio.frames_received += 1
        await seen.wait_for_count(str, 2, 2)
        assert seen.items == ["stalled", "flowing"]
        await stop(task)

    run(scenario)


def test_media_that_keeps_coming_never_stalls() -> None:
    async def scenario() -> None:
        seen = Recorder()
        peer = FakePeer(Track(), Track())
        task = watching(peer, seen)
        for _ in range(30):
            assert peer.audio is not None
            peer.audio.frames_received += 1
            await asyncio.sleep(0.01)
        assert seen.items == []
        await stop(task)

    run(scenario)
