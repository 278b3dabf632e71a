"""The real Home Assistant of ``scripts/bench-ha``: a `hass` subprocess with only the AIME hub.

Reuses the develop script's pieces (``scripts/devhass``: configuration folder, `hass` process,
REST client, onboarding) without the demo's servers and entries: the benchmark brings its own
history, through the actions a user would call. ``Websocket`` keeps one authenticated
connection open, so a timed command is one round trip, as in the panel.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from http import HTTPStatus
from itertools import count
from pathlib import Path
import time
from typing import Any

import aiohttp

from scripts.devhass.config_dir import prepare_config_dir
from scripts.devhass.hass_client import DOMAIN, HassClient, ProvisionError
from scripts.devhass.hass_process import HassProcess, ensure_port_free

from .common import log

HUB_FLOW: dict[str, dict[str, Any]] = {"user": {}}
RECORDER_POLL_S = 2.0
RECORDER_IDLE_POLLS = 3
RECORDER_WAIT_S = 3600.0
_NO_TIMEOUT = aiohttp.ClientTimeout(total=None)
_WS_TIMEOUT = aiohttp.ClientWSTimeout(ws_receive=None, ws_close=10)
_RECENT_DAYS = 3  # The history ends an hour ago: its last hour is in the last days.


def memory_kib(pid: int) -> dict[str, int]:
    """The process's peak (VmHWM) and current (VmRSS) resident memory, in KiB, from /proc."""
    figures: dict[str, int] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in {"VmHWM", "VmRSS"}:
            figures[name] = int(value.split()[0])
    return figures


@dataclass(slots=True)
class Hass:
    """A started, onboarded Home Assistant, logged in as the demo owner."""

    process: HassProcess
    client: HassClient
    session: aiohttp.ClientSession

    @property
    def pid(self) -> int:
        return self.process.pid

    async def action(self, action: str, data: Mapping[str, Any] | None = None) -> Any:
        """Call an AIME action and wait for its answer, however long it takes."""
        for attempt in range(2):
            async with self.session.post(
                f"{self.client.base_url}/api/services/{DOMAIN}/{action}?return_response",
                json=dict(data or {}),
                headers={"Authorization": f"Bearer {self.client.access_token}"},
                timeout=_NO_TIMEOUT,
            ) as response:
                if response.status == HTTPStatus.UNAUTHORIZED and not attempt:
                    await self.client.log_in()  # Access tokens expire after 30 minutes.
                    continue
                if response.status != HTTPStatus.OK:
                    text = await response.text()
                    raise ProvisionError(f"{action} answered {response.status}: {text}")
                return (await response.json()).get("service_response")
        return None

    async def state(self, entity_id: str) -> dict[str, Any]:
        """An entity's state; logged in again once the access token expired (30 minutes)."""
        try:
            return await self.client.state(entity_id)
        except ProvisionError as err:
            if " answered 401" not in str(err):
                raise
            await self.client.log_in()
            return await self.client.state(entity_id)

    async def websocket(self) -> Websocket:
        """A new authenticated websocket connection (opened again if the server closes it)."""
        ws = Websocket(self._open_websocket)
        await ws.connect()
        return ws

    async def _open_websocket(self) -> aiohttp.ClientWebSocketResponse:
        url = f"{self.client.base_url.replace('http', 'ws', 1)}/api/websocket"
        connection = await self.session.ws_connect(url, max_msg_size=0, timeout=_WS_TIMEOUT)
        if (await connection.receive_json())["type"] != "auth_required":
            raise ProvisionError("the websocket did not ask for authentication")
        await connection.send_json({"type": "auth", "access_token": self.client.access_token})
        if (reply := await connection.receive_json())["type"] != "auth_ok":
            raise ProvisionError(f"websocket authentication failed: {reply}")
        return connection

    async def wait_for_backfill(self, ws: Websocket) -> float:
        """Wait until ``aime:plays`` counts every play of the store, and the recorder is idle.

        The backfill sends its hours oldest first, one chunk at a time: the recorder's queue is
        empty between chunks, so only the running total of the newest hour tells it ended.
        """
        started = time.perf_counter()
        since = datetime.now(UTC) - timedelta(days=_RECENT_DAYS)
        while time.perf_counter() - started < RECORDER_WAIT_S:
            periods = (await ws.call({"type": "aime/periods"}))[0]
            expected = max(figures["plays"] for figures in periods.values())
            rows = (
                await ws.call(
                    {
                        "type": "recorder/statistics_during_period",
                        "start_time": since.isoformat(),
                        "statistic_ids": ["aime:plays"],
                        "period": "hour",
                        "types": ["sum"],
                    }
                )
            )[0].get("aime:plays", [])
            if rows and round(rows[-1]["sum"] or 0) == expected:
                break
            await asyncio.sleep(RECORDER_POLL_S)
        await self.wait_for_recorder(ws)
        return time.perf_counter() - started

    async def wait_for_recorder(self, ws: Websocket) -> float:
        """Wait until the recorder's queue stays empty (the statistics backfill written)."""
        started = time.perf_counter()
        idle_polls = 0
        while idle_polls < RECORDER_IDLE_POLLS and time.perf_counter() - started < RECORDER_WAIT_S:
            backlog = (await ws.call({"type": "recorder/info"}))[0]["backlog"]
            idle_polls = idle_polls + 1 if backlog == 0 else 0
            await asyncio.sleep(RECORDER_POLL_S)
        return time.perf_counter() - started


