"""Video freezes, counted as the WebRTC statistics define them (and as the patient's browser
counts its own): a frame that comes more than max(3 x the average interval, the average
+ 150 ms) after the previous one, the average taken over the last 30 intervals."""

from __future__ import annotations

from collections import deque

WINDOW = 30
EXTRA_SECONDS = 0.150


class FreezeDetector:
    def __init__(self) -> None:
        self.count = 0
        self.total_seconds = 0.0  # time spent frozen
        self.longest = 0.0
        self.frames = 0
        self._last: float | None = None
        self._intervals: deque[float] = deque(maxlen=WINDOW)

    def frame(self, at: float) -> bool:
        """A frame shown (decoded) at `at` (seconds); True if the wait for it was a freeze."""
        self.frames += 1
        last, self._last = self._last, at
        if last is None:
            return False
        interval = max(0.0, at - last)
        frozen = False
        if self._intervals:
            average = sum(self._intervals) / len(self._intervals)
            if interval > max(3 * average, average + EXTRA_SECONDS):
                frozen = True
                self.count += 1
                self.total_seconds += interval
                self.longest = max(self.longest, interval)
        self._intervals.append(interval)
        return frozen

    def pause(self) -> None:
        """The video was paused on purpose (audio only): the gap until the next frame is not a
        freeze."""
        self._last = None
