"""The demo Home Assistant of `scripts/develop`, in a thread, for the synchronous browser tests.

Playwright's sync API runs its own event loop on the main thread, so the demo
(`scripts.devhass.demo_hass`: demo servers, `hass` subprocess, provisioning) runs on an asyncio
loop in a second thread; `HassApi` submits calls of the same logged-in `HassClient` to that loop.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Mapping
import concurrent.futures
from pathlib import Path
import socket
import sys
import threading
from typing import Any

from scripts.devhass.config_dir import LOG_FILE_NAME
from scripts.devhass.demo_hass import PROVISION_TIMEOUT, DemoHass, demo_hass
from scripts.devhass.hass_client import HassClient

# Beyond provisioning: the demo servers generate their history first (a few seconds).
START_TIMEOUT = PROVISION_TIMEOUT + 120
CALL_TIMEOUT = 200.0  # Above the client's own action timeout (180 s).


def free_port() -> int:
    """Return a port of 127.0.0.1 nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _say(message: str) -> None:
    print(f"browser tests: {message}", file=sys.stderr, flush=True)


class DemoThread:
    """Start the demo Home Assistant in a thread; `stop()` stops it and the demo servers."""

    def __init__(self, config_dir: Path, port: int) -> None:
        """Prepare (not start) a demo in `config_dir` on `port`."""
        self._config_dir = config_dir
        self._port = port
        self._loop = asyncio.new_event_loop()
        self._ready: concurrent.futures.Future[DemoHass] = concurrent.futures.Future()
        self._serving: asyncio.Task[None] | None = None
        self._demo: DemoHass | None = None
        self._thread = threading.Thread(target=self._run, name="demo-hass", daemon=True)

    def start(self) -> DemoHass:
        """Start the demo and wait until it is provisioned, its imports done."""
        self._thread.start()
        try:
            self._demo = self._ready.result(timeout=START_TIMEOUT)
        except Exception as err:
            log = self._config_dir / LOG_FILE_NAME
            tail = (
                "\n".join(log.read_text(errors="replace").splitlines()[-40:])
                if log.exists()
                else ""
            )
            raise RuntimeError(
                f"the demo Home Assistant did not come up ({type(err).__name__}: {err}); "
                f"end of {log}:\n{tail}"
            ) from err
        finally:
            if self._demo is None:
                self.stop()
        return self._demo

    @property
    def demo(self) -> DemoHass:
        """Return the running demo (after `start()`)."""
        if self._demo is None:
            raise RuntimeError("the demo Home Assistant is not started")
        return self._demo

    def stop(self) -> None:
        """Stop Home Assistant (even while provisioning), then the demo servers."""
        if self._serving is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._serving.cancel)
        self._thread.join(timeout=60)

    def run(self, coroutine: Coroutine[Any, Any, Any]) -> Any:
        """Run `coroutine` on the demo's loop and return its result."""
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(CALL_TIMEOUT)

    def _run(self) -> None:
        self._serving = self._loop.create_task(self._serve())
        try:
            self._loop.run_until_complete(self._serving)
        except asyncio.CancelledError:
            pass  # Stopped by `stop()`.
        finally:
            self._loop.close()

    async def _serve(self) -> None:
        try:
            async with demo_hass(self._config_dir, self._port, say=_say) as demo:
                self._ready.set_result(demo)
                await asyncio.Event().wait()  # Until `stop()` cancels this task.
        except Exception as err:
            if not self._ready.done():
                self._ready.set_exception(err)
                return
            raise


class HassApi:
    """Home Assistant's REST and websocket APIs, as the demo user, for synchronous tests."""

    def __init__(self, demo: DemoThread, client: HassClient) -> None:
        """Call through `client`, on the demo's loop."""
        self._demo = demo
        self._client = client
        self.base_url = client.base_url

    def states(self) -> dict[str, dict[str, Any]]:
        """Every entity's state, by entity id."""
        states: dict[str, dict[str, Any]] = self._demo.run(self._client.states())
        return states

    def state(self, entity_id: str) -> dict[str, Any]:
        """One entity's state (``state`` and ``attributes``)."""
        state: dict[str, Any] = self._demo.run(self._client.state(entity_id))
        return state

    def call_action(
        self, domain: str, action: str, data: Mapping[str, Any] | None = None
    ) -> dict[str, Any]:
        """Call an action; return its response (AIME's actions) or ``{}``."""
        response: dict[str, Any] = self._demo.run(self._client.call_action(domain, action, data))
        return response

    def ws(self, command_type: str, **data: Any) -> Any:
        """Send a websocket command, e.g. ``ws("aime/history", page_size=5)``; its result."""
        return self._demo.run(self._client.websocket_command({"type": command_type, **data}))
