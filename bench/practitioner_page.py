"""A practitioner in Chromium: the smallest page that takes a patient's call through the hub.

It speaks the hub protocol (docs/hub-protocol.md) as the app does: `hello` with the room's
practitioner token, the patient's offer answered as soon as it arrives (the camera's tracks on
the offered transceivers), `admit` once the patient waits and the answer is ready, then the
answer and the candidates gathered meanwhile. When the first remote video frame is decoded it
calls `window.firstFrame()`, which the bench binds to its clock with Playwright.

    async with served_practitioner_page() as page_url:   # http://127.0.0.1:PORT/
        ...                                              # allow its origin on the hub
        await page.evaluate("([url, token]) => practitioner(url, token)", [ws_url, token])
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import urlsplit

from aiohttp import web

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Practitioner (bench)</title></head>
<body><video id="remote" autoplay playsinline muted></video>
<script>
window.practitioner = (url, token) => new Promise((welcomed, failed) => {
  const video = document.getElementById('remote');
  const pc = new RTCPeerConnection({ iceServers: [] });
  const gathered = [];
  let stream = null, waiting = false, answer = null, admitted = false, seen = false;
  const camera = { video: { width: 640, height: 480 }, audio: true };
  let chain = navigator.mediaDevices.getUserMedia(camera).then((s) => { stream = s; });
  const ws = new WebSocket(url);
  const send = (message) => ws.send(JSON.stringify(message));
  const frame = () => { if (!seen) { seen = true; window.firstFrame(); } };
  const admitWhenReady = () => {
    if (!waiting || answer === null || admitted) return;
    admitted = true;
    send({ type: 'admit' });
    send({ type: 'answer', sdp: answer });
    for (const candidate of gathered.splice(0)) send({ type: 'candidate', candidate });
  };
  pc.onicecandidate = (event) => {
    const found = event.candidate && event.candidate.candidate;
    const candidate = found ? event.candidate.toJSON() : null;
    if (admitted) send({ type: 'candidate', candidate }); else gathered.push(candidate);
  };
  pc.ontrack = (event) => {
    if (event.track.kind !== 'video' || video.srcObject) return;
    video.srcObject = new MediaStream([event.track]);
    video.requestVideoFrameCallback(frame);
    video.addEventListener('loadeddata', frame, { once: true });
  };
  const handle = async (message) => {
    switch (message.type) {
      case 'welcome': welcomed(message.room_id); break;
      case 'patient_waiting': waiting = true; admitWhenReady(); break;
      case 'offer':
        await pc.setRemoteDescription({ type: 'offer', sdp: message.sdp });
        for (const track of stream.getTracks()) pc.addTrack(track, stream);
        await pc.setLocalDescription(await pc.createAnswer());
        answer = pc.localDescription.sdp;
        admitWhenReady();
        break;
      case 'candidate':
        await (message.candidate ? pc.addIceCandidate(message.candidate) : pc.addIceCandidate());
        break;
      case 'error': console.error('the hub refused', message.code); break;
      case 'closed': pc.close(); break;
    }
  };
  const hello = { type: 'hello', v: 1, role: 'practitioner', token };
  ws.onopen = () => { chain = chain.then(() => send(hello)); };
  ws.onmessage = (event) => {
    chain = chain.then(() => handle(JSON.parse(event.data))).catch(failed);
  };
  ws.onerror = () => failed(new Error('the signaling socket failed'));
});
</script></body></html>
"""


async def _page(request: web.Request) -> web.Response:
    return web.Response(text=PAGE, content_type="text/html")


@asynccontextmanager
async def served_practitioner_page() -> AsyncIterator[str]:
    """Serves the page on loopback; yields its URL (its origin is what the hub must allow)."""
    app = web.Application()
    app.router.add_get("/", _page)
    runner = web.AppRunner(app, access_log=None, handle_signals=False)
    await runner.setup()
    try:
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        yield f"http://127.0.0.1:{runner.addresses[0][1]}/"
    finally:
        await runner.cleanup()


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
