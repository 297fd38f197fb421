"""The call engine (aiortc and FFmpeg's libraries: about half a second of imports), loaded on a
thread of its own once the window shows: the window does not wait for it at start-up, and the
first call does not either. A room joined before it is done waits only for what is left (the
import system makes a second importer of a module wait for the first).
"""

from __future__ import annotations

import importlib
import logging
import threading

log = logging.getLogger(__name__)

ENGINE = (
    "tooddoc_desk.calls.session",  # the peer connection, the camera and microphone, the media
    "tooddoc_desk.services.device_preview",  # Settings › Devices
)


def warm_up_engine() -> threading.Thread:
    """Starts loading the call engine; the thread ends when it is loaded."""

    def load() -> None:
        for name in ENGINE:
            try:
                importlib.import_module(name)
            except Exception:  # the first call imports it again and says what is wrong
                log.exception("the call engine did not load ahead of the first call")
                return
        log.info("the call engine is loaded")

    thread = threading.Thread(target=load, name="tooddoc-engine-warm-up", daemon=True)
    thread.start()
    return thread