class Websocket:
    """One websocket connection; one command at a time, timed from send to answer.

    Home Assistant closes a connection that leaves its pings unanswered, and ours are answered
    only while reading: a connection idle through a long import is opened again.
    """

    def __init__(self, opener: Callable[[], Awaitable[aiohttp.ClientWebSocketResponse]]) -> None:
        self._opener = opener
        self._connection: aiohttp.ClientWebSocketResponse | None = None
        self._ids = count(1)
        self._lock = asyncio.Lock()

    async def connect(self) -> None:
        if self._connection is not None:
            await self._connection.close()
        self._connection = await self._opener()

    async def call(self, command: Mapping[str, Any]) -> tuple[Any, float]:
        """Send ``command``; its result and the round trip in milliseconds."""
        async with self._lock:
            if self._connection is None or self._connection.closed:
                await self.connect()
            try:
                reply, elapsed = await self._round_trip(command)
            except (aiohttp.ClientError, TypeError):  # TypeError: a close frame, not JSON.
                await self.connect()
                reply, elapsed = await self._round_trip(command)
        if not reply.get("success"):
            raise ProvisionError(f"{command.get('type')} failed: {reply.get('error')}")
        return reply["result"], elapsed

    async def _round_trip(self, command: Mapping[str, Any]) -> tuple[dict[str, Any], float]:
        assert self._connection is not None
        message_id = next(self._ids)
        started = time.perf_counter()
        await self._connection.send_json({**command, "id": message_id})
        while True:
            reply: dict[str, Any] = await self._connection.receive_json()
            if reply.get("id") == message_id and reply.get("type") == "result":
                return reply, (time.perf_counter() - started) * 1000

    async def close(self) -> None:
        if self._connection is not None:
            await self._connection.close()


async def start_hass(config_dir: Path, port: int, session: aiohttp.ClientSession) -> Hass:
    """Start Home Assistant in ``config_dir`` (onboarding it the first time), with the hub."""
    ensure_port_free(port)
    prepare_config_dir(config_dir, port)
    process = HassProcess.start(config_dir, show_output=False)
    client = HassClient(session, f"http://127.0.0.1:{port}")
    try:
        done = await client.wait_until_up(process)
        if done["user"]:
            await client.log_in()
        else:
            log("onboarding a new Home Assistant")
            await client.create_owner()
        await client.finish_onboarding(done)
        await client.wait_until_running()
        if not done["core_config"]:
            await client.remove_failed_onboarding_entries()
        if not await client.aime_entries():
            log("creating the AIME hub")
            await client.create_aime_entry(HUB_FLOW)
        await client.wait_for_settled_entries()
    except BaseException:
        await process.stop()
        raise
    return Hass(process, client, session)


async def add_lastfm_entry(hass: Hass, user: str, api_key: str, api_root: str) -> None:
    """The Last.fm account, through the config flow (its "Advanced options" point at the fake)."""
    titles = {entry["title"] for entry in await hass.client.aime_entries()}
    if f"Last.fm {user}" in titles:
        return
    await hass.client.create_aime_entry(
        {
            "user": {"next_step_id": "lastfm"},
            "lastfm": {
                "username": user,
                "api_key": api_key,
                "advanced_options": {"api_root": api_root},
            },
        }
    )
    await hass.client.wait_for_settled_entries()
