"""TURN for real: Debian's coturn on loopback, the hub handing out short-lived credentials for it,
a Chromium patient that may only use the relay, and the app's own Session (aiortc) on the other
side. Runs in the loopback-only namespace (./test): coturn, the hub and both peers on 127.0.0.1.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import aiohttp
import pytest
from aioice import stun
from aioice.turn import create_turn_endpoint
from playwright.async_api import Page

from tests.helpers.aio import Recorder, async_test, async_test_timeout, until, within
from tests.helpers.browser import chromium, wait_for_frames_decoded, watch_page
from tests.helpers.hub import FakeClock, new_room, signaling
from tests.helpers.turn import Coturn, coturn
from tooddoc_desk.calls import events as ev
from tooddoc_desk.calls.publisher import Publisher
from tooddoc_desk.hub import HubConfig, start_hub
from tooddoc_desk.services.sessions import hub_session_opener

pytestmark = [pytest.mark.netns, pytest.mark.usefixtures("loopback_only")]

# Every RTCPeerConnection the page makes may only use relayed candidates; the configuration the
# page asked for is kept, to check it used the hub's TURN server.
FORCE_RELAY = """(() => {
  const Native = window.RTCPeerConnection;
  window.__iceConfigs = [];
  window.RTCPeerConnection = class extends Native {
    constructor(config, ...rest) {
      window.__iceConfigs.push(config);
      super(Object.assign({}, config, { iceTransportPolicy: 'relay' }), ...rest);
    }
  };
})();"""

# The candidate types of the pair the page's connection selected.
SELECTED_PAIR = """async () => {
  const stats = await window.tooddoc.pc.getStats();
  let pair = null;
  stats.forEach((report) => {
    if (report.type === 'transport' && report.selectedCandidatePairId) {
      pair = stats.get(report.selectedCandidatePairId);
    }
  });
  if (!pair) return null;
  const local = stats.get(pair.localCandidateId);
  const remote = stats.get(pair.remoteCandidateId);
  return { local: local.candidateType, protocol: local.relayProtocol || null,
           remote: remote.candidateType, state: pair.state };
}"""


class Allocation(asyncio.DatagramProtocol):
    def __init__(self) -> None:
        self.lost = asyncio.Event()

    def connection_lost(self, exc: Exception | None) -> None:
        self.lost.set()


async def allocate(turn: Coturn, server: dict[str, Any]) -> tuple[str, int]:
    """Asks coturn for a relay address with these credentials; returns it (and frees it)."""
    transport, allocation = await create_turn_endpoint(
        Allocation, turn.address, server["username"], server["credential"]
    )
    relayed: tuple[str, int] = transport.get_extra_info("sockname")
    transport.close()
    await within(allocation.lost.wait(), 5, "the allocation to be deleted")
    return relayed


async def ice_servers_of(config: HubConfig, clock: FakeClock | None = None) -> Any:
    async with (
        await start_hub(config, clock=clock) as hub,
        aiohttp.ClientSession() as http,
        signaling(http, hub) as patient,
    ):
        room = await new_room(hub)
        welcome = await patient.hello("patient", room.patient_token)
        return welcome["ice_servers"], room.invite.expires_at, room.room_id


@async_test
async def test_coturn_takes_the_hubs_credentials_until_they_expire() -> None:
    async with coturn() as turn:
        config = HubConfig(turn=turn.rest_server())
        [server], room_expiry, room_id = await ice_servers_of(config)
        assert server["urls"] == [turn.url]
        expiry, label = server["username"].split(":")
        assert int(expiry) == int(room_expiry.timestamp())  # not the 4 hours configured
        assert label == room_id
        host, _ = await allocate(turn, server)
        assert host == "127.0.0.1"
        assert f"username=<{server['username']}>" in turn.log

        # a room made two hours ago, open an hour: its credentials ran out an hour ago
        past = FakeClock(datetime.now(UTC) - timedelta(hours=2))
        [stale], stale_expiry, _ = await ice_servers_of(config, past)
        assert stale_expiry < datetime.now(UTC)
        with pytest.raises(stun.TransactionFailed) as refused:
            await allocate(turn, stale)
        assert refused.value.response.attributes["ERROR-CODE"][0] == 401

        # a credential the hub did not make (a wrong secret) is refused too
        forged = dict(server, credential="bm90IHRoZSByaWdodCBtYWM=")
        with pytest.raises(stun.TransactionFailed):
            await allocate(turn, forged)


async def relay_only_patient(page: Page, url: str) -> None:
    await page.add_init_script(FORCE_RELAY)
    await page.goto(url)
    await page.wait_for_selector('#status[data-state="ready"]', state="attached")
    await page.check("#consent")
    await page.wait_for_function("() => !document.getElementById('join').disabled")
    await page.click("#join")


@async_test_timeout(90)
async def test_a_call_gets_through_a_relay_only_patient_over_turn() -> None:
    async with (
        coturn() as turn,
        await start_hub(HubConfig(turn=turn.rest_server())) as hub,
        aiohttp.ClientSession() as websockets,
        chromium() as browser,
    ):
        room = await new_room(hub)

        async def generated() -> Publisher:
            return Publisher.generated()

        events = Recorder()
        open_session = hub_session_opener(websockets, hub.base_url, generated)
        session = await open_session(room.practitioner_token, events)
        try:
            context = await browser.new_context()
            page = await context.new_page()
            watch = await watch_page(page)
            await relay_only_patient(page, room.invite.patient_url)

            await events.wait_for(ev.CallPrepared, 20)
            await session.admit()
            await events.wait_for(ev.CallConnected, 20)
            assert await wait_for_frames_decoded(page, 10, seconds=20) >= 10
            await events.wait_for(ev.StreamCreated, 20)
            video = session.video
            assert video is not None
            await until(lambda: video.frames_received >= 10, "video frames from the patient")

            configs = await page.evaluate("window.__iceConfigs")
            [server] = configs[0]["iceServers"]
            assert server["urls"] == [turn.url]  # the page used what the hub handed out
            pair = await page.evaluate(SELECTED_PAIR)
            assert pair is not None
            assert pair["local"] == "relay", pair
            assert pair["protocol"] == "udp", pair
            assert "ALLOCATE processed, success" in turn.log
            assert await watch.csp_violations() == []
            await context.close()
        finally:
            await session.hang_up()
