"""A real Chromium (Debian's package) driven by Playwright's async API, as the patient.

    from tests.helpers.browser import chromium, watch_page

    async with chromium() as browser:                    # fake camera and microphone, granted
        context = await browser.new_context()
        page = await context.new_page()
        watch = await watch_page(page)                   # console, page errors, CSP violations
        await page.goto(url)
        ...
        assert watch.csp_violations() == []
        await context.close()

`chromium(fake_media_ui=False)` leaves permission prompts to the browser context (grant them with
`new_context(permissions=[...])`, or not: headless Chromium then denies them). Use it inside the
`loopback_only` fixture for anything that opens a peer connection. Never `playwright install`: the
wheel's driver runs Debian's /usr/bin/chromium offline.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.async_api import Browser, ConsoleMessage, Error, Page, async_playwright

CHROMIUM = Path(os.environ.get("TOODDOC_CHROMIUM", "/usr/bin/chromium"))

QUIET_FLAGS = (
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
FAKE_DEVICES = "--use-fake-device-for-media-stream=fps=30"  # 20 fps without "=fps=30"
FAKE_PERMISSION_UI = "--use-fake-ui-for-media-stream"  # camera and microphone granted
LOOPBACK_WEBRTC = "--allow-loopback-in-peer-connection"

# Records what the page's Content-Security-Policy refused, before any page script runs.
_CSP_PROBE = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(`${event.effectiveDirective} ${event.blockedURI}`);
});
"""


def chromium_args(*, fake_media_ui: bool = True, extra: Sequence[str] = ()) -> list[str]:
    args = [*QUIET_FLAGS, FAKE_DEVICES, LOOPBACK_WEBRTC]
    if fake_media_ui:
        args.append(FAKE_PERMISSION_UI)
    return [*args, *extra]


def _require_chromium() -> None:
    if not CHROMIUM.exists():
        pytest.fail(f"no Chromium at {CHROMIUM}: run scripts/setup.sh dev (Debian's chromium)")


@asynccontextmanager
async def chromium(
    *, fake_media_ui: bool = True, extra_args: Sequence[str] = ()
) -> AsyncIterator[Browser]:
    """A headless Chromium for one test; closed on the way out."""
    _require_chromium()
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=chromium_args(fake_media_ui=fake_media_ui, extra=extra_args),
        )
        try:
            yield browser
        finally:
            await browser.close()


def secure_origin_flag(origin: str) -> str:
    """getUserMedia needs a secure context: an http origin that is not loopback is not one."""
    return f"--unsafely-treat-insecure-origin-as-secure={origin}"


@asynccontextmanager
async def chromium_at(
    executable: Path, *, fake_media_ui: bool = True, extra_args: Sequence[str] = ()
) -> AsyncIterator[Browser]:
    """`chromium()` run through another executable: a wrapper script that starts Debian's
    Chromium elsewhere (tests/helpers/netns.py: inside a patient's network namespace)."""
    _require_chromium()
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(executable),
            args=chromium_args(fake_media_ui=fake_media_ui, extra=extra_args),
        )
        try:
            yield browser
        finally:
            await browser.close()


@dataclass
class PageWatch:
    """What a page said on its console and which errors it raised."""

    page: Page
    console: list[ConsoleMessage] = field(default_factory=list)
    errors: list[Error] = field(default_factory=list)

    def on_console(self, message: ConsoleMessage) -> None:
        self.console.append(message)

    def on_error(self, error: Error) -> None:
        self.errors.append(error)

    def console_errors(self) -> list[str]:
        return [message.text for message in self.console if message.type == "error"]

    async def csp_violations(self) -> list[str]:
        """Violations seen by the DOM event and by the console (Chromium logs them both)."""
        seen: list[str] = await self.page.evaluate("window.__cspViolations || []")
        logged = [text for text in self.console_errors() if "Content Security Policy" in text]
        return [*seen, *logged]


async def watch_page(page: Page) -> PageWatch:
    """Starts recording the page's console, errors and CSP violations (call before goto)."""
    watch = PageWatch(page)
    page.on("console", watch.on_console)
    page.on("pageerror", watch.on_error)
    await page.add_init_script(_CSP_PROBE)
    return watch


# The page's own count of the video frames it decoded (from its RTCPeerConnection's getStats).
_FRAMES_DECODED = """async () => {
  const pc = window.tooddoc && window.tooddoc.pc;
  if (!pc) return 0;
  let frames = 0;
  (await pc.getStats()).forEach((report) => {
    if (report.type === 'inbound-rtp' && report.kind === 'video') {
      frames += report.framesDecoded || 0;
    }
  });
  return frames;
}"""


async def frames_decoded(page: Page) -> int:
    count: int = await page.evaluate(_FRAMES_DECODED)
    return count


async def wait_for_frames_decoded(page: Page, at_least: int, seconds: float = 20.0) -> int:
    """Waits until the patient's page has decoded `at_least` video frames; returns the count.

    Playwright's wait_for_function cannot wait on getStats: a Promise is truthy at once."""
    deadline = asyncio.get_running_loop().time() + seconds
    while (count := await frames_decoded(page)) < at_least:
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"the page decoded {count} video frames, not {at_least}")
        await asyncio.sleep(0.1)
    return count
